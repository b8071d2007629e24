import { usePostMemo } from '../../api/memos/lifecycle-mutations.ts';
import type { MemoRow } from '../../api/memos/list.ts';
import { PostConfirmDialog } from '../../components/post-confirm-dialog.tsx';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { formatMoney } from '../../lib/money.ts';

/** A list row's Post: the shared confirmation over the Post mutation, which invalidates what posting changes. */
export function PostRowDialog({
  kind,
  row,
  onPosted,
  onClose,
}: {
  kind: MemoKind;
  row: MemoRow;
  onPosted: () => void;
  onClose: () => void;
}) {
  const post = usePostMemo(kind, row.id);
  return (
    <PostConfirmDialog
      title={`Post ${row.number}?`}
      kind={kind}
      what={`${memoKindLabel(kind).toLowerCase()} ${row.number} for ${formatMoney(row.amount, row.currency)}`}
      onClose={onClose}
      onConfirm={async () => {
        await post.mutateAsync(undefined);
        onPosted();
      }}
    />
  );
}
