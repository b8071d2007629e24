import { useRef } from 'react';
import { newIdempotencyKey } from '../../api/client.ts';

/**
 * One Idempotency-Key per dialog opening, reused when the same request is sent again (a retry after a
 * lost response replays the first result instead of settling twice). When the user changes the input
 * after a refusal, the request is a new one and gets a new key, so the server does not replay the refusal.
 */
export function useIdempotencyKey(): (body: unknown) => string {
  const last = useRef<{ body: string; key: string } | null>(null);
  return (body) => {
    const json = JSON.stringify(body);
    if (!last.current || last.current.body !== json) last.current = { body: json, key: newIdempotencyKey() };
    return last.current.key;
  };
}
