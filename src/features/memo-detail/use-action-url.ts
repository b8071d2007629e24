import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isMemoActionId, type MemoActionId } from '../memo-actions/action-ids.ts';

// The open dialog lives in the URL (`?action=<id>`, plus e.g. `itemId` for Edit item), so a reload or
// a shared link reopens it, and Back closes it.

const DIALOG_PARAMS = ['action', 'itemId'];

export function useActionUrl() {
  const [params, setParams] = useSearchParams();
  const raw = params.get('action');
  const action: MemoActionId | null = isMemoActionId(raw) ? raw : null;

  const open = useCallback(
    (id: MemoActionId, extra: Record<string, string> = {}) =>
      setParams((prev) => {
        const next = new URLSearchParams(prev);
        next.set('action', id);
        for (const [k, v] of Object.entries(extra)) next.set(k, v);
        return next;
      }),
    [setParams],
  );

  const close = useCallback(
    () =>
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const k of DIALOG_PARAMS) next.delete(k);
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return { action, params, open, close };
}
