import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import type { MemoRow } from '../../api/memos/list.ts';
import { toFixed } from '../../lib/money.ts';

// CSV of the memo list, header level. Money is written as exact decimal strings in the memo's
// currency decimals (JPY 0, KWD 3), dates as yyyy-mm-dd: what a spreadsheet or an import expects.

export interface CsvLookups {
  accountName: (accountId: string) => string | undefined;
}

interface CsvColumn {
  header: string;
  value: (row: MemoRow) => string;
}

const money = (get: (r: MemoRow) => number | null | undefined) => (r: MemoRow) => {
  const v = get(r);
  return v === null || v === undefined ? '' : toFixed(v, r.currency);
};
const cm = (r: MemoRow) => r as CreditMemo;
const dm = (r: MemoRow) => r as DebitMemo;

export function csvColumns(kind: MemoKind, lookups: CsvLookups): CsvColumn[] {
  const credit = kind === 'CreditMemo';
  const cols: (CsvColumn | false)[] = [
    { header: 'Number', value: (r) => r.number },
    { header: 'Account Name', value: (r) => lookups.accountName(r.accountId) ?? '' },
    { header: 'Account Number', value: (r) => r.accountNumber ?? '' },
    { header: 'Status', value: (r) => r.status },
    { header: 'Memo Date', value: (r) => (credit ? cm(r).creditMemoDate : dm(r).debitMemoDate) },
    !credit && { header: 'Due Date', value: (r) => dm(r).dueDate ?? '' },
    { header: 'Amount', value: money((r) => r.amount) },
    { header: 'Tax', value: money((r) => r.taxAmount) },
    credit
      ? { header: 'Unapplied Amount', value: money((r) => cm(r).unappliedAmount) }
      : { header: 'Balance', value: money((r) => dm(r).balance) },
    credit && { header: 'Refund Amount', value: money((r) => cm(r).refundAmount) },
    { header: 'Currency', value: (r) => r.currency },
    { header: 'Reason Code', value: (r) => r.reasonCode ?? '' },
    { header: 'Source Type', value: (r) => r.sourceType ?? '' },
    { header: 'Referred Invoice Id', value: (r) => r.referredInvoiceId ?? '' },
    { header: 'Posted On', value: (r) => r.postedOn ?? '' },
    { header: 'Id', value: (r) => r.id },
  ];
  return cols.filter((c): c is CsvColumn => Boolean(c));
}

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet does not run it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: string[]) => `${cells.map(csvCell).join(',')}\r\n`;

export function csvHeader(columns: CsvColumn[]): string {
  return csvLine(columns.map((c) => c.header));
}

export function csvRows(columns: CsvColumn[], rows: readonly MemoRow[]): string {
  return rows.map((r) => csvLine(columns.map((c) => c.value(r)))).join('');
}
