import type { MemoKind } from '../../../lib/memo-kind.ts';

// Re-running a file must not create its memos twice, also after one bad row was fixed or on another
// day. Each memo's key is derived from its own cells in the file (not the whole file, not the
// defaulted date), and a batch's Idempotency-Key from the keys of the memos it carries: the same file
// sends the same keys, and Zuora replays the stored results (24 h). Memos this browser saw created are
// also remembered (created-ledger.ts), so a fixed file, whose batches differ, skips them.

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export async function memoKey(kind: MemoKind, memoRef: string, source: string): Promise<string> {
  return sha256Hex(`${kind}\u0000${memoRef}\u0000${source}`);
}

/** ≤ 255 characters as Zuora requires; the prefix tells a support engineer where the key came from. */
export async function batchKey(memoKeys: string[]): Promise<string> {
  return `csv-bulk-${await sha256Hex(memoKeys.join(','))}`;
}
