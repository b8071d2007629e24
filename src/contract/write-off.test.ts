import { describe, expect, it } from 'vitest';
import {
  previewWriteOff,
  writeOffAmountProblem,
  writeOffDateProblem,
  writeOffItemsOf,
  writeOffItemsProblem,
  writeOffRequestSchema,
} from './write-off.ts';

const usdItems = [
  {
    id: 'i1',
    balance: 100,
    skuName: 'Gold',
    financeInformation: { deferredRevenueAccountingCode: 'Deferred Revenue' },
    taxationItems: { data: [{ id: 't1', balance: 8.25, name: 'CA tax' }] },
  },
  { id: 'i2', balance: 33.33, skuName: 'Silver', taxationItems: { data: [] } },
];

describe('previewWriteOff', () => {
  it('writes off the full USD balance to zero on every item and tax item', () => {
    const p = previewWriteOff({ currency: 'USD', balance: '141.58' }, usdItems, '141.58');
    expect(p.lines.map((l) => l.amount.toString())).toEqual(['100', '33.33']);
    expect(p.lines[0].taxationItems[0].amount.toString()).toBe('8.25');
    expect(p.balanceAfter.toString()).toBe('0');
    expect(p.itemTotal.toString()).toBe('133.33');
    expect(p.taxTotal.toString()).toBe('8.25');
  });

  it('splits a partial USD amount by largest remainder, exact to the cent', () => {
    const p = previewWriteOff({ currency: 'USD', balance: '141.58' }, usdItems, '10');
    // 10 × 100/141.58 = 7.0631…, 10 × 8.25/141.58 = 0.5827…, 10 × 33.33/141.58 = 2.3541…: floors sum
    // to 9.99 and the last cent goes to the largest remainder (.0041, Silver)
    expect(p.lines[0].amount.toString()).toBe('7.06');
    expect(p.lines[0].taxationItems[0].amount.toString()).toBe('0.58');
    expect(p.lines[1].amount.toString()).toBe('2.36');
    expect(p.amount.toString()).toBe('10');
    expect(p.balanceAfter.toString()).toBe('131.58');
  });

  it('JPY: whole yen only', () => {
    const p = previewWriteOff(
      { currency: 'JPY', balance: 1000 },
      [
        { id: 'a', balance: 500, taxationItems: [{ id: 'x', balance: 50 }] },
        { id: 'b', balance: 450 },
      ],
      100,
    );
    expect(p.lines.map((l) => l.amount.toString())).toEqual(['50', '45']);
    expect(p.lines[0].taxationItems[0].amount.toString()).toBe('5');
    const q = previewWriteOff(
      { currency: 'JPY', balance: 3 },
      [
        { id: 'a', balance: 1 },
        { id: 'b', balance: 1 },
        { id: 'c', balance: 1 },
      ],
      2,
    );
    expect(q.lines.map((l) => l.amount.toString())).toEqual(['1', '1', '0']);
  });

  it('KWD: three decimals', () => {
    const p = previewWriteOff(
      { currency: 'KWD', balance: '10.000' },
      [
        { id: 'a', balance: 3 },
        { id: 'b', balance: 3 },
        { id: 'c', balance: 4 },
      ],
      '1.001',
    );
    expect(p.lines.map((l) => l.amount.toString())).toEqual(['0.3', '0.3', '0.401']);
    expect(p.amount.toString()).toBe('1.001');
  });

  it('skips closed lines in items[] and the sum equals the amount', () => {
    const items = [
      { id: 'a', balance: 0 },
      { id: 'b', balance: 5, taxationItems: [{ id: 't', balance: 0 }] },
    ];
    const p = previewWriteOff({ currency: 'USD', balance: 5 }, items, 5);
    expect(writeOffItemsOf(p)).toEqual([{ debitMemoItemId: 'b', amount: 5 }]);
    expect(writeOffItemsProblem(writeOffItemsOf(p), items, 5, 'USD')).toBeNull();
  });
});

describe('write-off rules', () => {
  const memo = { currency: 'USD', balance: 141.58, debitMemoDate: '2024-03-10' };
  it('refuses zero, negative, too many decimals and above the balance', () => {
    expect(writeOffAmountProblem(0, memo)).toMatch(/greater than 0/);
    expect(writeOffAmountProblem(-1, memo)).toMatch(/greater than 0/);
    expect(writeOffAmountProblem('1.001', memo)).toMatch(/at most 2 decimals/);
    expect(writeOffAmountProblem('1.5', { ...memo, currency: 'JPY' })).toMatch(/no decimals/);
    expect(writeOffAmountProblem('141.59', memo)).toMatch(/cannot exceed the open balance 141.58 USD/);
    expect(writeOffAmountProblem('141.58', memo)).toBeNull();
  });
  it('refuses a date before the debit memo date, naming it', () => {
    expect(writeOffDateProblem('2024-03-09', memo)).toMatch(/2024-03-10/);
    expect(writeOffDateProblem('2024-03-10', memo)).toBeNull();
  });
  it('items[] must cover every open line and sum to amount', () => {
    expect(writeOffItemsProblem([{ debitMemoItemId: 'i1', amount: 100 }], usdItems, 100, 'USD')).toMatch(
      /every open item/,
    );
    const all = [
      { debitMemoItemId: 'i1', amount: 100 },
      { taxItemId: 't1', amount: 8.25 },
      { debitMemoItemId: 'i2', amount: 33.33 },
    ];
    expect(writeOffItemsProblem(all, usdItems, 141.58, 'USD')).toBeNull();
    expect(writeOffItemsProblem(all, usdItems, 141.57, 'USD')).toMatch(/sum of the item amounts/);
  });
  it('schema: non-revenue write-off needs the accounting code; comment ≤ 255', () => {
    expect(writeOffRequestSchema.safeParse({ revenueImpacting: 'No' }).success).toBe(false);
    expect(
      writeOffRequestSchema.safeParse({ revenueImpacting: 'No', recognizedRevenueAccountingCode: 'Bad Debt' }).success,
    ).toBe(true);
    expect(writeOffRequestSchema.safeParse({ comment: 'x'.repeat(256) }).success).toBe(false);
    expect(writeOffRequestSchema.safeParse({ memoDate: '2019-01-02' }).success).toBe(true);
  });
});
