import { Link as RouterLink } from 'react-router';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import type { Permission } from '../../contract/permissions.ts';
import { memoDetailPath } from '../../lib/memo-routes.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import type { MemoRow } from '../../api/memos/list.ts';
import { LocalDate } from '../../components/local-date.tsx';
import { Money } from '../../components/money.tsx';
import { StatusChip } from '../../components/status-chip.tsx';
import { isPositive } from '../../lib/money.ts';
import { sortableFields, type ListApi } from './list-state.ts';
import type { MemoColumn, MemoColumnMeta } from './memo-table.ts';
import type { ReferenceNames } from './use-reference-names.ts';
import { sourceTypeLabel } from '../../lib/wire-labels.ts';

export const memoDateOf = (row: MemoRow): string =>
  'creditMemoDate' in row ? (row as CreditMemo).creditMemoDate : (row as DebitMemo).debitMemoDate;

/** A posted credit memo with something left to apply: the row offers Apply. */
export const canApply = (row: MemoRow) =>
  row.status === 'Posted' && 'unappliedAmount' in row && isPositive((row as CreditMemo).unappliedAmount);

interface ColumnDeps {
  kind: MemoKind;
  /** Which API reads the view: the sortable columns differ (list-state.ts sortableFields). */
  api: ListApi;
  names: ReferenceNames;
  permissions: ReadonlySet<Permission>;
  onPost: (row: MemoRow) => void;
}

export const CHECKBOX_WIDTH = 48;

/** The selection box: the header's selects every row of the page (as the bulk actions act on one page). */
export const selectColumn: MemoColumn = {
  id: 'select',
  enableSorting: false,
  enableHiding: false,
  meta: { width: CHECKBOX_WIDTH, stickyLeft: 0 },
  header: ({ table }) => (
    <Checkbox
      size="small"
      checked={table.getIsAllRowsSelected()}
      indeterminate={table.getIsSomeRowsSelected()}
      disabled={table.getRowModel().rows.length === 0}
      onChange={table.getToggleAllRowsSelectedHandler()}
      slotProps={{ input: { 'aria-label': 'Select all rows' } }}
    />
  ),
  cell: ({ row }) => (
    <Checkbox
      size="small"
      checked={row.getIsSelected()}
      onChange={row.getToggleSelectedHandler()}
      slotProps={{ input: { 'aria-label': `Select ${row.original.number}` } }}
    />
  ),
};

export function memoColumns({ kind, api, names, permissions, onPost }: ColumnDeps): MemoColumn[] {
  const sortable = new Set<string>(sortableFields(kind, api));
  // A data column: its value (what a sort would compare; TanStack sorts only columns with one) and its cell.
  const column = (
    id: string,
    header: string,
    meta: MemoColumnMeta,
    value: (r: MemoRow) => unknown,
    cell?: (r: MemoRow) => React.ReactNode,
  ): MemoColumn => ({
    id,
    header,
    meta,
    accessorFn: value,
    enableSorting: sortable.has(id),
    cell: ({ row }) => (cell ? cell(row.original) : ((value(row.original) as React.ReactNode) ?? '')),
  });
  const money = (id: string, header: string, get: (r: MemoRow) => number | null | undefined) =>
    column(id, header, { width: header.length > 12 ? 140 : 115, numeric: true }, get, (r) => (
      <Money value={get(r)} currency={r.currency} />
    ));
  const cm = (r: MemoRow) => r as CreditMemo;
  const dm = (r: MemoRow) => r as DebitMemo;

  const columns: (MemoColumn | false)[] = [
    selectColumn,
    column(
      'number',
      'Number',
      { width: 120, stickyLeft: CHECKBOX_WIDTH },
      (r) => r.number,
      (r) => (
        <Link component={RouterLink} to={memoDetailPath(kind, r.id)}>
          {r.number}
        </Link>
      ),
    ),
    column(
      'account',
      'Account',
      {},
      (r) => `${names.accountName(r.accountId) ?? ''} ${r.accountNumber ?? ''}`.trim(),
      (r) => (
        <Box sx={{ lineHeight: 1.25, minWidth: 170, maxWidth: 320 }}>
          <Typography variant="body2" noWrap>
            {names.accountName(r.accountId) ?? '…'}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {r.accountNumber ?? r.accountId}
          </Typography>
        </Box>
      ),
    ),
    column(
      'status',
      'Status',
      { width: 110 },
      (r) => r.status,
      (r) => <StatusChip status={r.status} />,
    ),
    column('memoDate', 'Memo Date', { width: 115 }, memoDateOf, (r) => <LocalDate value={memoDateOf(r)} />),
    kind === 'DebitMemo' &&
      column(
        'dueDate',
        'Due Date',
        { width: 115 },
        (r) => dm(r).dueDate,
        (r) => <LocalDate value={dm(r).dueDate} />,
      ),
    money('amount', 'Amount', (r) => r.amount),
    money('taxAmount', 'Tax', (r) => r.taxAmount),
    kind === 'DebitMemo'
      ? money('balance', 'Balance', (r) => dm(r).balance)
      : money('unappliedAmount', 'Unapplied Amount', (r) => cm(r).unappliedAmount),
    kind === 'CreditMemo' && money('refundAmount', 'Refund Amount', (r) => cm(r).refundAmount),
    column('currency', 'Currency', { width: 85 }, (r) => r.currency),
    column('reasonCode', 'Reason Code', { width: 150 }, (r) => r.reasonCode),
    column('sourceType', 'Source Type', { width: 120 }, (r) => (r.sourceType ? sourceTypeLabel(r.sourceType) : '')),
    column(
      'referredInvoiceId',
      'Referred Invoice',
      { width: 140 },
      (r) => names.invoiceNumber(r.referredInvoiceId ?? null) ?? r.referredInvoiceId ?? '',
    ),
    column(
      'postedOn',
      'Posted On',
      { width: 170 },
      (r) => r.postedOn,
      (r) => (r.postedOn ? <LocalDate value={r.postedOn} withTime /> : ''),
    ),
    {
      id: 'actions',
      header: 'Actions',
      enableSorting: false,
      enableHiding: false,
      meta: { width: 90 },
      cell: ({ row: { original: row } }) => {
        if (row.status === 'Draft' && permissions.has('memo.post')) {
          return (
            <Button size="small" variant="outlined" aria-label={`Post ${row.number}`} onClick={() => onPost(row)}>
              Post
            </Button>
          );
        }
        if (kind === 'CreditMemo' && canApply(row) && permissions.has('creditmemo.apply')) {
          return (
            <Button
              size="small"
              variant="outlined"
              component={RouterLink}
              to={`${memoDetailPath(kind, row.id)}?action=apply`}
              aria-label={`Apply ${row.number}`}
            >
              Apply
            </Button>
          );
        }
        return null;
      },
    },
  ];
  return columns.filter((c): c is MemoColumn => Boolean(c));
}
