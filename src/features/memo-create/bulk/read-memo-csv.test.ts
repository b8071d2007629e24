import { describe, expect, it } from 'vitest';
import { csvTemplate } from './csv-columns.ts';
import { readMemoCsv } from './read-memo-csv.ts';

describe('readMemoCsv', () => {
  it('maps cells to canonical column names, whatever the header case and spacing', () => {
    const r = readMemoCsv(' MemoRef ,ACCOUNTNUMBER,productRatePlanChargeId,amount\nM-1,A1,c1, 10.50 \n', 'CreditMemo');
    expect(r.fileErrors).toEqual([]);
    expect(r.rows).toEqual([
      { line: 2, cells: { memoRef: 'M-1', accountNumber: 'A1', productRatePlanChargeId: 'c1', amount: '10.50' } },
    ]);
  });

  it('refuses a wrong header and names the expected columns', () => {
    const r = readMemoCsv('memoRef,account,productRatePlanChargeId,amout\nM-1,A1,c1,1\n', 'CreditMemo');
    expect(r.rows).toEqual([]);
    expect(r.fileErrors[0]).toMatch(/^Unknown columns: account, amout\. The columns are: memoRef, accountNumber/);
    expect(r.fileErrors).toContain('Missing column: accountNumber.');
    expect(r.fileErrors).toContain('Missing column: amount.');
  });

  it('requires a charge column, and refuses a column given twice', () => {
    expect(readMemoCsv('memoRef,accountNumber,amount\nM,A,1', 'DebitMemo').fileErrors).toEqual([
      'Missing column: productRatePlanChargeId or chargeNumber.',
    ]);
    expect(readMemoCsv('memoRef,accountNumber,amount,chargeNumber,Amount\nM,A,1,C,2', 'DebitMemo').fileErrors).toEqual([
      'Column given twice: amount.',
    ]);
  });

  it('treats dueDate as unknown on a credit memo file', () => {
    const r = readMemoCsv('memoRef,accountNumber,chargeNumber,amount,dueDate\n', 'CreditMemo');
    expect(r.fileErrors[0]).toMatch(/^Unknown column: dueDate\./);
  });

  it('refuses an empty file and a header without rows', () => {
    expect(readMemoCsv('', 'CreditMemo').fileErrors).toEqual(['The file is empty.']);
    expect(readMemoCsv('\uFEFF\r\n\r\n', 'CreditMemo').fileErrors).toEqual(['The file is empty.']);
    expect(readMemoCsv('memoRef,accountNumber,chargeNumber,amount\r\n\r\n', 'CreditMemo').fileErrors).toEqual([
      'The file has a header but no rows.',
    ]);
  });

  it('flags a row with more cells than the header', () => {
    const r = readMemoCsv('memoRef,accountNumber,chargeNumber,amount\nM,A,C,1,extra\n', 'CreditMemo');
    expect(r.rows[0].cells.__extra).toBe('true');
  });

  it('reads its own template back without errors', () => {
    for (const kind of ['CreditMemo', 'DebitMemo'] as const) {
      const r = readMemoCsv(csvTemplate(kind, { chargeId: 'abc' }), kind);
      expect(r.fileErrors).toEqual([]);
      expect(r.rows).toHaveLength(3);
      expect(r.rows[1].cells.description).toBe('Late delivery, "express"');
    }
  });
});
