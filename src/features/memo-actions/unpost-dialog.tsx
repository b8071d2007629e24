import Typography from '@mui/material/Typography';
import { useUnpostMemo } from '../../api/memos/lifecycle-mutations.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoAmountText, memoName } from './memo-labels.ts';

/** "Cancel Post": Posted → Draft (docs/zuora/api-digest.md §4.12, §6.10); refused once anything is applied. */
export default function UnpostDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const unpost = useUnpostMemo(memo.kind, memo.memo.id);
  async function confirm() {
    await unpost.mutateAsync();
    onSuccess({ message: `Unposted ${memoName(memo)}: it is a Draft again` });
  }
  return (
    <ConfirmDialog
      open
      title="Cancel Post"
      confirmLabel="Unpost"
      cancelLabel="Keep Posted"
      onConfirm={confirm}
      onClose={onClose}
    >
      <Typography>
        Return {memoName(memo)} for {memoAmountText(memo)} to Draft? Its number stays {memo.memo.number}.
      </Typography>
    </ConfirmDialog>
  );
}
