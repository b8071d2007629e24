import { ZuoraApiError } from '../../lib/zuora-error.ts';

// Runs one API call per selected memo and records each outcome: done, or refused with Zuora's own
// message. A few at a time (the sandbox and a real tenant both rate-limit), never stopping at the
// first refusal, so the user sees the whole picture at once.

export interface BulkTarget {
  id: string;
  number: string;
}

export interface BulkOutcome extends BulkTarget {
  ok: boolean;
  /** Zuora's reason when refused. */
  message?: string;
}

export async function runBulk<T extends BulkTarget>(
  targets: readonly T[],
  run: (target: T) => Promise<unknown>,
  opts: { concurrency?: number; onProgress?: (done: number) => void; signal?: AbortSignal } = {},
): Promise<BulkOutcome[]> {
  const outcomes: BulkOutcome[] = new Array(targets.length);
  let next = 0;
  let done = 0;
  async function worker() {
    while (next < targets.length) {
      const i = next++;
      const t = targets[i];
      if (opts.signal?.aborted) {
        outcomes[i] = { id: t.id, number: t.number, ok: false, message: 'Not run: stopped by the user.' };
      } else {
        try {
          await run(t);
          outcomes[i] = { id: t.id, number: t.number, ok: true };
        } catch (e) {
          outcomes[i] = { id: t.id, number: t.number, ok: false, message: reasonOf(e) };
        }
      }
      opts.onProgress?.(++done);
    }
  }
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 3, targets.length) }, worker));
  return outcomes;
}

function reasonOf(e: unknown): string {
  if (e instanceof ZuoraApiError) return e.reasons.map((r) => r.message).join(' ') || e.message;
  return e instanceof Error ? e.message : String(e);
}
