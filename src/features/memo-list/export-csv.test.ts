import { describe, expect, it } from 'vitest';
import type { MemoRow } from '../../api/memos/list.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { DEFAULT_HIDDEN } from './column-visibility.ts';
import { csvCell, csvColumns, csvHeader, csvRows, type CsvLookups } from './export-csv.ts';

// A credit memo row exactly as the contract types it (no server involved: this tests formatting).
const INVOICE_ID = 'e'.repeat(32);
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
    sourceType: 'Invoice',
    referredInvoiceId: INVOICE_ID,
    postedOn: '2024-02-01 10:00:00',
    ...over,
  }) as unknown as MemoRow;

const lookups: CsvLookups = {
  accountName: () => 'Acme, Inc.',
  invoiceNumber: (id) => (id === INVOICE_ID ? 'INV00000042' : undefined),
};
const cells = (line: string) => line.trimEnd().split(',');

describe('memo CSV', () => {
  it('writes the columns the grid shows by default, in its order, under its headers', () => {
    const cols = csvColumns('CreditMemo', lookups, DEFAULT_HIDDEN);
    expect(csvHeader(cols)).toBe('Number,Account,Status,Memo Date,Amount,Unapplied Amount,Refund Amount,Currency\r\n');
    expect(csvRows(cols, [row()])).toBe(
      `CM00000001,"Acme, Inc. (A-1)",Posted,"${formatDate('2024-01-31')}",1234.50,100.00,0.00,USD\r\n`,
    );
  });

  it('follows the chosen columns: hidden ones are left out, shown ones keep the grid’s order', () => {
    const chosen = { ...DEFAULT_HIDDEN, status: false, currency: false, referredInvoiceId: true, postedOn: true };
    const cols = csvColumns('CreditMemo', lookups, chosen);
    expect(cols.map((c) => c.header)).toEqual([
      'Number',
      'Account',
      'Memo Date',
      'Amount',
      'Unapplied Amount',
      'Refund Amount',
      'Referred Invoice',
      'Posted On',
    ]);
    const line = csvRows(cols, [row()]);
    expect(line).toContain(',INV00000042,'); // the invoice's number, as the grid shows it
    expect(line).not.toContain(INVOICE_ID);
    expect(line).toContain(`"${formatDateTime('2024-02-01 10:00:00')}"`);
  });

  it('writes labels and formatted dates, never wire values', () => {
    const all = Object.fromEntries(Object.keys(DEFAULT_HIDDEN).map((id) => [id, true]));
    const cols = csvColumns('CreditMemo', lookups, all);
    const r = row({ status: 'PendingForTax', sourceType: 'CreditMemo', reasonCode: 'Write-off' });
    const at = (header: string) => cols.find((c) => c.header === header)?.value(r);
    expect(at('Status')).toBe('Pending for Tax');
    expect(at('Source Type')).toBe('Credit memo');
    expect(at('Memo Date')).not.toMatch(/2024-01-31/);
    expect(at('Reason Code')).toBe('Write-off');
  });

  it('writes money as plain decimals in the currency’s places', () => {
    const cols = csvColumns('CreditMemo', lookups, { account: false, memoDate: false, taxAmount: true });
    expect(cells(csvHeader(cols)).slice(1, 4)).toEqual(['Status', 'Amount', 'Tax']);
    expect(csvRows(cols, [row({ currency: 'JPY', amount: 1500, taxAmount: 0 })])).toContain(',1500,0,');
    expect(csvRows(cols, [row({ currency: 'KWD', amount: 1.005 })])).toContain(',1.005,');
    expect(csvRows(cols, [row({ amount: 1234567.5 })])).toContain(',1234567.50,'); // no grouping, no symbol
  });

  it('shows the account number alone while its name is unknown, and an unreadable invoice by its id', () => {
    const cols = csvColumns(
      'CreditMemo',
      { accountName: () => undefined, invoiceNumber: () => undefined },
      {
        referredInvoiceId: true,
      },
    );
    const line = csvRows(cols, [row()]);
    expect(cells(line)[1]).toBe('A-1');
    expect(line).toContain(INVOICE_ID);
  });

  it('has the debit memo columns (due date, balance, no refund)', () => {
    const headers = csvHeader(csvColumns('DebitMemo', lookups, DEFAULT_HIDDEN));
    expect(headers).toBe('Number,Account,Status,Memo Date,Due Date,Amount,Balance,Currency\r\n');
  });

  it('defuses spreadsheet formulas but keeps negative numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-12.50')).toBe('-12.50');
  });
});
