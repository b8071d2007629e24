import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { regenerateMemoPdf } from '../../api/memos/lifecycle-mutations.ts';
import { invalidateMemoEffects } from '../../api/memos/invalidate.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoName } from './memo-labels.ts';

/** Regenerate PDF (docs/zuora/api-digest.md §4.20): a new version from the memo's current data (BILLDOC advice). */
export default function RegeneratePdfDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const qc = useQueryClient();
  async function confirm() {
    await regenerateMemoPdf(memo.kind, memo.memo.id);
    await invalidateMemoEffects(qc, { operation: 'regeneratePdf', kind: memo.kind, id: memo.memo.id });
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
