import { describe, expect, it } from 'vitest';
import type { MemoRow } from '../../api/memos/list.ts';
import { csvCell, csvColumns, csvHeader, csvRows } from './export-csv.ts';

// A credit memo row exactly as the contract types it (no server involved: this tests formatting).
const row = (over: Partial<Record<string, unknown>> = {}) =>
  ({
    id: 'c'.repeat(32),
    number: 'CM00000001',
    accountId: 'a'.repeat(32),
    accountNumber: 'A-1',
    currency: 'USD',
    status: 'Posted',
    creditMemoDate: '2024-01-31',
    amount: 1234.5,
    taxAmount: 0.1,
    unappliedAmount: 100,
    refundAmount: 0,
    reasonCode: 'Correcting invoice, "late"',
    sourceType: 'Standalone',
    referredInvoiceId: null,
    postedOn: '2024-02-01 10:00:00',
    ...over,
  }) as unknown as MemoRow;

describe('memo CSV', () => {
  it('writes money as decimal strings in the currency’s decimals and dates as written', () => {
    const cols = csvColumns('CreditMemo', { accountName: () => 'Acme, Inc.' });
    expect(csvHeader(cols)).toBe(
      'Number,Account Name,Account Number,Status,Memo Date,Amount,Tax,Unapplied Amount,Refund Amount,Currency,Reason Code,Source Type,Referred Invoice Id,Posted On,Id\r\n',
    );
    expect(csvRows(cols, [row()])).toBe(
      `CM00000001,"Acme, Inc.",A-1,Posted,2024-01-31,1234.50,0.10,100.00,0.00,USD,"Correcting invoice, ""late""",Standalone,,2024-02-01 10:00:00,${'c'.repeat(32)}\r\n`,
    );
    expect(csvRows(cols, [row({ currency: 'JPY', amount: 1500, taxAmount: 0 })])).toContain(',1500,0,');
    expect(csvRows(cols, [row({ currency: 'KWD', amount: 1.005 })])).toContain(',1.005,');
  });

  it('has the debit memo columns (due date, balance, no refund)', () => {
    const headers = csvHeader(csvColumns('DebitMemo', { accountName: () => undefined }));
    expect(headers).toContain('Due Date');
    expect(headers).toContain('Balance');
    expect(headers).not.toContain('Refund');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12.50')).toBe('-12.50');
  });
});
