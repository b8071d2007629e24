import Big from 'big.js';
import { describe, expect, test } from 'vitest';
import { Dataset, type Doc, type Line, type Row } from './dataset.ts';
import { applyToTarget, refundCreditMemo } from './settle.ts';

// The seed settles by the product's rule (server/domain/settle-lines.ts): a header amount is spread
// over a document's open lines in proportion to their open balances, not first in, first out.

function line(kind: 'item' | 'tax', id: string, itemId: string, open: string): Line {
  return {
    kind,
    row: { id, balance: open, applied_amount: '0.00', refund_amount: '0.00' },
    itemId,
    open: new Big(open),
  };
}
function doc(type: Doc['type'], id: string, lines: Line[]): Doc {
  const total = lines.reduce((s, l) => s.plus(l.open), new Big(0)).toFixed(2);
  return {
    type,
    id,
    accountId: 'acc',
    currency: 'USD',
    date: '2026-01-10',
    row: { id, amount: total, balance: total, applied_amount: '0.00', refund_amount: '0.00' },
    lines,
  };
}
const moved = (ds: Dataset) => ds.rows.application_items.map((i) => [i.target_item_id, i.target_tax_item_id, i.amount]);

describe('seed settlement', () => {
  test('a payment applied to a debit memo is spread over its lines in proportion to their open balances', () => {
    const ds = new Dataset(1);
    const dm = doc('DebitMemo', 'dm', [
      line('item', 'a', 'a', '60.00'),
      line('tax', 't', 'a', '5.00'),
      line('item', 'b', 'b', '40.00'),
    ]);
    const payment = { id: 'pay', applied_amount: '0.00', unapplied_amount: '21.00' } as unknown as Row<'payments'>;
    applyToTarget(ds, { type: 'Payment', row: payment }, dm, new Big(21), '2026-01-12');
    expect(moved(ds)).toEqual([
      ['a', null, '12.00'],
      ['a', 't', '1.00'],
      ['b', null, '8.00'],
    ]);
    expect(dm.row.balance).toBe('84.00');
    expect(dm.lines.map((l) => l.row.balance)).toEqual(['48.00', '4.00', '32.00']);
  });

  test('a credit memo applied pairs its proportional portions with the target’s in document order', () => {
    const ds = new Dataset(1);
    const cm = doc('CreditMemo', 'cm', [line('item', 'c1', 'c1', '30.00'), line('item', 'c2', 'c2', '10.00')]);
    const inv = doc('Invoice', 'inv', [line('item', 'i1', 'i1', '50.00'), line('item', 'i2', 'i2', '50.00')]);
    applyToTarget(ds, { type: 'CreditMemo', doc: cm }, inv, new Big(20), '2026-01-12');
    expect(ds.rows.application_items.map((i) => [i.source_item_id, i.target_item_id, i.amount])).toEqual([
      ['c1', 'i1', '10.00'],
      ['c1', 'i2', '5.00'],
      ['c2', 'i2', '5.00'],
    ]);
    expect(cm.lines.map((l) => l.row.applied_amount)).toEqual(['15.00', '5.00']);
  });

  test('a refund is spread over the credit memo’s lines in proportion', () => {
    const ds = new Dataset(1);
    const cm = doc('CreditMemo', 'cm', [line('item', 'c1', 'c1', '75.00'), line('item', 'c2', 'c2', '25.00')]);
    refundCreditMemo(ds, cm, new Big(40), '2026-01-20', 'R-1');
    expect(cm.lines.map((l) => l.row.refund_amount)).toEqual(['30.00', '10.00']);
    expect(cm.row.balance).toBe('60.00');
  });
});
