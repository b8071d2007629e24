// Re-running the same file must not create the memos twice. Each memo's key is derived from the
// file's content hash and its memoRef, and a batch's Idempotency-Key from the keys of the memos it
// carries; the same file therefore sends the same keys, and Zuora replays the stored results (24 h).

async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const fileHash = (text: string) => sha256Hex(text);

export async function memoKey(hashOfFile: string, memoRef: string): Promise<string> {
  return sha256Hex(`${hashOfFile}\u0000${memoRef}`);
}

/** ≤ 255 characters as Zuora requires; the prefix tells a support engineer where the key came from. */
export async function batchKey(memoKeys: string[]): Promise<string> {
  return `csv-bulk-${await sha256Hex(memoKeys.join(','))}`;
}
