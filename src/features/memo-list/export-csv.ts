import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import type { MemoRow } from '../../api/memos/list.ts';
import { statusLabel } from '../../components/status-label.ts';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { toFixed } from '../../lib/money.ts';
import { sourceTypeLabel } from '../../lib/wire-labels.ts';
import { isColumnShown, type ColumnVisibility } from './column-visibility.ts';
import { memoDateOf } from './memo-columns.tsx';

// The CSV of the memo list is what the grid shows: its data columns that are shown, in its order, under its
// headers (the Actions column holds buttons, not data), with the values a person reads there (invoice and
// account numbers rather than ids, labels rather than wire values, dates as the app writes them). Money is the
// exception: a plain decimal in the currency's places (JPY 0, KWD 3), which a spreadsheet can add up.
// e2e/list-page.spec.ts holds the file's header row against the grid's column headers.

export interface CsvLookups {
  accountName: (accountId: string) => string | undefined;
  invoiceNumber: (invoiceId: string) => string | undefined;
}

/** `id` is the grid's column id (memo-columns.tsx `field`), the key of the column-visibility model. */
export interface CsvColumn {
  id: string;
  header: string;
  value: (row: MemoRow) => string;
}

const money = (get: (r: MemoRow) => number | null | undefined) => (r: MemoRow) => {
  const v = get(r);
  return v === null || v === undefined ? '' : toFixed(v, r.currency);
};
const cm = (r: MemoRow) => r as CreditMemo;
const dm = (r: MemoRow) => r as DebitMemo;

/** Every data column of the kind's grid, in the grid's order; `csvColumns` keeps the shown ones. */
function exportableColumns(kind: MemoKind, lookups: CsvLookups): CsvColumn[] {
  const credit = kind === 'CreditMemo';
  const cols: (CsvColumn | false)[] = [
    { id: 'number', header: 'Number', value: (r) => r.number },
    { id: 'account', header: 'Account', value: (r) => account(r, lookups) },
    { id: 'status', header: 'Status', value: (r) => statusLabel(r.status) },
    { id: 'memoDate', header: 'Memo Date', value: (r) => formatDate(memoDateOf(r)) },
    !credit && { id: 'dueDate', header: 'Due Date', value: (r) => formatDate(dm(r).dueDate) },
    { id: 'amount', header: 'Amount', value: money((r) => r.amount) },
    { id: 'taxAmount', header: 'Tax', value: money((r) => r.taxAmount) },
    credit
      ? { id: 'unappliedAmount', header: 'Unapplied Amount', value: money((r) => cm(r).unappliedAmount) }
      : { id: 'balance', header: 'Balance', value: money((r) => dm(r).balance) },
    credit && { id: 'refundAmount', header: 'Refund Amount', value: money((r) => cm(r).refundAmount) },
    { id: 'currency', header: 'Currency', value: (r) => r.currency },
    { id: 'reasonCode', header: 'Reason Code', value: (r) => r.reasonCode ?? '' },
    { id: 'sourceType', header: 'Source Type', value: (r) => (r.sourceType ? sourceTypeLabel(r.sourceType) : '') },
    {
      id: 'referredInvoiceId',
      header: 'Referred Invoice',
      // The id only when the invoice could not be read (deleted, no permission): as the grid does.
      value: (r) => (r.referredInvoiceId ? (lookups.invoiceNumber(r.referredInvoiceId) ?? r.referredInvoiceId) : ''),
    },
    { id: 'postedOn', header: 'Posted On', value: (r) => formatDateTime(r.postedOn) },
  ];
  return cols.filter((c): c is CsvColumn => Boolean(c));
}

/** The columns the grid shows under `visibility`, in its order. */
export function csvColumns(kind: MemoKind, lookups: CsvLookups, visibility: ColumnVisibility): CsvColumn[] {
  return exportableColumns(kind, lookups).filter((c) => isColumnShown(visibility, c.id));
}

/** "Acme, Inc. (A00000001)": the grid's two lines in one cell; the number alone until the name is known. */
function account(r: MemoRow, lookups: CsvLookups): string {
  const name = r.accountName ?? lookups.accountName(r.accountId);
  const number = r.accountNumber ?? r.accountId;
  return name ? `${name} (${number})` : number;
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
