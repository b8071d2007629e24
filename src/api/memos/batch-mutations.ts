import { useMutation, useQueryClient } from '@tanstack/react-query';
import { invalidateMemoEffects, type MemoOperation } from './invalidate.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// Many memos written one request each (the list's bulk actions, the bulk CSV upload) as one mutation. The
// caller's runner sends the requests at its own pace and records each memo's outcome; a refusal is an outcome,
// not an error. When the batch ends the hook invalidates, once, what invalidate.ts says the operation changed
// on the memos the batch reports changed: a bulk post of 40 memos refetches the list once.

export interface MemoBatch<R> {
  operation: MemoOperation;
  /** Sends the writes; resolves with their outcomes. */
  run: () => Promise<R>;
  /** The ids of the memos the batch changed (written, or created). */
  changed: (result: R) => string[];
}

export function useMemoBatch<R>(kind: MemoKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (batch: MemoBatch<R>) => batch.run(),
    // Not awaited: the outcomes show at once, while the list refetches behind them.
    onSuccess: (result, batch) => {
      const ids = batch.changed(result);
      if (ids.length)
        void invalidateMemoEffects(
          qc,
          ids.map((id) => ({ operation: batch.operation, kind, id })),
        );
    },
  });
}
