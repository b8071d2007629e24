import Big from 'big.js';
import { bump, fx, type Dataset, type Doc, type Line, type Row } from './dataset.ts';
import { SEED_USER_ID } from './reference-data.ts';
import { LineBook, pairUp, type Line as SettleLine } from '../domain/settle-lines.ts';

// In-memory settlement for the seed: applies a credit memo or a payment to an invoice or debit memo,
// and refunds credit memos, item by item by the product's own rule (server/domain/settle-lines.ts: a
// header amount spread over the open lines in proportion to their open balances, then source portions
// paired with target portions in document order), keeping every balance identity: document amount =
// applied + refunded + balance, and item/tax balances summing to the header.

export type Source = { type: 'CreditMemo'; doc: Doc } | { type: 'Payment'; row: Row<'payments'> };

const openOf = (lines: Line[]) => lines.reduce((s, l) => s.plus(l.open), new Big(0));
export const openBalance = (doc: Doc) => openOf(doc.lines);

/** A document's lines as the settlement mechanism sees them, and the seed line behind each. */
function bookOf(doc: Doc): { book: LineBook; lineOf: (l: SettleLine) => Line } {
  const byId = new Map(doc.lines.map((l) => [l.row.id, l]));
  const book = new LineBook(
    doc.lines.map((l) => ({ kind: l.kind, id: l.row.id, itemId: l.itemId, balance: l.open })),
    `${doc.type} ${doc.id}`,
  );
  return { book, lineOf: (l) => byId.get(l.id)! };
}

function settleTargetLine(target: Doc, line: Line, p: Big, byCredit: boolean): void {
  const c = target.currency;
  line.open = line.open.minus(p);
  bump(line.row, 'balance', p.neg(), c);
  if (target.type === 'DebitMemo') bump(line.row, 'applied_amount', p, c);
  if (line.kind === 'tax') bump(line.row, byCredit ? 'credit_amount' : 'payment_amount', p, c);
}

export function applyToTarget(ds: Dataset, source: Source, target: Doc, amount: Big, date: string): void {
  const c = target.currency;
  const sourceId = source.type === 'CreditMemo' ? source.doc.id : source.row.id;
  const key = `${sourceId}:${target.id}`;
  let app = ds.rows.applications.find((a) => `${a.source_id}:${a.target_id}` === key);
  if (!app) {
    app = {
      id: ds.id(),
      source_type: source.type,
      source_id: sourceId,
      target_type: target.type as 'Invoice' | 'DebitMemo',
      target_id: target.id,
      amount: '0',
      effective_date: date,
      created_date: `${date} 12:00:00`,
      created_by_id: SEED_USER_ID,
      updated_date: `${date} 12:00:00`,
      updated_by_id: SEED_USER_ID,
    };
    ds.rows.applications.push(app);
  }
  bump(app as Record<string, unknown>, 'amount', amount, c);

  const byCredit = source.type === 'CreditMemo';
  const tgt = bookOf(target);
  const src = byCredit ? bookOf(source.doc) : null;
  const pairs = pairUp(src ? src.book.spread(amount, c) : null, tgt.book.spread(amount, c));
  for (const pair of pairs) {
    const piece = pair.amount;
    const targetLine = tgt.lineOf(pair.target);
    const sourceLine = src && pair.source ? src.lineOf(pair.source) : undefined;
    if (sourceLine) {
      sourceLine.open = sourceLine.open.minus(piece);
      bump(sourceLine.row, 'applied_amount', piece, c);
      bump(sourceLine.row, 'balance', piece.neg(), c);
    }
    settleTargetLine(target, targetLine, piece, byCredit);
    ds.rows.application_items.push({
      id: ds.id(),
      application_id: app.id,
      source_item_id: sourceLine ? sourceLine.itemId : null,
      source_tax_item_id: sourceLine?.kind === 'tax' ? sourceLine.row.id : null,
      target_item_id: targetLine.itemId,
      target_tax_item_id: targetLine.kind === 'tax' ? targetLine.row.id : null,
      amount: fx(piece, c),
    });
  }

  if (target.type === 'Invoice') {
    bump(target.row, byCredit ? 'credit_memo_amount' : 'payment_amount', amount, c);
  } else {
    bump(target.row, 'applied_amount', amount, c);
  }
  bump(target.row, 'balance', amount.neg(), c);
  if (source.type === 'CreditMemo') {
    bump(source.doc.row, 'applied_amount', amount, c);
    bump(source.doc.row, 'balance', amount.neg(), c);
  } else {
    bump(source.row as Record<string, unknown>, 'applied_amount', amount, c);
    bump(source.row as Record<string, unknown>, 'unapplied_amount', amount.neg(), c);
  }
}

export function refundCreditMemo(ds: Dataset, cm: Doc, amount: Big, date: string, number: string): Row<'refunds'> {
  const c = cm.currency;
  const { book, lineOf } = bookOf(cm);
  for (const portion of book.spread(amount, c)) {
    const line = lineOf(portion.line);
    const p = portion.amount;
    line.open = line.open.minus(p);
    bump(line.row, 'refund_amount', p, c);
    bump(line.row, 'balance', p.neg(), c);
  }
  bump(cm.row, 'refund_amount', amount, c);
  bump(cm.row, 'balance', amount.neg(), c);
  const refund: Row<'refunds'> = {
    id: ds.id(),
    number,
    account_id: cm.accountId,
    credit_memo_id: cm.id,
    payment_id: null,
    type: 'External',
    method_type: ds.rng.pick(['Check', 'WireTransfer', 'ACH', 'BankTransfer'] as const),
    amount: fx(amount, c),
    refund_date: date,
    status: 'Processed',
    reason_code: 'Standard Refund',
    comment: null,
    reference_id: `REF-${number}`,
    second_refund_reference_id: null,
    gateway_state: 'NotSubmitted',
    created_date: `${date} 15:00:00`,
    created_by_id: SEED_USER_ID,
    updated_date: `${date} 15:00:00`,
    updated_by_id: SEED_USER_ID,
  };
  ds.rows.refunds.push(refund);
  return refund;
}
