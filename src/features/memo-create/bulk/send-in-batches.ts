import { batchKey, memoKey } from './idempotency-keys.ts';

// Sends valid memos through the bulk endpoint, at most 50 per request (Zuora's limit). Each memo
// gets its own outcome: Zuora answers per entry, and a whole batch that fails (network, 5xx) marks
// only that batch's memos failed; the next batch is still sent.

export const BATCH_SIZE = 50;

export interface BulkEntry { memoRef: string; body: Record<string, unknown> }

export interface Reason { code: number | string; message: string }

export type BulkResultEntry =
  | { success: true; id: string; number: string; status: string }
  | { success: false; reasons: Reason[]; objectIndex?: number };

export type SendBatch = (memos: Record<string, unknown>[], idempotencyKey: string) => Promise<BulkResultEntry[]>;

export type Outcome =
  | { memoRef: string; state: 'created'; id: string; number: string; status: string }
  | { memoRef: string; state: 'failed'; reasons: Reason[] };

export async function sendInBatches(
  entries: BulkEntry[],
  hashOfFile: string,
  send: SendBatch,
  onOutcomes: (outcomes: Outcome[]) => void = () => {},
): Promise<Outcome[]> {
  const all: Outcome[] = [];
  for (let start = 0; start < entries.length; start += BATCH_SIZE) {
    const batch = entries.slice(start, start + BATCH_SIZE);
    const keys = await Promise.all(batch.map((e) => memoKey(hashOfFile, e.memoRef)));
    let outcomes: Outcome[];
    try {
      const results = await send(batch.map((e) => e.body), await batchKey(keys));
      outcomes = batch.map((e, i) => toOutcome(e.memoRef, findResult(results, i)));
    } catch (err) {
      const reasons = reasonsOf(err);
      outcomes = batch.map((e) => ({ memoRef: e.memoRef, state: 'failed', reasons }));
    }
    all.push(...outcomes);
    onOutcomes([...all]);
  }
  return all;
}

/** Entries come back in request order; a failed one also names its index (objectIndex). */
function findResult(results: BulkResultEntry[], index: number): BulkResultEntry | undefined {
  return results.find((r) => !r.success && r.objectIndex === index) ?? results[index];
}

function toOutcome(memoRef: string, r: BulkResultEntry | undefined): Outcome {
  if (!r) return { memoRef, state: 'failed', reasons: [{ code: 0, message: 'Zuora returned no result for this memo.' }] };
  if (r.success) return { memoRef, state: 'created', id: r.id, number: r.number, status: r.status };
  return { memoRef, state: 'failed', reasons: r.reasons };
}

function reasonsOf(err: unknown): Reason[] {
  if (err && typeof err === 'object' && 'reasons' in err && Array.isArray(err.reasons) && err.reasons.length) return err.reasons as Reason[];
  return [{ code: 0, message: err instanceof Error ? err.message : String(err) }];
}
