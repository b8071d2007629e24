import { Link as RouterLink } from 'react-router';
import type { GridColDef } from '@mui/x-data-grid';
import Box from '@mui/material/Box';
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
import { sortableFields, type ListApi, type SortField } from './list-state.ts';
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

export function memoColumns({ kind, api, names, permissions, onPost }: ColumnDeps): GridColDef<MemoRow>[] {
  const sortable = new Set<string>(sortableFields(kind, api));
  const money = (
    field: string,
    headerName: string,
    get: (r: MemoRow) => number | null | undefined,
  ): GridColDef<MemoRow> => ({
    field,
    headerName,
    type: 'number',
    width: headerName.length > 12 ? 140 : 120,
    sortable: sortable.has(field),
    valueGetter: (_v, row) => get(row),
    renderCell: ({ row }) => <Money value={get(row)} currency={row.currency} />,
  });
  const cm = (r: MemoRow) => r as CreditMemo;
  const dm = (r: MemoRow) => r as DebitMemo;

  const columns: (GridColDef<MemoRow> | false)[] = [
    {
      field: 'number',
      headerName: 'Number',
      width: 120,
      renderCell: ({ row }) => (
        <Link component={RouterLink} to={memoDetailPath(kind, row.id)}>
          {row.number}
        </Link>
      ),
    },
    {
      field: 'account',
      headerName: 'Account',
      flex: 1,
      minWidth: 170,
      sortable: false,
      valueGetter: (_v, row) => `${names.accountName(row.accountId) ?? ''} ${row.accountNumber ?? ''}`.trim(),
      renderCell: ({ row }) => (
        <Box sx={{ lineHeight: 1.25, py: 0.5, overflow: 'hidden' }}>
          <Typography variant="body2" noWrap>
            {names.accountName(row.accountId) ?? '…'}
          </Typography>
          <Typography variant="caption" color="text.secondary" noWrap component="div">
            {row.accountNumber ?? row.accountId}
          </Typography>
        </Box>
      ),
    },
    { field: 'status', headerName: 'Status', width: 110, renderCell: ({ row }) => <StatusChip status={row.status} /> },
    {
      field: 'memoDate',
      headerName: 'Memo Date',
      width: 115,
      valueGetter: (_v, row) => memoDateOf(row),
      renderCell: ({ row }) => <LocalDate value={memoDateOf(row)} />,
    },
    kind === 'DebitMemo' && {
      field: 'dueDate',
      headerName: 'Due Date',
      width: 115,
      renderCell: ({ row }) => <LocalDate value={dm(row).dueDate} />,
    },
    money('amount', 'Amount', (r) => r.amount),
    money('taxAmount', 'Tax', (r) => r.taxAmount),
    kind === 'DebitMemo'
      ? money('balance', 'Balance', (r) => dm(r).balance)
      : money('unappliedAmount', 'Unapplied Amount', (r) => cm(r).unappliedAmount),
    kind === 'CreditMemo' && money('refundAmount', 'Refund Amount', (r) => cm(r).refundAmount),
    { field: 'currency', headerName: 'Currency', width: 85 },
    { field: 'reasonCode', headerName: 'Reason Code', width: 150 },
    {
      field: 'sourceType',
      headerName: 'Source Type',
      width: 120,
      valueFormatter: (v: string | null) => (v ? sourceTypeLabel(v) : ''),
    },
    {
      field: 'referredInvoiceId',
      headerName: 'Referred Invoice',
      width: 140,
      valueGetter: (_v, row) => names.invoiceNumber(row.referredInvoiceId ?? null) ?? row.referredInvoiceId ?? '',
    },
    {
      field: 'postedOn',
      headerName: 'Posted On',
      width: 170,
      renderCell: ({ row }) => (row.postedOn ? <LocalDate value={row.postedOn} withTime /> : ''),
    },
    {
      field: 'actions',
      headerName: 'Actions',
      width: 90,
      sortable: false,
      hideable: false,
      filterable: false,
      disableColumnMenu: true,
      renderCell: ({ row }) => {
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
  return columns
    .filter((c): c is GridColDef<MemoRow> => Boolean(c))
    .map((c) => ({ ...c, sortable: c.sortable ?? sortable.has(c.field as SortField) }));
}
