import Typography from '@mui/material/Typography';
import { useNavigate } from 'react-router';
import { useDeleteMemo } from '../../api/memos/lifecycle-mutations.ts';
import { memoRouteBase } from '../../lib/memo-routes.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { ActionNotice, MemoDialogProps } from './dialog-types.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoAmountText, memoName } from './memo-labels.ts';

/**
 * Delete a Canceled memo for good (docs/zuora/api-digest.md §4.9, §6.7), then go back to the list, which shows the
 * confirmation (handed over in the navigation state: this page and its snackbar are gone).
 */
export default function DeleteDialog({ memo, onClose }: MemoDialogProps) {
  const navigate = useNavigate();
  // Leave the page before its queries are dropped, or the page would refetch a memo that is gone.
  const remove = useDeleteMemo(memo.kind, memo.memo.id, () => {
    const notice: ActionNotice = { message: `Deleted ${memoName(memo)}` };
    void navigate(memoRouteBase(memo.kind), { replace: true, state: { notice } });
  });
  async function confirm() {
    await remove.mutateAsync();
  }
  return (
    <ConfirmDialog
      open
      destructive
      title={`Delete ${memoKindLabel(memo.kind)}`}
      confirmLabel="Delete"
      cancelLabel="Keep"
      onConfirm={confirm}
      onClose={onClose}
    >
      <Typography>
        Delete {memoName(memo)} for {memoAmountText(memo)}? <strong>This cannot be undone.</strong>
      </Typography>
    </ConfirmDialog>
  );
}
