import Typography from '@mui/material/Typography';
import { useRegenerateMemoPdf } from '../../api/memos/lifecycle-mutations.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoName } from './memo-labels.ts';

/** Regenerate PDF (docs/zuora/api-digest.md §4.20): a new version from the memo's current data (BILLDOC advice). */
export default function RegeneratePdfDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const regenerate = useRegenerateMemoPdf(memo.kind, memo.memo.id);
  async function confirm() {
    await regenerate.mutateAsync();
    onSuccess({ message: `A new PDF of ${memoName(memo)} is being generated` });
  }
  return (
    <ConfirmDialog open title="Regenerate PDF" confirmLabel="Regenerate" onConfirm={confirm} onClose={onClose}>
      <Typography>
        Generate a new PDF version of {memoName(memo)} from its current data? Earlier versions stay in Files.
      </Typography>
    </ConfirmDialog>
  );
}
