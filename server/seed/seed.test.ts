import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../testing/harness.ts';
import { auditInvariants } from '../domain/invariants.ts';
import { buildDemo } from './build-demo.ts';
import { seedIfEmpty } from './index.ts';
import { insertDataset } from './insert.ts';
import { topUpLarge } from './large.ts';
import { SEED_ANCHOR } from './reference-data.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const rows = async <T>(q: string) => (await sql.raw<T>(q).execute(h.conn.db)).rows;

describe('seed determinism', () => {
  test('the same seed builds the same dataset, a different seed a different one', () => {
    const a = JSON.stringify(buildDemo().rows);
    expect(JSON.stringify(buildDemo().rows)).toBe(a);
    expect(JSON.stringify(buildDemo(7).rows)).not.toBe(a);
  });

  test('the database holds exactly the built dataset', async () => {
    const built = buildDemo()
      .rows.memos.map((m) => `${m.id} ${m.number} ${m.amount} ${m.balance}`)
      .sort();
    const stored = (
      await rows<{ k: string }>(`select concat(id, ' ', number, ' ', amount, ' ', balance) as k from memos`)
    )
      .map((r) => r.k)
      .sort();
    // numeric columns come back with the currency's scale as written
    expect(stored).toEqual(built);
  });

  test('seedIfEmpty does nothing on a seeded database', async () => {
    expect(await seedIfEmpty(h.conn.db, 'demo')).toBe(false);
  });
});

describe('balance identities over the whole demo dataset', () => {
  test('auditInvariants finds no violation', async () => {
    expect(await auditInvariants(h.conn.db)).toEqual([]);
  });

  test('auditInvariants reports a broken memo, item, invoice and payment', async () => {
    const other = await createHarness();
    try {
      const db = other.conn.db;
      await sql`update memos set balance = balance + 1 where number = 'CM00000001'`.execute(db);
      await sql`update memo_items set applied_amount = applied_amount + 1 where id = (select id from memo_items order by id limit 1)`.execute(
        db,
      );
      await sql`update invoices set balance = balance + 1 where invoice_number = 'INV00000001'`.execute(db);
      await sql`update payments set unapplied_amount = unapplied_amount + 1 where number = 'P-00000001'`.execute(db);
      const rules = new Set((await auditInvariants(db)).map((v) => v.rule));
      expect(rules).toContain('memo amount = applied + refunded + balance');
      expect(rules).toContain('memo header = sum of items and taxation items');
      expect(rules).toContain('memo item amount = applied + refunded + balance, tax = sum of its taxation items');
      expect(rules).toContain('invoice amount = without tax + tax = payments + credits + balance');
      expect(rules).toContain('payment amount = applied + unapplied + refunded; applied = sum of its applications');
    } finally {
      await other.close();
    }
  });
});

