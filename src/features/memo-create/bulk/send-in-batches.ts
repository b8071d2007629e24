import type { CreatedLedger } from './created-ledger.ts';
import { batchKey } from './idempotency-keys.ts';

// Sends valid memos through the bulk endpoint, at most 50 per request (Zuora's limit). Each memo
// gets its own outcome: Zuora answers per entry, and a whole batch that fails (network, 5xx) marks
// only that batch's memos failed; the next batch is still sent.

export const BATCH_SIZE = 50;

export interface BulkEntry {
  memoRef: string;
  body: Record<string, unknown>;
  /** memoKey() of the memo */ key: string;
}

export interface Reason {
  code: number | string;
  message: string;
}

export type BulkResultEntry =
  | { success: true; id: string; number: string; status: string }
  | { success: false; reasons: Reason[]; objectIndex?: number };

export type SendBatch = (memos: Record<string, unknown>[], idempotencyKey: string) => Promise<BulkResultEntry[]>;

export type Outcome =
  | {
      memoRef: string;
      state: 'created';
      id: string;
      number: string;
      status: string;
      /** by an earlier upload */ earlier?: true;
    }
  | { memoRef: string; state: 'failed'; reasons: Reason[] };

export async function sendInBatches(
  entries: BulkEntry[],
  ledger: CreatedLedger,
  send: SendBatch,
  onOutcomes: (outcomes: Outcome[]) => void = () => {},
): Promise<Outcome[]> {
  const all: Outcome[] = [];
  const toSend: BulkEntry[] = [];
  for (const e of entries) {
    const known = ledger.get(e.key);
    if (known) all.push({ memoRef: e.memoRef, state: 'created', ...known, earlier: true });
    else toSend.push(e);
  }
  if (all.length) onOutcomes([...all]);
  for (let start = 0; start < toSend.length; start += BATCH_SIZE) {
    const batch = toSend.slice(start, start + BATCH_SIZE);
    let outcomes: Outcome[];
    try {
      const results = await send(
        batch.map((e) => e.body),
        await batchKey(batch.map((e) => e.key)),
      );
      outcomes = batch.map((e, i) => toOutcome(e.memoRef, findResult(results, i)));
    } catch (err) {
      const reasons = reasonsOf(err);
      outcomes = batch.map((e) => ({ memoRef: e.memoRef, state: 'failed', reasons }));
    }
    for (const [i, o] of outcomes.entries())
      if (o.state === 'created') ledger.add(batch[i].key, { id: o.id, number: o.number, status: o.status });
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
  if (!r)
    return { memoRef, state: 'failed', reasons: [{ code: 0, message: 'Zuora returned no result for this memo.' }] };
  if (r.success) return { memoRef, state: 'created', id: r.id, number: r.number, status: r.status };
  return { memoRef, state: 'failed', reasons: r.reasons };
}

function reasonsOf(err: unknown): Reason[] {
  if (err && typeof err === 'object' && 'reasons' in err && Array.isArray(err.reasons) && err.reasons.length)
    return err.reasons as Reason[];
  return [{ code: 0, message: err instanceof Error ? err.message : String(err) }];
}
