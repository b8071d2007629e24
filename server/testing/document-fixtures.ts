import type { Database } from '../db/connect.ts';
import type { MemoKind } from '../db/types.ts';
import { runWrite } from '../db/transaction.ts';
import { newId, nextNumber } from '../domain/ids.ts';

// A minimal account with a bill-to contact and one memo with two items and a tax line, written straight
// into the sandbox's tables, so document tests do not depend on the seed or the create endpoints.

export interface FixtureMemo {
  id: string;
  number: string;
  accountId: string;
  contactId: string;
}

export async function insertAccount(
  db: Database,
  opts: { name?: string; email?: string | null; additional?: string | null; currency?: string } = {},
) {
  const currency = opts.currency ?? 'USD';
  await db
    .insertInto('currencies')
    .values({ code: currency, decimal_places: currency === 'JPY' ? 0 : 2 })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const accountId = newId();
  const contactId = newId();
  const accountNumber = await runWrite(db, (tx) => nextNumber(tx, 'Account'));
  await db
    .insertInto('accounts')
    .values({
      id: accountId,
      account_number: accountNumber,
      name: opts.name ?? 'Acme Corp',
      currency,
      additional_email_addresses: opts.additional ?? null,
    })
    .execute();
  await db
    .insertInto('contacts')
    .values({
      id: contactId,
      account_id: accountId,
      first_name: 'Ada',
      last_name: 'Lovelace',
      work_email: opts.email === undefined ? 'ada@acme.example' : opts.email,
      address1: '1 Main St',
      city: 'Springfield',
      state: 'CA',
      zip_code: '90001',
      country: 'United States',
    })
    .execute();
  await db
    .updateTable('accounts')
    .set({ bill_to_contact_id: contactId, sold_to_contact_id: contactId })
    .where('id', '=', accountId)
    .execute();
  return { accountId, contactId, currency };
}

export async function insertMemo(
  db: Database,
  opts: {
    kind?: MemoKind;
    status?: string;
    comment?: string;
    skuName?: string;
    email?: string | null;
    additional?: string | null;
    currency?: string;
  } = {},
): Promise<FixtureMemo> {
  const kind = opts.kind ?? 'DebitMemo';
  const { accountId, contactId, currency } = await insertAccount(db, {
    email: opts.email,
    additional: opts.additional,
    currency: opts.currency,
  });
  const id = newId();
  const number = await runWrite(db, (tx) => nextNumber(tx, kind));
  await db
    .insertInto('memos')
    .values({
      id,
      kind,
      number,
      account_id: accountId,
      currency,
      memo_date: '2024-03-01',
      due_date: kind === 'DebitMemo' ? '2024-03-31' : null,
      status: opts.status ?? 'Posted',
      amount: '118.80',
      tax_amount: '8.80',
      balance: '118.80',
      source_type: 'Standalone',
      comment: opts.comment ?? null,
      reason_code: 'Correcting invoice error',
    })
    .execute();
  const item1 = newId();
  const item2 = newId();
  await db
    .insertInto('memo_items')
    .values([
      {
        id: item1,
        memo_id: id,
        sort_order: 1,
        amount: '108.80',
        amount_without_tax: '100.00',
        tax_amount: '8.80',
        balance: '108.80',
        sku: 'SKU-1',
        sku_name: opts.skuName ?? 'Platform fee',
        service_start_date: '2024-03-01',
        service_end_date: '2024-03-31',
      },
      {
        id: item2,
        memo_id: id,
        sort_order: 2,
        amount: '10.00',
        amount_without_tax: '10.00',
        tax_amount: '0',
        balance: '10.00',
        sku: 'SKU-2',
        sku_name: 'Support',
        service_start_date: '2024-03-01',
        service_end_date: '2024-03-31',
      },
    ])
    .execute();
  await db
    .insertInto('memo_taxation_items')
    .values({
      id: newId(),
      memo_item_id: item1,
      memo_id: id,
      name: 'CA State Tax',
      tax_amount: '8.80',
      balance: '8.80',
      tax_rate: '0.088',
      tax_rate_description: '8.8%',
      jurisdiction: 'CALIFORNIA',
    })
    .execute();
  return { id, number, accountId, contactId };
}

/** How many file versions (generated PDFs and uploads) a memo holds. */
export async function fileCount(db: Database, memoId: string): Promise<number> {
  const { n } = await db
    .selectFrom('memo_files')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('memo_id', '=', memoId)
    .executeTakeFirstOrThrow();
  return Number(n);
}