describe('demo content', () => {
  test('currencies with their decimal places', async () => {
    const cur = await rows<{ code: string; decimal_places: number }>(
      'select code, decimal_places from currencies order by code',
    );
    expect(Object.fromEntries(cur.map((c) => [c.code, c.decimal_places]))).toEqual({
      CAD: 2,
      EUR: 2,
      GBP: 2,
      JPY: 0,
      KWD: 3,
      USD: 2,
    });
  });

  test('a few hundred memos, every status of both kinds, items and taxation items', async () => {
    const [{ n }] = await rows<{ n: number }>('select count(*)::int as n from memos');
    expect(n).toBeGreaterThanOrEqual(200);
    expect(n).toBeLessThan(1000);
    const byKind = await rows<{ kind: string; statuses: string[] }>(
      'select kind, array_agg(distinct status order by status) as statuses from memos group by kind',
    );
    for (const k of byKind) expect(k.statuses).toEqual(['Canceled', 'Draft', 'Error', 'PendingForTax', 'Posted']);
    const [{ without }] = await rows<{ without: number }>(
      'select count(*)::int as without from memos m where not exists (select 1 from memo_items i where i.memo_id = m.id)',
    );
    expect(without).toBe(0);
    const [{ taxed }] = await rows<{ taxed: number }>(
      'select count(distinct memo_id)::int as taxed from memo_taxation_items',
    );
    expect(taxed).toBeGreaterThan(20);
  });

  test('open Posted debit memos in JPY (no decimals) and EUR', async () => {
    const open = await rows<{ currency: string; n: number }>(
      `select currency, count(*)::int as n from memos where kind = 'DebitMemo' and status = 'Posted' and balance > 0 group by currency`,
    );
    const by = Object.fromEntries(open.map((o) => [o.currency, o.n]));
    expect(by.JPY).toBeGreaterThanOrEqual(2);
    expect(by.EUR).toBeGreaterThanOrEqual(2);
    const [{ frac }] = await rows<{ frac: number }>(
      `select count(*)::int as frac from memos where currency = 'JPY' and amount <> round(amount)`,
    );
    expect(frac).toBe(0);
  });

  test('credit memos partly applied, fully applied, refunded and fully refunded', async () => {
    const [c] = await rows<{ part: number; full: number; refunded: number; fullyRefunded: number; toDm: number }>(`
      select count(*) filter (where applied_amount > 0 and balance > 0)::int as part,
             count(*) filter (where applied_amount = amount)::int as full,
             count(*) filter (where refund_amount > 0)::int as refunded,
             count(*) filter (where refund_amount = amount)::int as "fullyRefunded",
             (select count(*)::int from applications where source_type = 'CreditMemo' and target_type = 'DebitMemo') as "toDm"
      from memos where kind = 'CreditMemo' and status = 'Posted'`);
    expect(c.part).toBeGreaterThan(0);
    expect(c.full).toBeGreaterThan(0);
    expect(c.refunded).toBeGreaterThan(0);
    expect(c.fullyRefunded).toBeGreaterThan(0);
    expect(c.toDm).toBeGreaterThan(0);
  });

  test('Draft and Posted memos dated within the last three weeks of the anchor', async () => {
    const recent = await rows<{ status: string }>(
      `select distinct status from memos where memo_date > date '${SEED_ANCHOR.last}' - 21 and memo_date <= date '${SEED_ANCHOR.last}'`,
    );
    expect(recent.map((r) => r.status)).toEqual(expect.arrayContaining(['Draft', 'Posted']));
    const [{ future }] = await rows<{ future: number }>(
      `select count(*)::int as future from memos where memo_date > date '${SEED_ANCHOR.last}'`,
    );
    expect(future).toBe(0);
  });

  test('invoices partly paid, payments with unapplied amounts, accounts with bill-to emails', async () => {
    const [i] = await rows<{ partly: number; unapplied: number; noEmail: number }>(`
      select (select count(*)::int from invoices where payment_amount > 0 and balance > 0) as partly,
             (select count(*)::int from payments where unapplied_amount > 0) as unapplied,
             (select count(*)::int from accounts a left join contacts c on c.id = a.bill_to_contact_id where c.work_email is null) as "noEmail"`);
    expect(i.partly).toBeGreaterThan(0);
    expect(i.unapplied).toBeGreaterThan(0);
    expect(i.noEmail).toBe(0);
  });

  test('reason codes: Zuora defaults per transaction type', async () => {
    const codes = await rows<{ transaction_type: string; name: string; is_default: boolean }>(
      'select transaction_type, name, is_default from reason_codes where active',
    );
    const of = (t: string) => codes.filter((c) => c.transaction_type === t);
    expect(of('CreditMemo').find((c) => c.is_default)?.name).toBe('Correcting Invoice Error');
    expect(of('CreditMemo').map((c) => c.name)).toContain('Write-off');
    expect(of('DebitMemo').map((c) => c.name)).toEqual(expect.arrayContaining(['Write-off', 'Credit memo reversal']));
    expect(of('CreditMemoRefund').find((c) => c.is_default)?.name).toBe('Standard Refund');
  });

  test('accounting codes carry Zuora types; one inactive bad-debt code', async () => {
    const codes = await rows<{ name: string; type: string; status: string }>(
      'select name, type, status from accounting_codes',
    );
    const types = new Set(codes.map((c) => c.type));
    for (const t of [
      'AccountsReceivable',
      'DeferredRevenue',
      'SalesRevenue',
      'OtherRevenue',
      'SalesTaxPayable',
      'BadDebt',
      'OtherExpenses',
      'Cash',
      'CustomerCashOnAccount',
    ]) {
      expect(types).toContain(t);
    }
    expect(codes.find((c) => c.name === 'Bad Debt Expense')?.type).toBe('BadDebt');
    expect(codes.find((c) => c.name === 'Write-off Expense')?.type).toBe('OtherExpenses');
    expect(codes.filter((c) => c.type === 'BadDebt' && c.status === 'Inactive')).toHaveLength(1);
  });

  test('catalog: charge types and models, and a product with only discount charges', async () => {
    const charges = await rows<{ product: string; type: string; model: string }>(
      `select p.name as product, c.type, c.model from product_rate_plan_charges c join product_rate_plans r on r.id = c.product_rate_plan_id join products p on p.id = r.product_id`,
    );
    expect(new Set(charges.map((c) => c.type))).toEqual(new Set(['OneTime', 'Recurring', 'Usage']));
    expect(new Set(charges.map((c) => c.model))).toEqual(
      new Set(['FlatFee', 'PerUnit', 'DiscountPercentage', 'DiscountFixedAmount']),
    );
    const promo = charges.filter((c) => c.product === 'Promotions');
    expect(promo.length).toBeGreaterThan(0);
    expect(promo.every((c) => c.model.startsWith('Discount'))).toBe(true);
  });

  test('sequences continue after the seeded numbers; created history for seeded memos', async () => {
    const [s] = await rows<{ next: number; max: number }>(
      `select (select next_value::int from sequences where name = 'DebitMemo') as next, (select max(substr(number, 3)::int) from memos where kind = 'DebitMemo') as max`,
    );
    expect(s.next).toBe(s.max + 1);
    const [{ missing }] = await rows<{ missing: number }>(
      `select count(*)::int as missing from memos m where not exists (select 1 from memo_events e where e.memo_id = m.id and e.event = 'created')`,
    );
    expect(missing).toBe(0);
  });
});

