import Big from 'big.js';
import { bump, fx, type Dataset, type Doc, type Line, type Row } from './dataset.ts';
import { SEED_USER_ID } from './reference-data.ts';

// In-memory settlement for the seed: applies a credit memo or a payment to an invoice or debit memo,
// and refunds credit memos, item by item (FIFO over the open lines), keeping every balance identity:
// document amount = applied + refunded + balance, and item/tax balances summing to the header.

export type Source = { type: 'CreditMemo'; doc: Doc } | { type: 'Payment'; row: Row<'payments'> };

const openOf = (lines: Line[]) => lines.reduce((s, l) => s.plus(l.open), new Big(0));
export const openBalance = (doc: Doc) => openOf(doc.lines);

/** Walks the open lines FIFO, taking up to `amount`; returns the pieces taken. */
function take(lines: Line[], amount: Big): { line: Line; amount: Big }[] {
  const out: { line: Line; amount: Big }[] = [];
  let left = amount;
  for (const line of lines) {
    if (left.lte(0)) break;
    if (line.open.lte(0)) continue;
    const piece = line.open.lt(left) ? line.open : left;
    out.push({ line, amount: piece });
    left = left.minus(piece);
  }
  if (left.gt(0)) throw new Error('seed: settlement exceeds the open balance');
  return out;
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

  const targetPieces = take(target.lines, amount);
  const byCredit = source.type === 'CreditMemo';
  const sourceLines: Line[] = source.type === 'CreditMemo' ? source.doc.lines : [];
  let sourcePieces = byCredit ? take(sourceLines, amount) : [];

  for (const tp of targetPieces) {
    let left = tp.amount;
    while (left.gt(0)) {
      let piece = left;
      let src: Line | undefined;
      if (byCredit) {
        const head = sourcePieces[0];
        src = head.line;
        piece = head.amount.lt(left) ? head.amount : left;
        head.amount = head.amount.minus(piece);
        if (head.amount.eq(0)) sourcePieces = sourcePieces.slice(1);
        src.open = src.open.minus(piece);
        bump(src.row, 'applied_amount', piece, c);
        bump(src.row, 'balance', piece.neg(), c);
      }
      settleTargetLine(target, tp.line, piece, byCredit);
      ds.rows.application_items.push({
        id: ds.id(),
        application_id: app.id,
        source_item_id: src ? src.itemId : null,
        source_tax_item_id: src?.kind === 'tax' ? src.row.id : null,
        target_item_id: tp.line.itemId,
        target_tax_item_id: tp.line.kind === 'tax' ? tp.line.row.id : null,
        amount: fx(piece, c),
      });
      left = left.minus(piece);
    }
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
  for (const { line, amount: p } of take(cm.lines, amount)) {
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
