import { useCallback, useRef } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';
import { UnreadableSuccessError, ZuoraApiError } from '../../lib/zuora-error.ts';

/**
 * One Idempotency-Key per save attempt: a retry after a lost response reuses it (Zuora replays the
 * memo it already created), while a new attempt after Zuora refused the body gets a fresh key,
 * because a reused key with a different body is refused (422). A create Zuora did but whose answer could not be
 * read keeps its key: sending it again can only replay that memo, never make a second one.
 */
export function useAttemptKey() {
  const key = useRef(newIdempotencyKey());
  const current = useCallback(() => key.current, []);
  const afterFailure = useCallback((err: unknown) => {
    if (err instanceof UnreadableSuccessError) return;
    if (err instanceof ZuoraApiError && err.status !== 0) key.current = newIdempotencyKey();
  }, []);
  return { current, afterFailure };
}
