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
    request: (ctx, i) => ({ method: 'GET', path: `/v1/debit-memos/${ctx.sample.debitMemoIds[i % ctx.sample.debitMemoIds.length]}` }),
  },
  {
    name: 'items of a memo',
    request: (ctx, i) => ({ method: 'GET', path: `/v1/debit-memos/${ctx.sample.debitMemoIds[i % ctx.sample.debitMemoIds.length]}/items` }),
  },
  {
    name: 'create from charge',
    request: (ctx) => ({
      method: 'POST',
      path: '/v1/debit-memos',
      headers: { 'zuora-version': '257.0' },
      body: {
        accountNumber: ctx.sample.accountNumber, effectiveDate: '2026-11-20', comment: 'bench',
        charges: [{ productRatePlanChargeId: ctx.sample.chargeId, amount: 10 }],
      },
    }),
  },
  {
    // Each request writes off a different open debit memo in full (a write-off can succeed once per memo).
    name: 'debit memo write-off (full balance)',
    request: (ctx, i) => ({ method: 'PUT', path: `/v1/debit-memos/${ctx.sample.openDebitMemoIds[i % ctx.sample.openDebitMemoIds.length]}/write-off`, body: { comment: 'bench' } }),
  },
  {
    // Header-level apply of 1 currency unit from an open credit memo to an open debit memo of the same account.
    name: 'credit memo apply (header level)',
    async setup(ctx) {
      const pairs: { cm: string; dm: string }[] = [];
      for (const cmId of ctx.sample.openCreditMemoIds.slice(0, 200)) {
        const cm = await ctx.get(`/v1/credit-memos/${cmId}`);
        if (!(cm.unappliedAmount >= 20)) continue;
        const dms = await ctx.get(`/v1/debit-memos?accountId=${cm.accountId}&status=Posted&openBalance=true&currency=${cm.currency}&pageSize=10`);
        const dm = (dms.debitmemos as { id: string; balance: number; currency: string }[]).find((d) => d.balance >= 20 && d.currency === cm.currency);
        if (dm) pairs.push({ cm: cmId, dm: dm.id });
        if (pairs.length >= 40) break;
      }
      if (pairs.length === 0) throw new Error('bench: no credit memo with an open debit memo on the same account');
      return pairs;
    },
    request: (ctx, i) => {
      const pairs = ctx.data as { cm: string; dm: string }[];
      const { cm, dm } = pairs[i % pairs.length];
      return { method: 'PUT', path: `/v1/credit-memos/${cm}/apply`, body: { debitMemos: [{ debitMemoId: dm, amount: 1 }] } };
    },
  },
];
