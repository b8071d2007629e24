import Backdrop from '@mui/material/Backdrop';
import CircularProgress from '@mui/material/CircularProgress';
import { Suspense, useState } from 'react';
import { type MemoActionId, type AvailableAction, MEMO_DIALOGS } from '../memo-actions/index.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import type { ActionNotice } from '../../components/action-snackbar.tsx';

/**
 * Renders the dialog named by `?action=`, lazily. A link to an action the memo does not allow (stale
 * link, wrong role) opens nothing: the menu already says why. A dialog that opened stays open until it
 * is closed, even when its own success or a refusal's refresh disallows the action (a Collect that
 * clears the balance still shows its result; a refused Apply keeps its message and the typed amounts).
 */
export function ActionDialogHost({
  memo,
  action,
  actions,
  params,
  onClose,
  onSuccess,
}: {
  memo: MemoOfKind;
  action: MemoActionId | null;
  actions: readonly AvailableAction[];
  params: URLSearchParams;
  onClose: () => void;
  onSuccess: (notice: ActionNotice) => void;
}) {
  const allowedNow = action !== null && (actions.find((a) => a.id === action)?.enabled ?? false);
  const [opened, setOpened] = useState<MemoActionId | null>(null);
  if (opened !== action && (action === null || allowedNow)) setOpened(action);
  const Dialog = action !== null && (opened === action || allowedNow) ? MEMO_DIALOGS[action] : undefined;
  if (!Dialog) return null;
  return (
    <Suspense
      fallback={
        <Backdrop open sx={{ zIndex: (t) => t.zIndex.modal }}>
          <CircularProgress aria-label="Opening dialog" />
        </Backdrop>
      }
    >
      <Dialog
        key={`${action}-${params.get('itemId') ?? ''}`}
        memo={memo}
        onClose={onClose}
        onSuccess={onSuccess}
        searchParams={params}
      />
    </Suspense>
  );
}
