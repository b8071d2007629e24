import { currencyDecimals, money, toWire } from '../src/lib/money.ts';

// The requests `npm run bench` measures. Adding a case is adding one object to BENCH_CASES:
// `request(ctx, i)` returns the i-th request (vary it when one request can only succeed once, e.g. a
// write-off: take `ctx.sample.openDebitMemoIds[i]`), `setup` may fetch extra data once through ctx.get.

export interface BenchRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BenchContext {
  /** GET/POST against the server under test as the admin user; parsed JSON. */
  get(path: string): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  sample: {
    debitMemoIds: string[];
    openDebitMemoIds: string[];
    openCreditMemoIds: string[];
    accountNumber: string;
    chargeId: string;
  };
  /** Whatever the case's setup returned. */
  data?: unknown;
}

export interface BenchCase {
  name: string;
  setup?(ctx: BenchContext): Promise<unknown>;
  request(ctx: BenchContext, i: number): BenchRequest;
  /** HTTP statuses that count as success (default: 200). */
  ok?: number[];
}

// Object Query list (docs/zuora/tenant-read-contract.md A3, A10): several statuses, a memo-date range, sorted by
// memo date. Targets: p95 ≤ 20 ms on PostgreSQL and ≤ 40 ms on PGlite, and a page 1,000 rows deep (reached by
// cursor) within 1.5× of page 1, which only a keyset cursor over an index gives. They run after the first
// cases, on a warm server, like the classic list they are compared with.
const OQ_LIST =
  '/object-query/debit-memos?filter[]=status.IN:[Draft,Posted]&filter[]=memodate.GE:2026-03-01' +
  '&filter[]=memodate.LE:2026-08-31&sort[]=memodate.DESC&pageSize=20';

export const BENCH_CASES: BenchCase[] = [
  {
    name: 'list page 1, status filter + sort',
    request: () => ({ method: 'GET', path: '/v1/debit-memos?status=Posted&sort=-debitMemoDate&pageSize=20' }),
  },
  {
    name: 'list page 100, status filter',
    request: () => ({ method: 'GET', path: '/v1/credit-memos?status=Posted&page=100&pageSize=20' }),
  },
  {
    name: 'list, account search + open balance',
    request: () => ({ method: 'GET', path: '/v1/debit-memos?accountSearch=acme&openBalance=true&pageSize=20' }),
  },
  {
    name: 'retrieve',
    request: (ctx, i) => ({
      method: 'GET',
      path: `/v1/debit-memos/${ctx.sample.debitMemoIds[i % ctx.sample.debitMemoIds.length]}`,
    }),
  },
  {
    name: 'items of a memo',
    request: (ctx, i) => ({
      method: 'GET',
      path: `/v1/debit-memos/${ctx.sample.debitMemoIds[i % ctx.sample.debitMemoIds.length]}/items`,
    }),
  },
  {
    name: 'object query page 1, status IN + memo-date range, sort memo date',
    request: () => ({ method: 'GET', path: OQ_LIST }),
  },
  {
    name: 'object query page 1,000 rows deep (by cursor)',
    async setup(ctx) {
      let cursor = '';
      for (let page = 0; page < 1000 / 20; page++) {
        const r = await ctx.get(`${OQ_LIST}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
        if (!r.nextPage) throw new Error('bench: the object query list ended before 1,000 rows');
        cursor = r.nextPage;
      }
      return cursor;
    },
    request: (ctx) => ({ method: 'GET', path: `${OQ_LIST}&cursor=${encodeURIComponent(ctx.data as string)}` }),
  },
  {
    name: 'object query page 1 as the list asks it (fields + expand account)',
    request: () => ({
      method: 'GET',
      path:
        `${OQ_LIST}&fields[]=id,memonumber,memodate,status,totalamount,balance,currency,accountid` +
        '&expand[]=account&account.fields[]=name,accountnumber',
    }),
  },
  {
    name: 'create from charge',
    request: (ctx) => ({
      method: 'POST',
      path: '/v1/debit-memos',
      headers: { 'zuora-version': '257.0' },
      body: {
        accountNumber: ctx.sample.accountNumber,
        effectiveDate: '2026-11-20',
        comment: 'bench',
        charges: [{ productRatePlanChargeId: ctx.sample.chargeId, amount: 10 }],
      },
    }),
  },
  {
    // Each request writes off one currency unit of an open debit memo (a partial write-off, allocated over
    // its items and taxes like any other), round-robin over memos with at least 100 units open: a
    // full-balance write-off can succeed once per memo, so at PostgreSQL's rate the sample ran dry in a
    // second and the rest measured fast refusals.
    name: 'debit memo write-off (1 unit, partial)',
    async setup(ctx) {
      const ids: string[] = [];
      for (const id of ctx.sample.openDebitMemoIds) {
        if ((await ctx.get(`/v1/debit-memos/${id}`)).balance >= 100) ids.push(id);
        if (ids.length >= 400) break;
      }
      if (ids.length === 0) throw new Error('bench: no debit memo with 100 units open');
      return ids;
    },
    request: (ctx, i) => {
      const ids = ctx.data as string[];
      return {
        method: 'PUT',
        path: `/v1/debit-memos/${ids[i % ids.length]}/write-off`,
        body: { amount: 1, comment: 'bench' },
      };
    },
  },
  {
    // Header-level apply of the currency's smallest unit from an open credit memo to an open debit memo of
    // the same account: 200 pairs with at least 20 units each stay open for the whole run.
    name: 'credit memo apply (header level)',
    async setup(ctx) {
      const pairs: { cm: string; dm: string; amount: number }[] = [];
      for (const cmId of ctx.sample.openCreditMemoIds) {
        const cm = await ctx.get(`/v1/credit-memos/${cmId}`);
        if (!(cm.unappliedAmount >= 20)) continue;
        const dms = await ctx.get(
          `/v1/debit-memos?accountId=${cm.accountId}&status=Posted&openBalance=true&currency=${cm.currency}&pageSize=10`,
        );
        const dm = (dms.debitmemos as { id: string; balance: number; currency: string }[]).find(
          (d) => d.balance >= 20 && d.currency === cm.currency,
        );
        if (dm) pairs.push({ cm: cmId, dm: dm.id, amount: toWire(money(1).div(10 ** currencyDecimals(cm.currency))) });
        if (pairs.length >= 200) break;
      }
      if (pairs.length === 0) throw new Error('bench: no credit memo with an open debit memo on the same account');
      return pairs;
    },
    request: (ctx, i) => {
      const pairs = ctx.data as { cm: string; dm: string; amount: number }[];
      const { cm, dm, amount } = pairs[i % pairs.length];
      return {
        method: 'PUT',
        path: `/v1/credit-memos/${cm}/apply`,
        body: { debitMemos: [{ debitMemoId: dm, amount }] },
      };
    },
  },
];
