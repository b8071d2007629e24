import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import {
  creditMemoPartListSchema,
  debitMemoApplicationPartListSchema,
  type CreditMemoPart,
  type DebitMemoApplicationPart,
} from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from '../paging.ts';

// What a memo settles: a credit memo's parts (docs/zuora/api-digest.md §6.19: invoices and debit memos it is applied
// to, plus the unapplied part), or what is applied to a debit memo (§4.18: payments and credit memos).

export type MemoApplications =
  { kind: 'CreditMemo'; parts: CreditMemoPart[] } | { kind: 'DebitMemo'; parts: DebitMemoApplicationPart[] };

export async function fetchMemoApplications(
  kind: MemoKind,
  id: string,
  signal?: AbortSignal,
): Promise<MemoApplications> {
  const base = `${memoApiBase(kind)}/${encodeURIComponent(id)}`;
  const query = (page: number) => ({ page, pageSize: MAX_PAGE_SIZE });
  if (kind === 'CreditMemo') {
    const parts = await fetchAllPages((page) =>
      zuoraRequest(`${base}/parts`, { schema: creditMemoPartListSchema, query: query(page), signal }).then((r) => ({
        rows: r.parts,
        nextPage: r.nextPage,
      })),
    );
    return { kind, parts };
  }
  const parts = await fetchAllPages((page) =>
    zuoraRequest(`${base}/application-parts`, {
      schema: debitMemoApplicationPartListSchema,
      query: query(page),
      signal,
    }).then((r) => ({
      rows: r.applicationParts,
      nextPage: r.nextPage,
    })),
  );
  return { kind, parts };
}

export const memoApplicationsQuery = (kind: MemoKind, id: string) =>
  queryOptions({
    queryKey: memoKeys.applications(kind, id),
    queryFn: ({ signal }) => fetchMemoApplications(kind, id, signal),
  });

export const useMemoApplications = (kind: MemoKind, id: string, enabled = true) =>
  useQuery({ ...memoApplicationsQuery(kind, id), enabled });
