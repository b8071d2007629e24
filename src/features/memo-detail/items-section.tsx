import Alert from '@mui/material/Alert';
import LinearProgress from '@mui/material/LinearProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MemoItemsOfKind } from '../../api/memos/items.ts';
import type { CreditMemoItem, DebitMemoItem } from '../../contract/memos.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import type { AvailableAction } from '../memo-actions/index.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { ItemRows } from './item-rows.tsx';
import { EmptyNote, SectionCard } from './section-card.tsx';

/** Items with their taxation items nested under each, service period, accounting codes, Edit while Draft. */
export function ItemsSection({
  memo,
  items,
  editItem,
  onEditItem,
}: {
  memo: MemoOfKind;
  items: UseQueryResult<MemoItemsOfKind>;
  editItem: AvailableAction | undefined;
  onEditItem: (itemId: string) => void;
}) {
  const list = (items.data?.items ?? []) as (CreditMemoItem | DebitMemoItem)[];
  // The Action column exists while items can be edited (Draft); a permission refusal is said once.
  const showEdit = Boolean(editItem?.relevant);
  const openLabel = memo.kind === 'CreditMemo' ? 'Unapplied' : 'Balance';
  return (
    <SectionCard title="Items">
      {items.isPending && <LinearProgress aria-label="Loading items" />}
      {items.isError && <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />}
      {showEdit && editItem && !editItem.enabled && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {editItem.reason}
        </Alert>
      )}
      {items.isSuccess && list.length === 0 && <EmptyNote>This memo has no items.</EmptyNote>}
      {list.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={`Items of ${memo.memo.number}`}>
            <TableHead>
              <TableRow sx={{ '& th': { whiteSpace: 'nowrap' } }}>
                <TableCell>Charge Name</TableCell>
                <TableCell>Service Period</TableCell>
                <TableCell align="right">Amount</TableCell>
                <TableCell align="right">Tax Amount</TableCell>
                <TableCell align="right">Total</TableCell>
                <TableCell align="right">{openLabel}</TableCell>
                <TableCell>Accounting Codes</TableCell>
                {showEdit && (
                  <TableCell align="right">
                    <Typography component="span" variant="inherit">
                      Action
                    </Typography>
                  </TableCell>
                )}
              </TableRow>
            </TableHead>
            <TableBody>
              {list.map((item) => (
                <ItemRows
                  key={item.id}
                  memo={memo}
                  item={item}
                  showEdit={showEdit}
                  canEdit={Boolean(editItem?.enabled)}
                  onEdit={() => onEditItem(item.id)}
                />
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </SectionCard>
  );
}
