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
import { type MemoKind } from '../../lib/memo-kind.ts';
import { accountMatchesQuery, fetchOqMemoPage, type AccountMatches, type OqListRequest } from './object-query-list.ts';
import { ZuoraApiError } from '../../lib/zuora-error.ts';
import { isObjectQueryUnavailable, markObjectQueryUnavailable } from './object-query-support.ts';

// One page of `GET /v1/credit-memos` / `/v1/debit-memos`. Zuora answers no total count: only a
// `nextPage` link when there is more.

/** Query-string parameters of the list call (Zuora filters and the sandbox's documented extras). */
export type MemoListQuery = Record<string, string>;

/** A row of either list; Object Query rows also carry their account's name (expand[]=account). */
export type MemoRow = (CreditMemo | DebitMemo) & { accountName?: string | null };

export interface MemoPage {
  rows: MemoRow[];
  hasNextPage: boolean;
  /** Object Query: the next page's cursor. */
  nextCursor?: string;
  /** The account search matched more accounts than one lookup returns: no rows until it is narrowed. */
  accountsTooMany?: boolean;
}

/**
 * How a list view is read (docs/zuora/tenant-read-contract.md A10): Object Query for every filter it can
 * serve, the classic v1 list when the view filters by currency (which Object Query cannot).
 */
export type ListRequest =
  | { api: 'v1'; query: MemoListQuery }
  | {
      api: 'oq';
      oq: OqListRequest;
      /** Account number or name prefix, resolved to `accountid.IN`. */ account?: string;
    };

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

type AccountLookup = (text: string) => Promise<AccountMatches>;

/** One page of a view, by either API. The account search is resolved through `lookup` (cached by the caller). */
export async function fetchListPage(
  kind: MemoKind,
  request: ListRequest,
  lookup: AccountLookup,
  signal?: AbortSignal,
): Promise<MemoPage> {
  if (request.api === 'v1') return fetchMemoPage(kind, request.query, signal);
  let filters = request.oq.filters;
  if (request.account) {
    const matches = await lookup(request.account);
    if (matches.tooMany) return { rows: [], hasNextPage: false, accountsTooMany: true };
    if (matches.ids.length === 0) return { rows: [], hasNextPage: false };
    filters = [...filters, `accountid.IN:[${matches.ids.join(',')}]`];
  }
  const page = await fetchOqMemoPage(kind, { ...request.oq, filters }, signal);
  return { rows: page.rows, hasNextPage: Boolean(page.nextCursor), nextCursor: page.nextCursor };
}

export const memoListQuery = (kind: MemoKind, request: ListRequest) =>
  queryOptions({
    queryKey: memoKeys.list(kind, request),
    // The account lookup is its own cached query: the next page of the same view does not repeat it.
    queryFn: async ({ signal, client }) => {
      try {
        return await fetchListPage(kind, request, (text) => client.fetchQuery(accountMatchesQuery(text)), signal);
      } catch (e) {
        // A tenant without Object Query: the list switches to the classic list (object-query-support.ts) and asks
        // again; the view's filters the classic list cannot serve are then hidden, never dropped silently.
        if (request.api === 'oq' && isObjectQueryUnavailable(e)) markObjectQueryUnavailable(client);
        throw e;
      }
    },
    // Keep the previous page of the same kind on screen while the next one loads: no flash of an
    // empty grid (a credit memo page is never shown under debit memo columns).
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[1] === kind ? keepPreviousData(prev) : undefined),
  });

/**
 * Every row of a view, page after page, for the export. Object Query walks its keyset cursor, which neither
 * repeats nor skips a row while memos are created or changed (docs/zuora/tenant-read-contract.md A3, A5).
 * The classic list (a currency view) has page numbers only (A8): a memo created meanwhile pushes rows onto the
 * next page, so rows are kept once by id.
 */
export async function streamListRows(
  kind: MemoKind,
  request: ListRequest,
  opts: { lookup: AccountLookup; signal: AbortSignal; onPage?: (rowsSoFar: number) => void },
): Promise<MemoRow[]> {
  const rows: MemoRow[] = [];
  const seen = new Set<string>();
  let req = request;
  for (let page = 1; ; page++) {
    opts.signal.throwIfAborted();
    const r = await fetchListPage(kind, req, opts.lookup, opts.signal);
    if (r.accountsTooMany) throw tooManyAccounts();
    for (const row of r.rows) {
      if (req.api === 'v1' && seen.has(row.id)) continue;
      seen.add(row.id);
      rows.push(row);
    }
    opts.onPage?.(rows.length);
    if (!r.hasNextPage || r.rows.length === 0) return rows;
    req =
      req.api === 'v1'
        ? { ...req, query: { ...req.query, page: String(page + 1) } }
        : { ...req, oq: { ...req.oq, cursor: r.nextCursor } };
  }
}

const tooManyAccounts = () =>
  new ZuoraApiError(400, [
    { code: 0, message: `More accounts match the account filter than one search returns; type more of it.` },
  ]);
