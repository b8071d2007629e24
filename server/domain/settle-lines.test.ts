import { describe, expect, it } from 'vitest';
import { money, sum } from '../../src/lib/money.ts';
import { LineBook, pairUp, type Line } from './settle-lines.ts';

// The pure half of the settlement mechanism: spreading over open lines and pairing source with target.

const line = (id: string, balance: string, kind: Line['kind'] = 'item'): Line => ({
  kind,
  id,
  itemId: id,
  balance: money(balance),
});
const show = (portions: { line: Line; amount: { toString(): string } }[]) =>
  portions.map((p) => `${p.line.id}:${p.amount.toString()}`);

describe('LineBook', () => {
  it('spreads in proportion to what each line has left, exact in the currency unit, across successive draws', () => {
    const book = new LineBook([line('a', '60'), line('t', '5', 'tax'), line('b', '40')], 'credit memo CM1');
    expect(show(book.spread(money(21), 'USD'))).toEqual(['a:12', 't:1', 'b:8']);
    // 10 over what is left (48, 4, 32): 5.714…, 0.476…, 3.809… → 5.71, 0.48, 3.81
    expect(show(book.spread(money(10), 'USD'))).toEqual(['a:5.71', 't:0.48', 'b:3.81']);
    expect(book.total().toString()).toBe('74');
    expect(() => book.spread(money('74.01'), 'USD')).toThrow(/exceeds the open balance 74/);
  });

  it('skips closed lines and refuses an explicit take above a line balance', () => {
    const book = new LineBook([line('a', '0'), line('b', '3')], 'debit memo DM1');
    expect(show(book.spread(money(2), 'JPY'))).toEqual(['b:2']);
    expect(() => book.take(book.find('item', 'b')!, money(2))).toThrow(/open balance 1/);
    expect(show([book.take(book.find('item', 'b')!, money(1))])).toEqual(['b:1']);
  });
});

describe('pairUp', () => {
  it('moves each source portion onto target portions in order, both sides summing exactly', () => {
    const src = [
      { line: line('c1', '6'), amount: money(6) },
      { line: line('c2', '4'), amount: money(4) },
    ];
    const tgt = [
      { line: line('d1', '3'), amount: money(3) },
      { line: line('d2', '7'), amount: money(7) },
    ];
    const pairs = pairUp(src, tgt);
    expect(pairs.map((p) => `${p.source!.id}->${p.target.id}:${p.amount.toString()}`)).toEqual([
      'c1->d1:3',
      'c1->d2:3',
      'c2->d2:4',
    ]);
    expect(sum(pairs.map((p) => p.amount)).toString()).toBe('10');
  });

  it('pairs a payment (no source lines) straight onto the target portions', () => {
    expect(
      pairUp(null, [{ line: line('d', '5'), amount: money(5) }]).map((p) => [
        p.source,
        p.target.id,
        p.amount.toString(),
      ]),
    ).toEqual([[null, 'd', '5']]);
  });

  it('refuses portions that do not balance', () => {
    expect(() =>
      pairUp([{ line: line('c', '5'), amount: money(5) }], [{ line: line('d', '4'), amount: money(4) }]),
    ).toThrow(/same amount/);
  });
});
