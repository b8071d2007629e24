import type { Harness } from '../testing/harness.ts';

// Keys the fuzzers aim at, read from the demo seed by meaning: memos of each kind and status with their
// account and lines, invoices with their items, accounts, catalog charges, payments. A fuzzer mixes
// these with hostile keys; settlement bodies pair a memo with documents of the same account.

export interface TargetMemo {
  id: string;
  number: string;
  kind: string;
  status: string;
  accountId: string;
  open: boolean;
  items: string[];
  taxItems: string[];
}

export interface TargetInvoice {
  id: string;
  number: string;
  accountId: string;
  items: string[];
  taxItems: string[];
}

export interface FuzzTargets {
  accounts: { id: string; number: string; currency: string }[];
  charges: string[];
  invoices: TargetInvoice[];
  memos: TargetMemo[];
  payments: { number: string; accountId: string }[];
  memoFiles: string[];
}

export async function loadTargets(h: Harness): Promise<FuzzTargets> {
  const db = h.conn.db;
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'account_number', 'currency'])
    .orderBy('account_number')
    .execute();
  const charges = await db.selectFrom('product_rate_plan_charges').select('id').execute();
  const invoices = await db
    .selectFrom('invoices')
    .select(['id', 'invoice_number', 'account_id'])
    .where('status', '=', 'Posted')
    .where('balance', '>', '0')
    .execute();
  const invItems = await db.selectFrom('invoice_items').select(['id', 'invoice_id']).execute();
  const invTaxes = await db.selectFrom('invoice_taxation_items').select(['id', 'invoice_id']).execute();
  const memos = await db
    .selectFrom('memos')
    .select(['id', 'number', 'kind', 'status', 'account_id', 'balance'])
    .orderBy('number')
    .execute();
  const items = await db.selectFrom('memo_items').select(['id', 'memo_id']).execute();
  const taxes = await db.selectFrom('memo_taxation_items').select(['id', 'memo_id']).execute();
  const payments = await db
    .selectFrom('payments')
    .select(['number', 'account_id'])
    .where('unapplied_amount', '>', '0')
    .execute();
  const files = await db.selectFrom('memo_files').select('id').limit(4).execute();
  const group = <T extends { id: string }>(rows: T[], key: (r: T) => string) => {
    const m = new Map<string, string[]>();
    for (const r of rows) m.set(key(r), [...(m.get(key(r)) ?? []), r.id]);
    return m;
  };
  const itemsBy = group(items, (r) => r.memo_id);
  const taxesBy = group(taxes, (r) => r.memo_id);
  const invItemsBy = group(invItems, (r) => r.invoice_id);
  const invTaxesBy = group(invTaxes, (r) => r.invoice_id);
  return {
    accounts: accounts.map((a) => ({ id: a.id, number: a.account_number, currency: a.currency })),
    charges: charges.map((c) => c.id),
    invoices: invoices.map((i) => ({
      id: i.id,
      number: i.invoice_number,
      accountId: i.account_id,
      items: invItemsBy.get(i.id) ?? [],
      taxItems: invTaxesBy.get(i.id) ?? [],
    })),
    memos: memos.map((m) => ({
      id: m.id,
      number: m.number,
      kind: m.kind,
      status: m.status,
      accountId: m.account_id,
      open: Number(m.balance) > 0,
      items: itemsBy.get(m.id) ?? [],
      taxItems: taxesBy.get(m.id) ?? [],
    })),
    payments: payments.map((p) => ({ number: p.number, accountId: p.account_id })),
    memoFiles: files.map((f) => f.id),
  };
}

/** Memos of a kind (and status, and with an open balance when asked), at most `limit`. */
export function memosOf(
  t: FuzzTargets,
  kind: 'CreditMemo' | 'DebitMemo',
  opts: { status?: string; open?: boolean; limit?: number } = {},
): TargetMemo[] {
  return t.memos
    .filter((m) => m.kind === kind && (!opts.status || m.status === opts.status) && (!opts.open || m.open))
    .slice(0, opts.limit ?? 40);
}

/** Both keys (id and number) of each memo. */
export const keysOf = (memos: TargetMemo[]) => memos.flatMap((m) => [m.id, m.number]);

/** A value the generator can always pick from, even when a seed has none of a kind. */
export const orNone = (ids: string[]) => (ids.length ? ids : ['none']);
