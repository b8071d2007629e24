import type { ActionNotice } from '../../components/action-snackbar.tsx';
import type { MemoOfKind } from '../../api/memos/detail.ts';

// The props every action dialog receives from the detail page (see dialog-registry.ts).

export type { ActionNotice };

export interface MemoDialogProps {
  /** The memo as the detail query currently holds it. */
  memo: MemoOfKind;
  /** Closes the dialog (drops `?action` from the URL) without doing anything. */
  onClose: () => void;
  /** Closes the dialog and shows the confirmation snackbar. Call once the mutation resolved (its hook has invalidated by then). */
  onSuccess: (notice: ActionNotice) => void;
  /** Extra URL state of the dialog, e.g. `itemId` for editItem. */
  searchParams: URLSearchParams;
}
