import type { MemoKind } from '../../../lib/memo-kind.ts';

// Re-running a file must not create its memos twice, also after one bad row was fixed, from another
// browser, or on another day. Each memo's key is derived from its own cells in the file (not the whole
// file, not the defaulted date) and is the Idempotency-Key of that memo's own request: the same memo sends
// the same key, and Zuora replays its stored result (24 h). Memos this browser saw created are also
// remembered longer (created-ledger.ts).

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function memoKey(kind: MemoKind, memoRef: string, source: string): Promise<string> {
  return sha256Hex(`${kind}\u0000${memoRef}\u0000${source}`);
}

/** ≤ 255 characters as Zuora requires; the prefix tells a support engineer where the key came from. */
export function requestKey(memoKey: string): string {
  return `csv-memo-${memoKey}`;
}
