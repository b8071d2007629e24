import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { fixtures } from '../testing/memo-writes-fixtures.ts';

// Conformance of the sandbox's Object Query with docs/zuora/tenant-read-contract.md A2–A6. The `server` test
// project runs it on PGlite; with TEST_DATABASE_URL set, the `server-postgres` project runs it again on
// PostgreSQL (vite.config.ts), and without it the PostgreSQL suite shows as skipped with the reason.
// Expected results come from the database itself (the seed's rows), so each operator is checked against
// what it must select, not against a copy of the code.

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);
const TARGETS = [
  { name: 'PGlite', skip: onPostgres },
  { name: 'PostgreSQL', skip: !onPostgres },
];

interface Memo {
  id: string;
  memoNumber: string;
  memoDate: string;
  status: string;
  totalAmount: number;
  balance: number;
  accountId: string;
  updatedDate: string;
  [k: string]: unknown;
}

const OFFSET_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

for (const target of TARGETS) {
  const title =
    target.skip && target.name === 'PostgreSQL'
      ? `Object Query on PostgreSQL (skipped: set TEST_DATABASE_URL=postgres://… to run it)`
      : `Object Query on ${target.name}`;
  describe.skipIf(target.skip)(title, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await createHarness();
    }, 120_000);
    afterAll(async () => h?.close());

    const get = (path: string) => h.call('GET', path);
    /** Every row of a query, page by page through nextPage; also the page sizes seen. */
    async function walk(path: string, pageSize = 99, between?: (page: number) => Promise<void>) {
      const rows: Memo[] = [];
      const sep = path.includes('?') ? '&' : '?';
      let cursor: string | undefined;
      for (let page = 0; page < 1000; page++) {
        const r = await get(
          `${path}${sep}pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        expect(r.status, JSON.stringify(r.body)).toBe(200);
        rows.push(...(r.body.data as Memo[]));
        if (!('nextPage' in r.body)) return rows;
        expect(r.body.data).toHaveLength(pageSize);
        cursor = r.body.nextPage;
        await between?.(page);
      }
      throw new Error('walk did not end');
    }
    const dbMemos = (kind: 'DebitMemo' | 'CreditMemo') =>
      h.conn.db.selectFrom('memos').selectAll().where('kind', '=', kind).execute();
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

    test('pageSize is 1..99 (default 10), else HTTP 400; nextPage is absent on the last page', async () => {
      expect((await get('/object-query/debit-memos')).body.data).toHaveLength(10);
      expect((await get('/object-query/debit-memos?pageSize=99')).body.data).toHaveLength(99);
      for (const bad of ['0', '100', '-1', '1.5', 'ten']) {
        const r = await get(`/object-query/debit-memos?pageSize=${bad}`);
        expect(r.status, bad).toBe(400);
        expect(Object.keys(r.body).sort()).toEqual(['reasons', 'requestId']);
      }
      const all = await dbMemos('DebitMemo');
      const rows = await walk('/object-query/debit-memos', 50);
      expect(ids(rows)).toEqual(ids(all));
      const empty = await get('/object-query/debit-memos?filter[]=memonumber.EQ:NOPE');
      expect(empty.status).toBe(200);
      expect(empty.body).toEqual({ data: [] });
    });

    test('rows use Object Query names and formats; nulls are left out unless includeNullFields=true', async () => {
      const r = await get('/object-query/debit-memos?pageSize=20');
      for (const m of r.body.data as Memo[]) {
        expect(m).toMatchObject({
          id: expect.any(String),
          memoNumber: expect.stringMatching(/^DM/),
          memoDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
          totalAmount: expect.any(Number),
          totalAmountWithoutTax: expect.any(Number),
          balance: expect.any(Number),
          accountId: expect.any(String),
        });
        expect(m.createdDate).toMatch(OFFSET_TIMESTAMP);
        expect(m.updatedDate).toMatch(OFFSET_TIMESTAMP);
        for (const v1Name of ['number', 'debitMemoDate', 'amount', 'referredInvoiceId', 'accountNumber', 'success'])
          expect(m, v1Name).not.toHaveProperty(v1Name);
        expect(Object.values(m)).not.toContain(null);
      }
      const withNulls = await get('/object-query/debit-memos?pageSize=5&includeNullFields=true');
      const first = withNulls.body.data[0] as Memo;
      expect(first).toHaveProperty('eInvoiceStatus', null);
      expect(Object.values(first)).toContain(null);
      const cm = (await get('/object-query/credit-memos?pageSize=5')).body.data[0] as Memo;
      expect(cm.memoNumber).toMatch(/^CM/);
      expect(cm).toHaveProperty('appliedAmount');
    });

    test('EQ NE LT GT LE GE SW IN select exactly the matching rows, case-insensitively, AND-ed', async () => {
      const all = await dbMemos('DebitMemo');
      const expectIds = async (query: string, pick: (m: (typeof all)[number]) => boolean) => {
        const rows = await walk(`/object-query/debit-memos?${query}`);
        expect(ids(rows), query).toEqual(ids(all.filter(pick)));
        return rows;
      };
      const posted = await expectIds('filter[]=status.EQ:posted', (m) => m.status === 'Posted');
      expect(posted.length).toBeGreaterThan(0);
      await expectIds('filter[]=status.NE:POSTED', (m) => m.status !== 'Posted');
      await expectIds('filter[]=status.IN:[draft,Posted]', (m) => m.status === 'Draft' || m.status === 'Posted');
      await expectIds('filter[]=status.IN:%5BCanceled%5D', (m) => m.status === 'Canceled');
      await expectIds('filter[]=totalamount.GT:500', (m) => Number(m.amount) > 500);
      await expectIds('filter[]=totalAmount.LE:500', (m) => Number(m.amount) <= 500);
      await expectIds('filter[]=balance.GT:0', (m) => Number(m.balance) > 0);
      const dates = all.map((m) => m.memo_date).sort();
      const [from, to] = [dates[Math.floor(dates.length / 4)], dates[Math.floor((3 * dates.length) / 4)]];
      await expectIds(
        `filter[]=memodate.GE:${from}&filter[]=memodate.LT:${to}&filter[]=status.IN:[Posted,Draft]`,
        (m) => m.memo_date >= from && m.memo_date < to && (m.status === 'Posted' || m.status === 'Draft'),
      );
      const prefix = all[0].number.slice(0, 8);
      await expectIds(`filter[]=memonumber.SW:${prefix.toLowerCase()}`, (m) => m.number.startsWith(prefix));
      await expectIds(`filter[]=memonumber.EQ:${all[1].number.toLowerCase()}`, (m) => m.id === all[1].id);
      await expectIds(`filter[]=id.EQ:${all[2].id.toUpperCase()}`, (m) => m.id === all[2].id);
      await expectIds(`filter[]=accountid.IN:[${all[0].account_id},${all[3].account_id}]`, (m) =>
        [all[0].account_id, all[3].account_id].includes(m.account_id),
      );
      await expectIds('filter[]=invoiceid.EQ:null', (m) => m.referred_invoice_id === null);
      await expectIds('filter[]=invoiceid.NE:null', (m) => m.referred_invoice_id !== null);
      // A timestamp filter takes ISO-8601 with an offset: the one the API writes for the median row.
      const median = [...all].sort((a, b) => a.updated_date.localeCompare(b.updated_date))[Math.floor(all.length / 2)];
      const stamp = (await get(`/object-query/debit-memos/${median.id}?fields[]=updateddate`)).body.updatedDate;
      expect(stamp).toMatch(OFFSET_TIMESTAMP);
      await expectIds(
        `filter[]=updateddate.GE:${encodeURIComponent(stamp)}`,
        (m) => m.updated_date >= median.updated_date,
      );
      await expectIds(
        `filter[]=updateddate.LT:${encodeURIComponent(stamp)}`,
        (m) => m.updated_date < median.updated_date,
      );
      await expectIds('filter[]=sourcetype.EQ:STANDALONE', (m) => m.source_type === 'Standalone');
    });

    test('sort[] on one sortable field, either direction; the default is updatedDate DESC, id DESC', async () => {
      const asc = await walk('/object-query/debit-memos?sort[]=memodate.asc');
      const keys = asc.map((m) => `${m.memoDate} ${m.id}`);
      expect(keys).toEqual([...keys].sort());
      const desc = await walk('/object-query/debit-memos?sort[]=totalAmount.DESC', 37);
      const amounts = desc.map((m) => m.totalAmount);
      expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
      const byDefault = await walk('/object-query/debit-memos', 60);
      const stamps = byDefault.map((m) => `${m.updatedDate} ${m.id}`);
      expect(stamps).toEqual([...stamps].sort().reverse());
      const nullable = await walk('/object-query/debit-memos?sort[]=invoiceid.ASC', 13);
      expect(ids(nullable)).toEqual(ids(await dbMemos('DebitMemo')));
    });

    test('bad filter, sort, expand and fields values are refused: HTTP 400, category 27, {reasons, requestId}', async () => {
      const bad = [
        'filter[]=currency.EQ:USD', // not filterable on memos (A4)
        'filter[]=bogus.EQ:1',
        'filter[]=status.XX:Posted',
        'filter[]=status',
        'filter[]=memodate.GE:2024-13-01',
        'filter[]=memodate.GE:01/02/2024',
        'filter[]=totalamount.GT:ten',
        'filter[]=totalamount.SW:1',
        'filter[]=updateddate.GT:yesterday',
        'filter[]=memonumber.EQ:',
        'filter[]=memonumber.LT:DM1',
        'sort[]=currency.ASC',
        'sort[]=memodate.UP',
        'sort[]=memodate.ASC&sort[]=id.ASC',
        'sort[]=account.name.ASC',
        'expand[]=subscriptions',
        'fields[]=id,nope',
        'account.fields[]=nope&expand[]=account',
        'nothing.fields[]=id',
      ];
      for (const q of bad) {
        const r = await get(`/object-query/debit-memos?${q}`);
        expect(r.status, q).toBe(400);
        expect(Object.keys(r.body).sort(), q).toEqual(['reasons', 'requestId']);
        expect(r.body.reasons[0].code % 100, q).toBe(27);
      }
      const cursor = await get('/object-query/debit-memos?cursor=bm90LWEtY3Vyc29y');
      expect(cursor.status).toBe(400);
    });

    test('a cursor walk neither repeats nor skips a row while memos are created and updated', async () => {
      const f = await fixtures(h);
      const before = await dbMemos('DebitMemo');
      const open = before.filter((m) => m.status === 'Draft' || m.status === 'Posted');
      let n = 0;
      const churn = async () => {
        // A new memo (dated inside the walked range) and a changed one, between every two pages.
        const created = await h.call('POST', '/v1/debit-memos', {
          accountNumber: f.usd.account_number,
          effectiveDate: before[n % before.length].memo_date,
          charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 10 + n }],
        });
        expect(created.status, JSON.stringify(created.body)).toBe(200);
        const target = open[(n * 7) % open.length];
        const updated = await h.call('PUT', `/v1/debit-memos/${target.id}`, { comment: `churn ${n}` });
        expect(updated.status, JSON.stringify(updated.body)).toBe(200);
        n++;
      };
      for (const sort of ['memodate.DESC', 'memonumber.ASC', 'totalamount.DESC']) {
        const rows = await walk(`/object-query/debit-memos?sort[]=${sort}`, 23, churn);
        const seen = rows.map((r) => r.id);
        expect(new Set(seen).size, `${sort}: no row twice`).toBe(seen.length);
        const missing = before.filter((m) => !seen.includes(m.id));
        expect(
          missing.map((m) => m.number),
          `${sort}: no row skipped`,
        ).toEqual([]);
      }
      expect(n).toBeGreaterThan(10);
    });

    test('expand[]=account with account.fields[], and memo items cut at pageSize', async () => {
      const r = await get(
        '/object-query/debit-memos?expand[]=account&account.fields[]=name,accountnumber&fields[]=id,memonumber,accountId&pageSize=30',
      );
      const accounts = await h.conn.db.selectFrom('accounts').selectAll().execute();
      for (const m of r.body.data as (Memo & { account: Record<string, unknown> })[]) {
        expect(Object.keys(m).sort()).toEqual(['account', 'accountId', 'id', 'memoNumber']);
        const a = accounts.find((x) => x.id === m.accountId)!;
        expect(m.account).toEqual({ name: a.name, accountNumber: a.account_number });
      }
      const counts = await h.conn.db
        .selectFrom('memo_items as i')
        .innerJoin('memos as m', 'm.id', 'i.memo_id')
        .select(['m.id', 'm.number', (eb) => eb.fn.countAll<number>().as('n')])
        .where('m.kind', '=', 'CreditMemo')
        .groupBy(['m.id', 'm.number'])
        .orderBy('n', 'desc')
        .executeTakeFirstOrThrow();
      expect(Number(counts.n)).toBeGreaterThan(1);
      const full = await get(`/object-query/credit-memos/${counts.number}?expand[]=creditmemoitems&pageSize=99`);
      expect(full.body.creditMemoItems).toHaveLength(Number(counts.n));
      expect(full.body.creditMemoItems[0]).toMatchObject({ creditMemoId: counts.id, amount: expect.any(Number) });
      const cut = await get(`/object-query/credit-memos/${counts.id}?expand[]=creditmemoitems&pageSize=1`);
      expect(cut.body.creditMemoItems).toHaveLength(1);
      expect(cut.body.memoNumber).toBe(counts.number);
      const listed = await get(
        `/object-query/credit-memos?filter[]=id.EQ:${counts.id}&expand[]=creditmemoitems&creditmemoitems.fields[]=id`,
      );
      expect(listed.body.data[0].creditMemoItems.every((i: object) => Object.keys(i).join() === 'id')).toBe(true);
    });

    test("the other documented expansions: applications, bill-to contact, taxation items, an account's memos", async () => {
      const app = await h.conn.db
        .selectFrom('applications')
        .select(['source_id', 'target_id', 'target_type'])
        .where('source_type', '=', 'CreditMemo')
        .executeTakeFirstOrThrow();
      const cm = await get(`/object-query/credit-memos/${app.source_id}?expand[]=creditmemoapplications,billtocontact`);
      expect(cm.status, JSON.stringify(cm.body)).toBe(200);
      const key = app.target_type === 'Invoice' ? 'invoiceId' : 'debitMemoId';
      expect(cm.body.creditMemoApplications).toContainEqual(expect.objectContaining({ [key]: app.target_id }));
      const taxed = await h.conn.db
        .selectFrom('memo_taxation_items as t')
        .innerJoin('memos as m', 'm.id', 't.memo_id')
        .select(['t.id', 't.memo_item_id'])
        .where('m.kind', '=', 'DebitMemo')
        .executeTakeFirstOrThrow();
      const item = await get(`/object-query/debit-memo-items/${taxed.memo_item_id}?expand[]=debittaxationitems`);
      expect(item.body.debitTaxationItems.map((t: { id: string }) => t.id)).toContain(taxed.id);
      const [m] = await dbMemos('DebitMemo');
      const account = await get(`/object-query/accounts/${m.account_id}?expand[]=debitmemos,billto&pageSize=99`);
      expect(account.body.debitMemos.map((x: { id: string }) => x.id)).toContain(m.id);
      expect(account.body.billTo).toMatchObject({ id: expect.any(String), lastName: expect.any(String) });
      const snapshot = await get(`/object-query/debit-memos/${m.id}?expand[]=billtocontactsnapshot`);
      expect(snapshot.status).toBe(200);
      expect(snapshot.body).not.toHaveProperty('billToContactSnapshot');
    });

    test('custom fields are written as named, filter as text, and follow fields[]', async () => {
      const f = await fixtures(h);
      const created = await h.call('POST', '/v1/debit-memos', {
        accountNumber: f.usd.account_number,
        charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 5 }],
        Region__c: 'North-East',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const row = await get(`/object-query/debit-memos/${created.body.id}`);
      expect(row.body.Region__c).toBe('North-East');
      const found = await get('/object-query/debit-memos?filter[]=Region__c.EQ:north-east');
      expect(found.body.data.map((m: Memo) => m.id)).toEqual([created.body.id]);
      const chosen = await get(`/object-query/debit-memos/${created.body.id}?fields[]=id,Region__c`);
      expect(chosen.body).toEqual({ id: created.body.id, Region__c: 'North-East' });
      expect((await get("/object-query/debit-memos?filter[]=Bad'__c.EQ:x")).status).toBe(400);
    });

    test('/{key} takes an id or a number; an unknown key is 404 in the Object Query envelope', async () => {
      const [m] = await dbMemos('CreditMemo');
      expect((await get(`/object-query/credit-memos/${m.id}`)).body.memoNumber).toBe(m.number);
      expect((await get(`/object-query/credit-memos/${m.number}`)).body.id).toBe(m.id);
      const missing = await get('/object-query/credit-memos/CM99999999');
      expect(missing.status).toBe(404);
      expect(Object.keys(missing.body).sort()).toEqual(['reasons', 'requestId']);
      const account = await get('/object-query/accounts/A00000001?fields[]=accountnumber,name');
      expect(Object.keys(account.body).sort()).toEqual(['accountNumber', 'name']);
    });

    test('a value the database cannot hold (a NUL) is refused in the Object Query envelope, never a 500', async () => {
      const r = await get('/object-query/accounts?filter[]=id.SW:%00');
      expect(r.status).toBeLessThan(500);
      if (r.status >= 400) expect(Object.keys(r.body).sort()).toEqual(['reasons', 'requestId']);
    });

    test('accounts, invoices and memo items are served by the same grammar', async () => {
      const sw = await get('/object-query/accounts?filter[]=name.SW:ky&fields[]=name');
      expect(sw.body.data).toEqual([{ name: 'Kyoto Textiles' }]);
      const usd = await walk('/object-query/accounts?filter[]=currency.EQ:usd', 5);
      expect(usd.length).toBeGreaterThan(5);
      const inv = await get('/object-query/invoices?filter[]=status.EQ:Posted&sort[]=invoicedate.DESC&pageSize=3');
      expect(inv.body.data).toHaveLength(3);
      expect(inv.body.data[0]).toMatchObject({ invoiceNumber: expect.any(String), invoiceDate: expect.any(String) });
      const [item] = (await get('/object-query/debit-memo-items?pageSize=1')).body.data;
      expect(item).toMatchObject({ id: expect.any(String), debitMemoId: expect.any(String) });
      const byMemo = await get(
        `/object-query/debit-memo-items?filter[]=debitmemoid.EQ:${item.debitMemoId}&pageSize=99`,
      );
      expect(byMemo.body.data.map((i: { id: string }) => i.id)).toContain(item.id);
    });
  });
}

describe('Object Query rate limit', () => {
  test('answers 429 with Retry-After in the Object Query envelope, like a tenant', async () => {
    const h = await createHarness({ env: { RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<Harness['call']>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await h.call('GET', '/object-query/accounts?pageSize=1');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect(Number(last!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Object.keys(last!.body).sort()).toEqual(['reasons', 'requestId']);
      expect(last!.body.reasons[0].code % 100).toBe(70);
    } finally {
      await h.close();
    }
  }, 60_000);
});
