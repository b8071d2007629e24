import { useSyncExternalStore } from 'react';

// A tenant over its rate limit answers 429 with `Retry-After` (docs/zuora/tenant-read-contract.md A7); the
// client waits and retries (client.ts). While it waits, the UI says so: a list never spins silently.

export interface RateLimitWait {
  /** When the retry goes out (epoch ms). */
  until: number;
  path: string;
}

let current: RateLimitWait | null = null;
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

/** The client reports a wait; it is cleared when its time has passed (or when the retry is answered). */
export function reportRateLimitWait(wait: RateLimitWait | null): void {
  current = wait;
  emit();
}

export function currentRateLimitWait(): RateLimitWait | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The wait in progress, if any (re-renders when one starts or ends). */
export function useRateLimitWait(): RateLimitWait | null {
  return useSyncExternalStore(subscribe, currentRateLimitWait, currentRateLimitWait);
}

/** `Retry-After` in seconds or as an HTTP date (RFC 9110 §10.2.3); absent or unreadable: one second. */
export function retryAfterMs(header: string | null, now = Date.now()): number {
  if (header && /^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = header ? Date.parse(header) : NaN;
  return Number.isNaN(at) ? 1000 : Math.max(0, at - now);
}
