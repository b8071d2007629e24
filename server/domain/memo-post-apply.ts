import { maxDate, today } from '../../src/lib/dates.ts';
import { minMoney, money, toWire } from '../../src/lib/money.ts';
import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { applyCreditMemo } from './credit-memo-apply.ts';
import type { Actor } from './memo-support.ts';

// A credit memo created from an invoice with autoApplyToInvoiceUponPosting is applied to that
// invoice when it is posted, up to the invoice's open balance (docs/zuora/api-digest.md §6.9), in the posting
// transaction: if the apply is refused, the post is too.

export async function applyOnPosting(tx: Tx, memo: MemoRow, actor: Actor): Promise<void> {
  if (memo.kind !== 'CreditMemo' || !memo.auto_apply_upon_posting || !memo.referred_invoice_id) return;
  const invoice = await tx
    .selectFrom('invoices')
    .select(['id', 'balance'])
    .where('id', '=', memo.referred_invoice_id)
    .executeTakeFirstOrThrow();
  const amount = minMoney(memo.balance, invoice.balance);
  if (!money(amount).gt(0)) return;
  await applyCreditMemo(
    tx,
    memo,
    { effectiveDate: maxDate(today(), memo.memo_date), invoices: [{ invoiceId: invoice.id, amount: toWire(amount) }] },
    actor as Caller,
  );
}
