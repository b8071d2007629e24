import type { Database } from '../db/connect.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { runWrite } from '../db/transaction.ts';
import { newId, nextNumber } from '../domain/ids.ts';
import { money, sum, type MoneyInput } from '../../src/lib/money.ts';

// Settlement test documents written straight into the tables, in the schema's line convention (an item
// holds its charge part, tax-exclusive; its taxation items hold the tax; the header is their sum), so
// the settlement tests control every amount and do not depend on the demo seed's shape.

const REASONS: Record<string, string[]> = {
  CreditMemo: ['Correcting Invoice Error', 'Write-off'],
  DebitMemo: ['Correcting Invoice Error', 'Credit memo reversal', 'Write-off'],
  CreditMemoRefund: ['Standard Refund', 'Customer Request'],
};
const CODES = [
  { name: 'Deferred Revenue', type: 'DeferredRevenue', category: 'Liabilities', status: 'Active' },
  { name: 'Subscription Revenue', type: 'SalesRevenue', category: 'Revenue', status: 'Active' },
  { name: 'Bad Debt Expense', type: 'BadDebt', category: 'Expenses', status: 'Active' },
  { name: 'Legacy Bad Debt', type: 'BadDebt', category: 'Expenses', status: 'Inactive' },
  { name: 'Write-off Expense', type: 'OtherExpenses', category: 'Expenses', status: 'Active' },
];

