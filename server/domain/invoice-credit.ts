import Big from 'big.js';
import { money, sum } from '../../src/lib/money.ts';
import type { Tx } from '../db/transaction.ts';

// How much of an invoice item (and of its tax) can still be credited. Decision: Draft credit memos
// count as well as Posted ones, so two drafts cannot together promise the customer more than was
// invoiced; Canceled ones give their amount back. Callers hold the invoice row lock.

const LIVE = ['Draft', 'Posted'];

export async function availableToCredit(
  tx: Tx,
  invoiceItemId: string,
  chargeAmount: string,
  excludeMemoItemId?: string,
): Promise<Big> {
  let q = tx
    .selectFrom('memo_items as i')
    .innerJoin('memos as m', 'm.id', 'i.memo_id')
    .select('i.amount_without_tax')
    .where('m.kind', '=', 'CreditMemo')
    .where('m.status', 'in', LIVE)
    .where('i.credit_from_item_id', '=', invoiceItemId);
  if (excludeMemoItemId) q = q.where('i.id', '!=', excludeMemoItemId);
  const rows = await q.execute();
  return money(chargeAmount).minus(sum(rows.map((r) => r.amount_without_tax)));
}

export async function availableTaxToCredit(
  tx: Tx,
  invoiceTaxItemId: string,
  taxAmount: string,
  excludeTaxItemId?: string,
): Promise<Big> {
  let q = tx
    .selectFrom('memo_taxation_items as t')
    .innerJoin('memos as m', 'm.id', 't.memo_id')
    .select('t.tax_amount')
    .where('m.kind', '=', 'CreditMemo')
    .where('m.status', 'in', LIVE)
    .where('t.source_tax_item_id', '=', invoiceTaxItemId);
  if (excludeTaxItemId) q = q.where('t.id', '!=', excludeTaxItemId);
  const rows = await q.execute();
  return money(taxAmount).minus(sum(rows.map((r) => r.tax_amount)));
}
