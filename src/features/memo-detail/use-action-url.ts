import { useCallback } from 'react';
import { useLocation, useNavigate, useSearchParams } from 'react-router';
import { isMemoActionId, type MemoActionId } from '../memo-actions/index.ts';

// The open dialog lives in the URL (`?action=<id>`, plus e.g. `itemId` for Edit item), so a reload or
// a shared link reopens it, and Back closes it. Opening adds a history entry (marked in its state);
// closing goes back over it, so Back after a closed dialog leaves the page instead of staying on it.
// A dialog opened from a link (no marked entry) closes by replacing the URL.

const DIALOG_PARAMS = ['action', 'itemId'];
const OPENED_HERE = { dialogOpenedHere: true };

export function useActionUrl() {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const raw = params.get('action');
  const action: MemoActionId | null = isMemoActionId(raw) ? raw : null;
  const openedHere = (location.state as typeof OPENED_HERE | null)?.dialogOpenedHere === true;

  const open = useCallback(
    (id: MemoActionId, extra: Record<string, string> = {}) =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          next.set('action', id);
          for (const [k, v] of Object.entries(extra)) next.set(k, v);
          return next;
        },
        { state: OPENED_HERE },
      ),
    [setParams],
  );

  const close = useCallback(() => {
    if (openedHere) {
      void navigate(-1);
      return;
    }
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const k of DIALOG_PARAMS) next.delete(k);
        return next;
      },
      { replace: true },
    );
  }, [openedHere, navigate, setParams]);

  return { action, params, open, close };
}