/** Reason codes and accounting codes the settlement rules look up (idempotent). */
export async function insertReferenceData(db: Database): Promise<void> {
  for (const [type, names] of Object.entries(REASONS)) {
    for (const [i, name] of names.entries()) {
      await db
        .insertInto('reason_codes')
        .values({ id: newId(), transaction_type: type, name, is_default: i === 0 })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  }
  for (const c of CODES)
    await db
      .insertInto('accounting_codes')
      .values({
        id: newId(),
        ...c,
        gl_account_name: null,
        gl_account_number: null,
        notes: null,
        created_by: null,
        updated_by: null,
      })
      .onConflict((oc) => oc.doNothing())
      .execute();
}

export async function insertAccount(db: Database, currency = 'USD'): Promise<{ id: string; number: string }> {
  const decimals: Record<string, number> = { JPY: 0, KWD: 3 };
  await db
    .insertInto('currencies')
    .values({ code: currency, decimal_places: decimals[currency] ?? 2 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const id = newId();
  const number = await runWrite(db, (tx) => nextNumber(tx, 'Account'));
  await db
    .insertInto('accounts')
    .values({ id, account_number: number, name: `Settlement ${number}`, currency })
    .execute();
  return { id, number };
}

/** One line: the item's charge amount and the tax amounts of its taxation items. */
export interface LineSpec {
  amount: string;
  taxes?: string[];
  skuName?: string;
}

export async function insertMemo(
  db: Database,
  opts: {
    kind: MemoKind;
    accountId: string;
    currency?: string;
    status?: string;
    memoDate?: string;
    lines: LineSpec[];
    origin?: string;
    revenueImpacting?: boolean;
  },
): Promise<MemoRow> {
  const id = newId();
  const currency = opts.currency ?? 'USD';
  const tax = sum(opts.lines.flatMap((l) => l.taxes ?? []));
  const total = sum(opts.lines.map((l) => l.amount)).plus(tax);
  const memo = await db
    .insertInto('memos')
    .values({
      id,
      kind: opts.kind,
      number: await runWrite(db, (tx) => nextNumber(tx, opts.kind)),
      account_id: opts.accountId,
      currency,
      memo_date: opts.memoDate ?? '2024-03-01',
      due_date: opts.kind === 'DebitMemo' ? '2024-03-31' : null,
      status: opts.status ?? 'Posted',
      amount: total.toString(),
      tax_amount: tax.toString(),
      balance: total.toString(),
      source_type: 'Standalone',
      source: 'API',
      reason_code: 'Correcting Invoice Error',
      origin: opts.origin ?? null,
      revenue_impacting: opts.revenueImpacting ?? null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  for (const [i, line] of opts.lines.entries()) {
    const itemId = newId();
    const lineTax = sum(line.taxes ?? []);
    await db
      .insertInto('memo_items')
      .values({
        id: itemId,
        memo_id: id,
        sort_order: i + 1,
        amount: line.amount,
        amount_without_tax: line.amount,
        tax_amount: lineTax.toString(),
        balance: line.amount,
        quantity: '1',
        unit_price: line.amount,
        sku: `SKU-${i + 1}`,
        sku_name: line.skuName ?? `Charge ${i + 1}`,
        service_start_date: '2024-03-01',
        service_end_date: '2024-03-31',
        deferred_revenue_accounting_code: 'Deferred Revenue',
        recognized_revenue_accounting_code: 'Subscription Revenue',
      })
      .execute();
    for (const t of line.taxes ?? []) {
      await db
        .insertInto('memo_taxation_items')
        .values({
          id: newId(),
          memo_item_id: itemId,
          memo_id: id,
          name: 'State Tax',
          tax_amount: t,
          balance: t,
          tax_rate: '0.0825',
          jurisdiction: 'CALIFORNIA',
        })
        .execute();
    }
  }
  return memo;
}

export async function insertInvoice(
  db: Database,
  opts: { accountId: string; currency?: string; status?: string; lines: LineSpec[] },
): Promise<{ id: string; number: string }> {
  const id = newId();
  const tax = sum(opts.lines.flatMap((l) => l.taxes ?? []));
  const net = sum(opts.lines.map((l) => l.amount));
  const number = await runWrite(db, (tx) => nextNumber(tx, 'Invoice'));
  await db
    .insertInto('invoices')
    .values({
      id,
      invoice_number: number,
      account_id: opts.accountId,
      invoice_date: '2024-02-01',
      due_date: '2024-03-01',
      status: opts.status ?? 'Posted',
      currency: opts.currency ?? 'USD',
      amount: net.plus(tax).toString(),
      amount_without_tax: net.toString(),
      tax_amount: tax.toString(),
      balance: net.plus(tax).toString(),
    })
    .execute();
  for (const [i, line] of opts.lines.entries()) {
    const itemId = newId();
    await db
      .insertInto('invoice_items')
      .values({
        id: itemId,
        invoice_id: id,
        sort_order: i + 1,
        charge_name: line.skuName ?? `Charge ${i + 1}`,
        charge_type: 'Recurring',
        charge_amount: line.amount,
        tax_amount: sum(line.taxes ?? []).toString(),
        balance: line.amount,
        unit_price: line.amount,
        service_start_date: '2024-02-01',
        service_end_date: '2024-02-29',
      })
      .execute();
    for (const t of line.taxes ?? []) {
      await db
        .insertInto('invoice_taxation_items')
        .values({
          id: newId(),
          invoice_item_id: itemId,
          invoice_id: id,
          name: 'State Tax',
          tax_amount: t,
          balance: t,
          tax_rate: '0.0825',
        })
        .execute();
    }
  }
  return { id, number };
}

export async function insertPayment(
  db: Database,
  opts: { accountId: string; amount: string; currency?: string; effectiveDate?: string; status?: string },
) {
  const id = newId();
  const number = await runWrite(db, (tx) => nextNumber(tx, 'Payment'));
  await db
    .insertInto('payments')
    .values({
      id,
      number,
      account_id: opts.accountId,
      amount: opts.amount,
      unapplied_amount: opts.amount,
      currency: opts.currency ?? 'USD',
      effective_date: opts.effectiveDate ?? '2024-03-01',
      status: opts.status ?? 'Processed',
    })
    .execute();
  return { id, number };
}

/** Everything a settlement could change, to prove a refused one changed nothing. */
export async function snapshot(db: Database): Promise<string> {
  const tables = [
    'memos',
    'memo_items',
    'memo_taxation_items',
    'applications',
    'application_items',
    'refunds',
    'invoices',
    'invoice_items',
    'invoice_taxation_items',
    'payments',
    'sequences',
    'memo_events',
  ] as const;
  const parts: unknown[] = [];
  for (const t of tables)
    parts.push(
      await db
        .selectFrom(t)
        .selectAll()
        .orderBy(t === 'memo_events' ? 'id' : t === 'sequences' ? 'name' : 'id')
        .execute(),
    );
  return JSON.stringify(parts);
}

export const dec = (v: MoneyInput) => money(v).toString();

/** Readers of the rows a settlement changes, in the order the tests compare them. */
export function rowReaders(db: () => Database) {
  return {
    memo: (id: string) => db().selectFrom('memos').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    itemsOf: (memoId: string) =>
      db().selectFrom('memo_items').selectAll().where('memo_id', '=', memoId).orderBy('sort_order').execute(),
    taxesOf: (memoId: string) =>
      db().selectFrom('memo_taxation_items').selectAll().where('memo_id', '=', memoId).orderBy('id').execute(),
    payment: (id: string) => db().selectFrom('payments').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
  };
}
