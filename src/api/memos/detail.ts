import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import {
  creditMemoResponseSchema,
  debitMemoResponseSchema,
  type CreditMemo,
  type DebitMemo,
} from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// One memo (docs/zuora/api-digest.md §4.2, §6.2), tagged with its kind so callers narrow on `kind`.

export type MemoOfKind = { kind: 'CreditMemo'; memo: CreditMemo } | { kind: 'DebitMemo'; memo: DebitMemo };

export async function fetchMemo(kind: MemoKind, id: string, signal?: AbortSignal): Promise<MemoOfKind> {
  const path = `${memoApiBase(kind)}/${encodeURIComponent(id)}`;
  if (kind === 'CreditMemo')
    return { kind, memo: await zuoraRequest(path, { schema: creditMemoResponseSchema, signal }) };
  return { kind, memo: await zuoraRequest(path, { schema: debitMemoResponseSchema, signal }) };
}

export const memoDetailQuery = (kind: MemoKind, id: string) =>
  queryOptions({ queryKey: memoKeys.detail(kind, id), queryFn: ({ signal }) => fetchMemo(kind, id, signal) });

export const useMemoDetail = (kind: MemoKind, id: string) => useQuery(memoDetailQuery(kind, id));
