import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import {
  creditMemoItemListSchema,
  debitMemoItemListSchema,
  type CreditMemoItem,
  type DebitMemoItem,
} from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from '../paging.ts';

// A memo's items with their taxation items (`taxationItems.data`, docs/zuora/api-digest.md §4.15, §6.16).

export type MemoItemsOfKind =
  { kind: 'CreditMemo'; items: CreditMemoItem[] } | { kind: 'DebitMemo'; items: DebitMemoItem[] };

export async function fetchMemoItems(kind: MemoKind, id: string, signal?: AbortSignal): Promise<MemoItemsOfKind> {
  const path = `${memoApiBase(kind)}/${encodeURIComponent(id)}/items`;
  const query = (page: number) => ({ page, pageSize: MAX_PAGE_SIZE });
  if (kind === 'CreditMemo') {
    const items = await fetchAllPages((page) =>
      zuoraRequest(path, { schema: creditMemoItemListSchema, query: query(page), signal }).then((r) => ({
        rows: r.items,
        nextPage: r.nextPage,
      })),
    );
    return { kind, items };
  }
  const items = await fetchAllPages((page) =>
    zuoraRequest(path, { schema: debitMemoItemListSchema, query: query(page), signal }).then((r) => ({
      rows: r.items,
      nextPage: r.nextPage,
    })),
  );
  return { kind, items };
}

export const memoItemsQuery = (kind: MemoKind, id: string) =>
  queryOptions({ queryKey: memoKeys.items(kind, id), queryFn: ({ signal }) => fetchMemoItems(kind, id, signal) });

export const useMemoItems = (kind: MemoKind, id: string) => useQuery(memoItemsQuery(kind, id));
