import { describe, expect, it } from 'vitest';
import { readMemoCsv } from './read-memo-csv.ts';
import { validateMemoRows, type Lookups } from './validate-memo-rows.ts';

const accounts: Record<string, { id: string; currency: string }> = {
  A1: { id: 'acc1', currency: 'USD' },
  J1: { id: 'accj', currency: 'JPY' },
};
const charges: Record<string, { id: string; type: string; model: string; number?: string }> = {
  c1: { id: 'c1', type: 'OneTime', model: 'FlatFee', number: 'PRPC-1' },
  'PRPC-1': { id: 'c1', type: 'OneTime', model: 'FlatFee', number: 'PRPC-1' },
  u1: { id: 'u1', type: 'Usage', model: 'PerUnit' },
  d1: { id: 'd1', type: 'Recurring', model: 'DiscountPercentage', number: 'PRPC-9' },
};
const lookups: Lookups = {
  account: (n) => (n in accounts ? accounts[n] : null),
  charge: (k) => charges[k],
};

function run(csv: string, kind: 'CreditMemo' | 'DebitMemo' = 'DebitMemo') {
  const read = readMemoCsv(csv, kind);
  expect(read.fileErrors).toEqual([]);
  return validateMemoRows(read.rows, kind, lookups, '2025-03-01');
}

const H =
  'memoRef,accountNumber,memoDate,dueDate,reasonCode,comment,productRatePlanChargeId,chargeNumber,amount,quantity,description,serviceStartDate,serviceEndDate';

describe('validateMemoRows', () => {
  it('groups rows by memoRef into bulk entries with Zuora field names', () => {
    const { memos, rows } = run(
      `${H}\nM1,A1,2025-02-01,2025-03-01,Ad hoc Debit,hi,c1,,10.5,,first,,\nM2,J1,,,,,,PRPC-1,100,,,,\nM1,A1,2025-02-01,2025-03-01,Ad hoc Debit,hi,u1,,2.25,,,2025-01-01,2025-01-31\n`,
    );
    expect(rows.every((r) => r.errors.length === 0)).toBe(true);
    expect(memos.map((m) => [m.memoRef, m.lines, m.total, m.currency])).toEqual([
      ['M1', [2, 4], '12.75', 'USD'],
      ['M2', [3], '100', 'JPY'],
    ]);
    expect(memos[0].body).toEqual({
      accountNumber: 'A1',
      effectiveDate: '2025-02-01',
      dueDate: '2025-03-01',
      reasonCode: 'Ad hoc Debit',
      comment: 'hi',
      autoPost: false,
      charges: [
        { productRatePlanChargeId: 'c1', amount: 10.5, description: 'first' },
        // a usage charge without quantity gets 1, as Zuora's UI does
        {
          productRatePlanChargeId: 'u1',
          amount: 2.25,
          quantity: 1,
          serviceStartDate: '2025-01-01',
          serviceEndDate: '2025-01-31',
        },
      ],
    });
    // No memoDate: none sent, Zuora dates it today, so the same batch is the same request on another day.
    expect(memos[1].body).toMatchObject({ charges: [{ productRatePlanChargeId: 'c1', amount: 100 }] });
    expect(memos[1].body).not.toHaveProperty('effectiveDate');
  });

  it("refuses an amount with more decimals than the account's currency", () => {
    const { memos } = run(`${H}\nM1,J1,,,,,c1,,100.5,,,,\nM2,A1,,,,,c1,,1.005,,,,\n`);
    expect(memos[0].errors).toEqual(['Line 2: amount: JPY amounts have no decimals.']);
    expect(memos[1].errors).toEqual(['Line 3: amount: USD amounts have at most 2 decimals.']);
    expect(memos.every((m) => m.body === undefined)).toBe(true);
  });

  it('refuses an amount a JSON number cannot carry exactly instead of showing it Ready', () => {
    const { memos } = run(`${H}\nM1,A1,,,,,c1,,999999999999999.99,,,,\n`);
    expect(memos[0].errors).toEqual([
      'Line 2: amount: The amount is above the largest amount accepted, $9,999,999,999,999.99.',
    ]);
    expect(memos[0].body).toBeUndefined();
  });

  it('explains each bad cell', () => {
    const { rows } = run(`${H}\n,ZZ,2025-13-01,2025-01-01,,,,PRPC-404,-3,0,,2025-02-02,2025-02-01\n`);
    expect(rows[0].errors).toEqual([
      'memoRef is empty.',
      'Account ZZ does not exist.',
      'memoDate: Enter a date as yyyy-mm-dd.',
      'Charge number PRPC-404 is not in the product catalog.',
      'amount: The amount cannot be negative.',
      'quantity: The quantity must be a positive number.',
      'serviceEndDate is before serviceStartDate.',
    ]);
  });

  it('refuses discount charges, a due date before the memo date, and a missing charge', () => {
    const { rows } = run(`${H}\nM1,A1,2025-02-01,2025-01-31,,,d1,,5,,,,\nM2,A1,,,,,,,0,,,,\n`);
    expect(rows[0].errors).toEqual([
      'dueDate is before the memo date.',
      'Charge PRPC-9 is a discount charge; memos cannot use discount charges.',
    ]);
    expect(rows[1].errors).toEqual(['Give productRatePlanChargeId or chargeNumber.']);
  });

  it('refuses memo-level cells that differ between rows of one memo, and the whole memo with them', () => {
    const { rows, memos } = run(`${H}\nM1,A1,,,,one,c1,,1,,,,\nM1,A1,,,,two,c1,,1,,,,\n`);
    expect(rows[1].errors).toEqual(['comment differs from line 2 of the same memo (M1).']);
    expect(memos[0].errors).toEqual(['Line 3: comment differs from line 2 of the same memo (M1).']);
    expect(memos[0].body).toBeUndefined();
  });

  it('leaves an id the catalog did not list for Zuora to judge', () => {
    const { memos } = run(`${H}\nM1,A1,,,,,not-listed,,1,,,,\n`);
    expect(memos[0].errors).toEqual([]);
    expect(memos[0].body).toMatchObject({ charges: [{ productRatePlanChargeId: 'not-listed', amount: 1 }] });
  });

  it('checks comment length and autoPost values', () => {
    const read = readMemoCsv(
      `memoRef,accountNumber,chargeNumber,amount,comment,autoPost\nM1,A1,PRPC-1,1,${'x'.repeat(256)},yes\nM2,A1,PRPC-1,1,,TRUE\n`,
      'CreditMemo',
    );
    const { rows, memos } = validateMemoRows(read.rows, 'CreditMemo', lookups, '2025-03-01');
    expect(rows[0].errors).toEqual(['comment is longer than 255 characters.', 'autoPost must be true or false.']);
    expect(memos[1].body).toMatchObject({ autoPost: true });
    expect(memos[1].body).not.toHaveProperty('dueDate');
  });
});
