import type { ReactNode } from 'react';
import Typography from '@mui/material/Typography';
import { ConfirmDialog } from './confirm-dialog.tsx';

export interface PostConfirmDialogProps {
  /** Names what is posted where it is asked: the action on a memo's page, the memo or the count in the list. */
  title: string;
  kind: 'CreditMemo' | 'DebitMemo';
  /** What is posted, in words: "debit memo DM00000001 for $1,200.00", or the numbers of the selected memos. */
  what: ReactNode;
  onConfirm: () => unknown;
  onClose: () => void;
  cancelLabel?: string;
  /** Shown under the question while it runs (a bulk post's progress). */
  children?: ReactNode;
}

/**
 * The one question asked before Post (Draft → Posted, docs/zuora/api-digest.md §4.11, §6.9), wherever a memo
 * is posted: its page, its row in the list, or the selected rows. Posting is final, so it says what changes.
 */
export function PostConfirmDialog({
  title,
  kind,
  what,
  onConfirm,
  onClose,
  cancelLabel,
  children,
}: PostConfirmDialogProps) {
  return (
    <ConfirmDialog
      open
      title={title}
      confirmLabel="Post"
      cancelLabel={cancelLabel}
      onConfirm={onConfirm}
      onClose={onClose}
    >
      <Typography variant="body2">
        Post {what}? A posted memo can be {kind === 'CreditMemo' ? 'applied and refunded' : 'collected and emailed'},
        and can no longer be edited or cancelled.
      </Typography>
      {children}
    </ConfirmDialog>
  );
}
