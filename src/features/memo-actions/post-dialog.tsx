import { useQueryClient } from '@tanstack/react-query';
import { postMemo } from '../../api/memos/lifecycle-mutations.ts';
import { invalidateMemoEffects } from '../../api/memos/invalidate.ts';
import { PostConfirmDialog } from '../../components/post-confirm-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoAmountText, memoName, memoNoun } from './memo-labels.ts';

/** Post: Draft → Posted (docs/zuora/api-digest.md §4.11, §6.9). Posting may replace a TMP- number with the formal one. */
export default function PostDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const qc = useQueryClient();
  async function confirm() {
    const posted = await postMemo(memo.kind, memo.memo.id);
    await invalidateMemoEffects(qc, { operation: 'post', kind: memo.kind, id: memo.memo.id });
    onSuccess({ message: `Posted ${memoNoun(memo.kind)} ${posted.number}` });
  }
  return (
    <PostConfirmDialog
      title={`Post ${memoKindLabel(memo.kind)}`}
      kind={memo.kind}
      what={`${memoName(memo)} for ${memoAmountText(memo)}`}
      onConfirm={confirm}
      onClose={onClose}
    />
  );
}
