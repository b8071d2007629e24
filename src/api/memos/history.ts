import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import { ZuoraApiError } from '../../lib/zuora-error.ts';
import { memoHistoryResponseSchema, type MemoHistoryEvent } from '../../contract/documents.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';

// A memo's timeline. `GET …/{id}/history` is a sandbox extension (Zuora v1 has no memo history
// endpoint): against a real tenant it is absent (404/405), and the page falls back to the dates the
// memo itself carries (created, posted, cancelled).

export type { MemoHistoryEvent };

/** The events, or null when the server has no history endpoint (proxy mode). */
export async function fetchMemoHistory(
  kind: MemoKind,
  id: string,
  signal?: AbortSignal,
): Promise<MemoHistoryEvent[] | null> {
  try {
    const r = await zuoraRequest(`${memoApiBase(kind)}/${encodeURIComponent(id)}/history`, {
      schema: memoHistoryResponseSchema,
      signal,
    });
    return r.events;
  } catch (e) {
    // An unknown memo already shows as "not found" through the detail query; here 404 means "no endpoint".
    if (e instanceof ZuoraApiError && (e.status === 404 || e.status === 405)) return null;
    throw e;
  }
}

export const memoHistoryQuery = (kind: MemoKind, id: string) =>
  queryOptions({ queryKey: memoKeys.history(kind, id), queryFn: ({ signal }) => fetchMemoHistory(kind, id, signal) });

export const useMemoHistory = (kind: MemoKind, id: string) => useQuery(memoHistoryQuery(kind, id));
