import type { CreatedLedger } from './created-ledger.ts';
import { requestKey } from './idempotency-keys.ts';

// Sends the file's valid memos one per request, each with its own Idempotency-Key derived from its own
// cells (idempotency-keys.ts): the server recognises every memo of a re-sent file on its own, also a file
// with a bad row fixed, sent from another browser, where a key over a whole batch would differ and create
// the good rows again. A few requests are in flight at once; a memo that fails does not stop the others.

export const IN_FLIGHT = 4;

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

/** One memo's request; `replayed` when the server answered from a key it had seen (an earlier upload). */
export type SendMemo = (
  body: Record<string, unknown>,
  idempotencyKey: string,
) => Promise<{ result: BulkResultEntry | undefined; replayed: boolean }>;

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

/** The memos this browser saw created by an earlier upload, as outcomes (the preview shows them). */
export function knownOutcomes(entries: readonly BulkEntry[], ledger: CreatedLedger): Outcome[] {
  return entries.flatMap((e) => {
    const known = ledger.get(e.key);
    return known ? [{ memoRef: e.memoRef, state: 'created' as const, ...known, earlier: true as const }] : [];
  });
}

export async function sendMemos(
  entries: BulkEntry[],
  ledger: CreatedLedger,
  send: SendMemo,
  onOutcomes: (outcomes: Outcome[]) => void = () => {},
): Promise<Outcome[]> {
  const all = knownOutcomes(entries, ledger);
  const done = new Set(all.map((o) => o.memoRef));
  const toSend = entries.filter((e) => !done.has(e.memoRef));
  if (all.length) onOutcomes([...all]);
  let next = 0;
  const worker = async () => {
    while (next < toSend.length) {
      const e = toSend[next++];
      let outcome: Outcome;
      try {
        const { result, replayed } = await send(e.body, requestKey(e.key));
        outcome = toOutcome(e.memoRef, result, replayed);
      } catch (err) {
        outcome = { memoRef: e.memoRef, state: 'failed', reasons: reasonsOf(err) };
      }
      if (outcome.state === 'created')
        ledger.add(e.key, { id: outcome.id, number: outcome.number, status: outcome.status });
      all.push(outcome);
      onOutcomes([...all]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(IN_FLIGHT, toSend.length) }, worker));
  // In the file's order, whatever order the answers came in.
  const order = new Map(entries.map((e, i) => [e.memoRef, i]));
  return all.sort((a, b) => order.get(a.memoRef)! - order.get(b.memoRef)!);
}

function toOutcome(memoRef: string, r: BulkResultEntry | undefined, replayed: boolean): Outcome {
  if (!r)
    return { memoRef, state: 'failed', reasons: [{ code: 0, message: 'Zuora returned no result for this memo.' }] };
  if (r.success)
    return {
      memoRef,
      state: 'created',
      id: r.id,
      number: r.number,
      status: r.status,
      ...(replayed && { earlier: true }),
    };
  return { memoRef, state: 'failed', reasons: r.reasons };
}

function reasonsOf(err: unknown): Reason[] {
  if (err && typeof err === 'object' && 'reasons' in err && Array.isArray(err.reasons) && err.reasons.length)
    return err.reasons as Reason[];
  return [{ code: 0, message: err instanceof Error ? err.message : String(err) }];
}
