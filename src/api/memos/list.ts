import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { zuoraRequest } from '../client.ts';
import {
  creditMemoListSchema,
  debitMemoListSchema,
  type CreditMemo,
  type CreditMemoRow,
  type DebitMemo,
  type DebitMemoRow,
} from '../../contract/memos.ts';
import { accountDetailSchema } from '../account-detail.ts';
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
    return { rows: await withCurrency(r.creditmemos, signal), hasNextPage: Boolean(r.nextPage) };
  }
  const r: z.infer<typeof debitMemoListSchema> = await zuoraRequest(memoApiBase(kind), {
    schema: debitMemoListSchema,
    query,
    signal,
  });
  return { rows: await withCurrency(r.debitmemos, signal), hasNextPage: Boolean(r.nextPage) };
}

/**
 * Zuora's documented debit memo list leaves `currency` out of its rows (docs/zuora/openapi/README.md); a row
 * without it takes its account's. One read per distinct account of the page, never one per row, and none when
 * every row carries its currency (the sandbox and most tenants).
 */
export async function withCurrency<R extends CreditMemoRow | DebitMemoRow>(
  rows: R[],
  signal?: AbortSignal,
): Promise<(R & { currency: string })[]> {
  const missing = [...new Set(rows.filter((r) => !r.currency).map((r) => r.accountId))];
  const found = new Map(
    await Promise.all(
      missing.map(async (id) => {
        const a = await zuoraRequest(`/v1/accounts/${encodeURIComponent(id)}`, { schema: accountDetailSchema, signal });
        return [id, a.billingAndPayment?.currency ?? ''] as const;
      }),
    ),
  );
  // '' when even the account has none: amounts then show without a currency sign rather than fail the page.
  return rows.map((r) => ({ ...r, currency: r.currency || found.get(r.accountId) || '' }));
}

export const memoListQuery = (kind: MemoKind, query: MemoListQuery) =>
  queryOptions({
    queryKey: memoKeys.list(kind, query),
    queryFn: ({ signal }) => fetchMemoPage(kind, query, signal),
    // Keep the previous page of the same kind on screen while the next one loads: no flash of an
    // empty grid (a credit memo page is never shown under debit memo columns).
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === kind ? keepPreviousData(prev) : undefined),
  });
