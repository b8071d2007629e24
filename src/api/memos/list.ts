import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { zuoraRequest } from '../client.ts';
import { creditMemoListSchema, debitMemoListSchema, type CreditMemo, type DebitMemo } from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// One page of `GET /v1/credit-memos` / `/v1/debit-memos`. Zuora answers no total count: only a
// `nextPage` link when there is more.

/** Query-string parameters of the list call (Zuora filters and the sandbox's documented extras). */
export type MemoListQuery = Record<string, string>;

export type MemoRow = CreditMemo | DebitMemo;

export interface MemoPage {
  rows: MemoRow[];
  hasNextPage: boolean;
}

export async function fetchMemoPage(kind: MemoKind, query: MemoListQuery, signal?: AbortSignal): Promise<MemoPage> {
  if (kind === 'CreditMemo') {
    const r: z.infer<typeof creditMemoListSchema> = await zuoraRequest(memoApiBase(kind), {
      schema: creditMemoListSchema,
      query,
      signal,
    });
    return { rows: r.creditmemos, hasNextPage: Boolean(r.nextPage) };
  }
  const r: z.infer<typeof debitMemoListSchema> = await zuoraRequest(memoApiBase(kind), {
    schema: debitMemoListSchema,
    query,
    signal,
  });
  return { rows: r.debitmemos, hasNextPage: Boolean(r.nextPage) };
}

export const memoListQuery = (kind: MemoKind, query: MemoListQuery) =>
  queryOptions({
    queryKey: memoKeys.list(kind, query),
    queryFn: ({ signal }) => fetchMemoPage(kind, query, signal),
    // Keep the previous page of the same kind on screen while the next one loads: no flash of an
    // empty grid (a credit memo page is never shown under debit memo columns).
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === kind ? keepPreviousData(prev) : undefined),
  });
