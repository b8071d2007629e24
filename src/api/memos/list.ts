import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { zuoraRequest } from '../client.ts';
import { creditMemoListSchema, debitMemoListSchema, type CreditMemo, type DebitMemo } from '../../contract/memos.ts';
import { memoKeys } from './keys.ts';
import { memoApiBase } from './kind.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';
import { accountMatchesQuery, fetchOqMemoPage, type AccountMatches, type OqListRequest } from './object-query-list.ts';
import { withCurrency, type RowCurrencyOptions } from './row-currency.ts';
import { accountDetailQuery } from '../account-detail.ts';
import { ZuoraApiError } from '../../lib/zuora-error.ts';
import { isObjectQueryUnavailable, markObjectQueryUnavailable, objectQuerySupported } from './object-query-support.ts';

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

/** How rows without a currency find their account's (row-currency.ts); by default Object Query first. */
type CurrencyLookup = Partial<Omit<RowCurrencyOptions, 'signal'>>;

export async function fetchMemoPage(
  kind: MemoKind,
  query: MemoListQuery,
  signal?: AbortSignal,
  currency: CurrencyLookup = {},
): Promise<MemoPage> {
  const opts = { objectQuery: true, ...currency, signal };
  if (kind === 'CreditMemo') {
    const r: z.infer<typeof creditMemoListSchema> = await zuoraRequest(memoApiBase(kind), {
      schema: creditMemoListSchema,
      query,
      signal,
    });
    return { rows: await withCurrency(r.creditmemos, opts), hasNextPage: Boolean(r.nextPage) };
  }
  const r: z.infer<typeof debitMemoListSchema> = await zuoraRequest(memoApiBase(kind), {
    schema: debitMemoListSchema,
    query,
    signal,
  });
  return { rows: await withCurrency(r.debitmemos, opts), hasNextPage: Boolean(r.nextPage) };
}

type AccountLookup = (text: string) => Promise<AccountMatches>;

/**
 * One page of a view, by either API. The account search is resolved through `lookup` (cached by the caller), and
 * so are the account reads of rows without a currency on a tenant without Object Query (`readAccount`).
 */
export async function fetchListPage(
  kind: MemoKind,
  request: ListRequest,
  lookup: AccountLookup,
  signal?: AbortSignal,
  currency: CurrencyLookup = {},
): Promise<MemoPage> {
  if (request.api === 'v1') return fetchMemoPage(kind, request.query, signal, currency);
  let filters = request.oq.filters;
  if (request.account) {
    const matches = await lookup(request.account);
    if (matches.tooMany) return { rows: [], hasNextPage: false, accountsTooMany: true };
    if (matches.ids.length === 0) return { rows: [], hasNextPage: false };
    filters = [...filters, `accountid.IN:[${matches.ids.join(',')}]`];
  }
  const page = await fetchOqMemoPage(kind, { ...request.oq, filters }, signal);
  const rows = await withCurrency(page.rows, { objectQuery: true, ...currency, signal });
  return { rows, hasNextPage: Boolean(page.nextCursor), nextCursor: page.nextCursor };
}

export const memoListQuery = (kind: MemoKind, request: ListRequest) =>
  queryOptions({
    queryKey: memoKeys.list(kind, request),
    // The account lookup is its own cached query: the next page of the same view does not repeat it. So is each
    // account read for a currency: the same cached read the list's account names use (use-reference-names.ts).
    queryFn: async ({ signal, client }) => {
      const currency = {
        objectQuery: objectQuerySupported(client),
        readAccount: (id: string) => client.fetchQuery(accountDetailQuery(id)),
      };
      try {
        return await fetchListPage(
          kind,
          request,
          (text) => client.fetchQuery(accountMatchesQuery(text)),
          signal,
          currency,
        );
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
