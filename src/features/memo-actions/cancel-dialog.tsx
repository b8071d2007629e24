import Typography from '@mui/material/Typography';
import { useCancelMemo } from '../../api/memos/lifecycle-mutations.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoAmountText, memoName } from './memo-labels.ts';

/** Cancel: Draft → Canceled (docs/zuora/api-digest.md §4.10, §6.8). A canceled memo can only be deleted. */
export default function CancelDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const cancel = useCancelMemo(memo.kind, memo.memo.id);
  async function confirm() {
    await cancel.mutateAsync();
    onSuccess({ message: `Canceled ${memoName(memo)}` });
  }
  return (
    <ConfirmDialog
      open
      destructive
      title={`Cancel ${memoKindLabel(memo.kind)}`}
      confirmLabel="Cancel memo"
      cancelLabel="Keep as Draft"
      onConfirm={confirm}
      onClose={onClose}
    >
      <Typography>
        Cancel {memoName(memo)} for {memoAmountText(memo)}? A canceled memo cannot be posted or edited again; it can
        only be deleted.
      </Typography>
    </ConfirmDialog>
  );
}
