import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../testing/harness.ts';
import { money } from '../../src/lib/money.ts';
import { category } from '../testing/reason-category.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const get = (path: string, role?: 'admin' | 'clerk' | 'viewer') => h.call('GET', path, undefined, { role });
const count = async (where: string) =>
  (await sql.raw<{ n: number }>(`select count(*)::int as n from memos m where ${where}`).execute(h.conn.db)).rows[0].n;

/** Follows nextPage links to the end; returns every row. */
async function all(path: string, key: string) {
  const out: Record<string, unknown>[] = [];
  let next: string | undefined = path;
  let pages = 0;
  while (next) {
    const r = await get(next);
    expect(r.status).toBe(200);
    out.push(...r.body[key]);
    next = r.body.nextPage;
    if (++pages > 50) throw new Error('too many pages');
  }
  return out;
}

describe('list memos: paging and both spellings', () => {
  test('default page of 20, number descending, nextPage link; both spellings agree', async () => {
    const a = await get('/v1/debit-memos');
    expect(a.status).toBe(200);
    expect(a.body.success).toBe(true);
    expect(a.body.debitmemos).toHaveLength(20);
    const numbers = a.body.debitmemos.map((m: { number: string }) => m.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
    expect(a.body.nextPage).toMatch(/^\/v1\/debit-memos\?.*page=2/);
    const b = await get('/v1/debitmemos');
    expect(b.body.debitmemos.map((m: { id: string }) => m.id)).toEqual(
      a.body.debitmemos.map((m: { id: string }) => m.id),
    );
    const c = await get('/v1/creditmemos?pageSize=3');
    const d = await get('/v1/credit-memos?pageSize=3');
    expect(c.body.creditmemos).toEqual(d.body.creditmemos);
    expect(c.body.creditmemos[0]).toMatchObject({
      number: expect.stringMatching(/^CM\d{8}$/),
      accountNumber: expect.stringMatching(/^A\d{8}$/),
    });
  });

  test('walking nextPage returns every matching memo once; no nextPage on the last page', async () => {
    const rows = await all('/v1/credit-memos?status=Posted&pageSize=40', 'creditmemos');
    expect(rows).toHaveLength(await count(`kind = 'CreditMemo' and status = 'Posted'`));
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    const n = await count(`kind = 'DebitMemo'`);
    const last = await get(`/v1/debit-memos?pageSize=40&page=${Math.ceil(n / 40)}`);
    expect(last.body.debitmemos).toHaveLength(n % 40 || 40);
    expect(last.body).not.toHaveProperty('nextPage');
    const beyond = await get(`/v1/debit-memos?pageSize=40&page=${Math.ceil(n / 40) + 1}`);
    expect(beyond.body.debitmemos).toEqual([]);
  });

  test.each([['pageSize=41'], ['pageSize=0'], ['pageSize=abc'], ['page=0'], ['page=-1'], ['page=1.5']])(
    '%s is refused with category 20',
    async (q) => {
      const r = await get(`/v1/debit-memos?${q}`);
      expect(r.status).toBe(400);
      expect(r.body.success).toBe(false);
      expect(category(r.body)).toBe(20);
    },
  );
});

describe('list memos: Zuora filters', () => {
  test('status, currency and accountNumber are exact matches, AND-combined', async () => {
    const r = await all('/v1/debit-memos?status=Posted&currency=EUR&pageSize=40', 'debitmemos');
    expect(r.length).toBe(await count(`kind = 'DebitMemo' and status = 'Posted' and currency = 'EUR'`));
    expect(r.every((m) => m.status === 'Posted' && m.currency === 'EUR')).toBe(true);
    const byAccount = await all('/v1/credit-memos?accountNumber=A00000001&pageSize=40', 'creditmemos');
    expect(byAccount.length).toBeGreaterThan(0);
    expect(byAccount.every((m) => m.accountNumber === 'A00000001')).toBe(true);
    const accountId = byAccount[0].accountId as string;
    expect((await all(`/v1/credit-memos?accountId=${accountId}&pageSize=40`, 'creditmemos')).length).toBe(
      byAccount.length,
    );
  });

  test('field=null matches null values: referredInvoiceId=null&status=Draft', async () => {
    const r = await all('/v1/debitmemos?referredInvoiceId=null&status=Draft&pageSize=40', 'debitmemos');
    expect(r.length).toBe(await count(`kind = 'DebitMemo' and status = 'Draft' and referred_invoice_id is null`));
    // Null, or left out by a tenant that drops null fields (SANDBOX_NULL_FIELDS=omit).
    expect(r.every((m) => (m.referredInvoiceId ?? null) === null)).toBe(true);
  });

  test('number, amount, dates and booleans filter exactly', async () => {
    const one = (await get('/v1/credit-memos?number=CM00000010')).body.creditmemos;
    expect(one).toHaveLength(1);
    const m = one[0];
    const byAmount = (await get(`/v1/credit-memos?amount=${m.amount}&pageSize=40`)).body.creditmemos;
    expect(byAmount.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(byAmount.every((x: { amount: number }) => x.amount === m.amount)).toBe(true);
    const byDate = (await get(`/v1/credit-memos?creditMemoDate=${m.creditMemoDate}&pageSize=40`)).body.creditmemos;
    expect(byDate.every((x: { creditMemoDate: string }) => x.creditMemoDate === m.creditMemoDate)).toBe(true);
    const unapplied = (await get(`/v1/credit-memos?unappliedAmount=${m.unappliedAmount}&number=${m.number}`)).body
      .creditmemos;
    expect(unapplied).toHaveLength(1);
    expect((await get('/v1/credit-memos?autoApplyUponPosting=true')).body.creditmemos).toEqual([]);
    expect((await get('/v1/credit-memos?transferredToAccounting=No&pageSize=1')).body.creditmemos).toHaveLength(1);
    const dm = (await get('/v1/debit-memos?status=Posted&pageSize=1')).body.debitmemos[0];
    const byDue = (await get(`/v1/debit-memos?dueDate=${dm.dueDate}&pageSize=40`)).body.debitmemos;
    expect(byDue.map((x: { id: string }) => x.id)).toContain(dm.id);
  });

  test.each([
    ['debit-memos?debitMemoDate=2026-13-01'],
    ['debit-memos?debitMemoDate=yesterday'],
    ['debit-memos?amount=12abc'],
    ['debit-memos?status=Open'],
    ['debit-memos?status=null'],
    ['credit-memos?autoApplyUponPosting=yes'],
    ['credit-memos?transferredToAccounting=Maybe'],
    ['debit-memos?createdDate=2026-01-01'],
    ['debit-memos?memoDateFrom=2026-02-30'],
    ['debit-memos?amountTo=ten'],
    ['debit-memos?openBalance=1'],
  ])('bad filter value %s → category 20', async (q) => {
    const r = await get(`/v1/${q}`);
    expect(r.status).toBe(400);
    expect(category(r.body)).toBe(20);
  });
});

describe('list memos: sort (Zuora: - ascending, + descending, none descending)', () => {
  const amounts = (rows: { amount: number }[]) => rows.map((r) => r.amount);
  test('-amount ascending, +amount and amount descending', async () => {
    const asc = amounts((await get('/v1/debit-memos?sort=-amount&pageSize=40')).body.debitmemos);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = amounts((await get('/v1/debit-memos?sort=%2Bamount&pageSize=40')).body.debitmemos);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect(amounts((await get('/v1/debit-memos?sort=amount&pageSize=40')).body.debitmemos)).toEqual(desc);
    // An unencoded + arrives as a space and still means descending.
    expect(amounts((await get('/v1/debit-memos?sort=+amount&pageSize=40')).body.debitmemos)).toEqual(desc);
  });

  test('two fields: status ascending, then memo date descending', async () => {
    const rows = (await get('/v1/credit-memos?sort=-status,%2BcreditMemoDate&pageSize=40')).body.creditmemos as {
      status: string;
      creditMemoDate: string;
    }[];
    const keys = rows.map((r) => `${r.status}|${r.creditMemoDate}`);
    const expected = [...rows].sort((a, b) =>
      a.status < b.status
        ? -1
        : a.status > b.status
          ? 1
          : a.creditMemoDate < b.creditMemoDate
            ? 1
            : a.creditMemoDate > b.creditMemoDate
              ? -1
              : 0,
    );
    expect(keys).toEqual(expected.map((r) => `${r.status}|${r.creditMemoDate}`));
  });

  test('sorted pages do not overlap', async () => {
    const p1 = (await get('/v1/debit-memos?sort=-debitMemoDate&pageSize=20&page=1')).body.debitmemos.map(
      (m: { id: string }) => m.id,
    );
    const p2 = (await get('/v1/debit-memos?sort=-debitMemoDate&pageSize=20&page=2')).body.debitmemos.map(
      (m: { id: string }) => m.id,
    );
    expect(p1.filter((id: string) => p2.includes(id))).toEqual([]);
  });

  test.each([['sort=foo'], ['sort=-amount,number,status'], ['sort=*amount'], ['sort=dueDate&x=1']])(
    '%s → category 20',
    async (q) => {
      const path = q.startsWith('sort=dueDate') ? `/v1/credit-memos?${q}` : `/v1/debit-memos?${q}`;
      const r = await get(path);
      expect(r.status).toBe(400);
      expect(category(r.body)).toBe(20);
    },
  );
});

describe('list memos: sandbox extras', () => {
  test('status repeated or comma-separated', async () => {
    const n = await count(`kind = 'DebitMemo' and status in ('Draft', 'Canceled')`);
    expect((await all('/v1/debit-memos?status=Draft,Canceled&pageSize=40', 'debitmemos')).length).toBe(n);
    expect((await all('/v1/debit-memos?status=Draft&status=Canceled&pageSize=40', 'debitmemos')).length).toBe(n);
  });

  test('accountSearch (name or number, case-insensitive), numberContains, date and amount ranges, openBalance', async () => {
    const acme = await all('/v1/credit-memos?accountSearch=aCmE&pageSize=40', 'creditmemos');
    expect(acme.length).toBeGreaterThan(0);
    expect(acme.every((m) => m.accountNumber === 'A00000001')).toBe(true);
    expect((await all('/v1/credit-memos?accountSearch=00000001&pageSize=40', 'creditmemos')).length).toBe(acme.length);
    const num = await all('/v1/debit-memos?numberContains=0001&pageSize=40', 'debitmemos');
    expect(num.length).toBeGreaterThan(0);
    expect(num.every((m) => String(m.number).includes('0001'))).toBe(true);
    const ranged = await all(
      '/v1/debit-memos?memoDateFrom=2026-03-01&memoDateTo=2026-03-31&amountFrom=100&amountTo=5000&pageSize=40',
      'debitmemos',
    );
    expect(ranged.length).toBe(
      await count(
        `kind = 'DebitMemo' and memo_date between '2026-03-01' and '2026-03-31' and amount between 100 and 5000`,
      ),
    );
    expect(ranged.every((m) => String(m.debitMemoDate) >= '2026-03-01' && Number(m.amount) <= 5000)).toBe(true);
    const open = await all('/v1/debit-memos?openBalance=true&status=Posted&pageSize=40', 'debitmemos');
    expect(open.length).toBe(await count(`kind = 'DebitMemo' and status = 'Posted' and balance > 0`));
    expect(open.every((m) => money(m.balance as number).gt(0))).toBe(true);
  });

  test('LIKE wildcards in search text match literally', async () => {
    expect((await get('/v1/debit-memos?accountSearch=%25')).body.debitmemos).toEqual([]);
    expect((await get('/v1/debit-memos?numberContains=_')).body.debitmemos).toEqual([]);
  });
});

describe('retrieve, items, taxation items', () => {
  test('by id or number, both spellings; unknown → 40', async () => {
    const byNumber = await get('/v1/debit-memos/DM00000003');
    expect(byNumber.status).toBe(200);
    expect(byNumber.body).toMatchObject({ number: 'DM00000003', success: true });
    const byId = await get(`/v1/debitmemos/${byNumber.body.id}`);
    expect(byId.body).toEqual({ ...byNumber.body });
    for (const path of [
      '/v1/debit-memos/DM99999999',
      '/v1/credit-memos/0123456789abcdef0123456789abcdef',
      '/v1/credit-memos/DM00000003',
    ]) {
      const r = await get(path);
      expect(r.status).toBe(404);
      expect(category(r.body)).toBe(40);
    }
  });

  test('the viewer can read; no token is 401', async () => {
    expect((await get('/v1/credit-memos/CM00000001', 'viewer')).status).toBe(200);
    const res = await h.app.request('/v1/credit-memos');
    expect(res.status).toBe(401);
  });

  test('items carry taxation items whose sums match the memo', async () => {
    const [{ id }] = (
      await sql<{
        id: string;
      }>`select m.id from memos m where m.kind = 'CreditMemo' and exists (select 1 from memo_taxation_items t where t.memo_id = m.id) order by m.number limit 1`.execute(
        h.conn.db,
      )
    ).rows;
    const memo = (await get(`/v1/credit-memos/${id}`)).body;
    const items = (await get(`/v1/creditmemos/${memo.number}/items`)).body;
    expect(items.success).toBe(true);
    const total = items.items.reduce(
      (s: ReturnType<typeof money>, i: { amount: number; taxationItems: { data: { taxAmount: number }[] } }) =>
        s.plus(i.amount).plus(i.taxationItems.data.reduce((t, x) => t.plus(x.taxAmount), money(0))),
      money(0),
    );
    expect(total.eq(memo.amount)).toBe(true);
    const item = items.items.find((i: { taxationItems: { data: unknown[] } }) => i.taxationItems.data.length > 0);
    const one = await get(`/v1/credit-memos/${id}/items/${item.id}`);
    expect(one.body).toEqual({ ...item, success: true });
    const taxes = await get(`/v1/credit-memos/${id}/items/${item.id}/taxation-items`);
    expect(taxes.body).toEqual({ data: item.taxationItems.data, success: true });
    // taxation-items takes the memo id only (creditMemoId), not the number
    expect((await get(`/v1/credit-memos/${memo.number}/items/${item.id}/taxation-items`)).status).toBe(404);
    expect((await get(`/v1/credit-memos/${id}/items/0123456789abcdef0123456789abcdef`)).status).toBe(404);
  });

  test('item filters and sort', async () => {
    const [{ id }] = (
      await sql<{
        id: string;
      }>`select memo_id as id from memo_items group by memo_id having count(*) >= 2 order by memo_id limit 1`.execute(
        h.conn.db,
      )
    ).rows;
    const kind = (await sql<{ kind: string }>`select kind from memos where id = ${id}`.execute(h.conn.db)).rows[0].kind;
    const base = kind === 'CreditMemo' ? '/v1/credit-memos' : '/v1/debit-memos';
    const items = (await get(`${base}/${id}/items?sort=-amount`)).body.items as {
      id: string;
      amount: number;
      sku: string;
    }[];
    expect(items.map((i) => i.amount)).toEqual([...items.map((i) => i.amount)].sort((a, b) => a - b));
    expect((await get(`${base}/${id}/items?id=${items[0].id}`)).body.items).toHaveLength(1);
    expect(
      (await get(`${base}/${id}/items?sku=${items[0].sku}`)).body.items.every(
        (i: { sku: string }) => i.sku === items[0].sku,
      ),
    ).toBe(true);
    expect((await get(`${base}/${id}/items?sort=bogus`)).status).toBe(400);
    expect((await get(`${base}/${id}/items?serviceStartDate=tomorrow`)).status).toBe(400);
    const paged = await get(`${base}/${id}/items?pageSize=1`);
    expect(paged.body.items).toHaveLength(1);
    expect(paged.body.nextPage).toContain('page=2');
  });
});

describe('credit memo parts and debit memo application parts', () => {
  test('parts: one unapplied part (stable id) plus one per application; a fully refunded memo has none', async () => {
    const [partly] = (
      await sql<{ id: string; balance: string; applied: string }>`
      select id, balance, applied_amount as applied from memos where kind = 'CreditMemo' and applied_amount > 0 and balance > 0 order by number limit 1`.execute(
        h.conn.db,
      )
    ).rows;
    const parts = (await get(`/v1/credit-memos/${partly.id}/parts`)).body.parts as {
      id: string;
      amount: number;
      invoiceId: string | null;
      debitMemoId: string | null;
    }[];
    // Its targets are null, or left out by a tenant that drops null fields (SANDBOX_NULL_FIELDS=omit).
    const unapplied = parts.filter((p) => (p.invoiceId ?? null) === null && (p.debitMemoId ?? null) === null);
    expect(unapplied).toHaveLength(1);
    expect(money(unapplied[0].amount).eq(partly.balance)).toBe(true);
    const applied = parts.filter((p) => p !== unapplied[0]);
    expect(applied.reduce((s, p) => s.plus(p.amount), money(0)).eq(partly.applied)).toBe(true);
    const again = (await get(`/v1/creditmemos/${partly.id}/parts`)).body.parts;
    expect(again).toEqual(parts);
    const one = await get(`/v1/credit-memos/${partly.id}/parts/${unapplied[0].id}`);
    expect(one.body).toEqual({ ...unapplied[0], success: true });
    expect((await get(`/v1/credit-memos/${partly.id}/parts/0123456789abcdef0123456789abcdef`)).status).toBe(404);

    const [refunded] = (
      await sql<{
        id: string;
      }>`select id from memos where kind = 'CreditMemo' and refund_amount = amount limit 1`.execute(h.conn.db)
    ).rows;
    expect((await get(`/v1/credit-memos/${refunded.id}/parts`)).body).toEqual({ parts: [], success: true });
  });

  test('application parts of a debit memo: payments and credit memos applied to it (id only)', async () => {
    const [dm] = (
      await sql<{ id: string; number: string; applied: string }>`
      select m.id, m.number, m.applied_amount as applied from memos m where kind = 'DebitMemo' and applied_amount > 0
      and exists (select 1 from applications a where a.target_id = m.id and a.source_type = 'CreditMemo') order by number limit 1`.execute(
        h.conn.db,
      )
    ).rows;
    const r = await get(`/v1/debit-memos/${dm.id}/application-parts`);
    const parts = r.body.applicationParts as { appliedAmount: number; creditMemoId?: string; paymentId?: string }[];
    expect(parts.some((p) => p.creditMemoId)).toBe(true);
    expect(parts.every((p) => Boolean(p.creditMemoId) !== Boolean(p.paymentId))).toBe(true);
    expect(parts.reduce((s, p) => s.plus(p.appliedAmount), money(0)).eq(dm.applied)).toBe(true);
    expect((await get(`/v1/debitmemos/${dm.id}/application-parts`)).body).toEqual(r.body);
    expect((await get(`/v1/debit-memos/${dm.number}/application-parts`)).status).toBe(404);
  });
});