describe('large preset top-up (set-based, scaled down)', () => {
  test('adds memos with one item each, continues numbering, keeps every identity', async () => {
    const other = await createHarness({ seed: 'none' });
    try {
      const db = other.conn.db;
      await insertDataset(db, buildDemo().rows);
      await topUpLarge(db, 2000);
      const q = async <T>(text: string) => (await sql.raw<T>(text).execute(db)).rows;
      const [c] = await q<{ memos: number; items: number; dupes: number }>(`
        select (select count(*)::int from memos) as memos, (select count(*)::int from memo_items) as items,
               (select count(*)::int from (select kind, number from memos group by 1, 2 having count(*) > 1) d) as dupes`);
      expect(c.memos).toBeGreaterThanOrEqual(2000);
      expect(c.memos).toBeLessThanOrEqual(2001);
      expect(c.dupes).toBe(0);
      const [s] = await q<{ next: number; max: number }>(
        `select (select next_value::int from sequences where name = 'CreditMemo') as next, (select max(substr(number, 3)::int) from memos where kind = 'CreditMemo') as max`,
      );
      expect(s.next).toBe(s.max + 1);
      expect(await auditInvariants(db)).toEqual([]);
      const [{ id }] = await q<{ id: string }>(`select id from memos where number = 'CM00000900'`);
      expect(id).toMatch(/^[0-9a-f]{32}$/);
    } finally {
      await other.close();
    }
  });
});
