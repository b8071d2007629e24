import type { MemoKind } from '../../lib/memo-kind.ts';
import type { ListRequest, MemoListQuery } from '../../api/memos/list.ts';
import { OQ_MAX_PAGE_SIZE, type OqListRequest } from '../../api/memos/object-query-list.ts';
import { usesClassicList, wireSortField, type ListFilters, type ListState } from './list-state.ts';

// The list view -> the request that reads it. Pure and tested. docs/zuora/tenant-read-contract.md A10:
// Object Query serves several statuses (`IN`), account (resolved to ids), number prefix (`SW`), date and
// amount ranges, open balance and source type; it cannot filter currency, so a currency view is read from
// the classic v1 list, which filters by equality only (A8), as is every view on a tenant without Object Query.
// Reason code neither API filters (A4, A8).
// Both modes send the same requests: the sandbox answers Object Query as the tenant does.

export type FilterKey = keyof ListFilters;

export const REASON_CODE_UNAVAILABLE =
  'Zuora cannot filter memos by reason code (neither Object Query nor the memo list).';
export const WITH_CURRENCY_UNAVAILABLE =
  'Not with a currency: Zuora filters currency only in its classic list, which combines it with one status, an exact account number and an exact memo number.';

export const WITHOUT_OBJECT_QUERY_UNAVAILABLE =
  'This tenant does not answer Object Query, so the list is Zuora’s classic list: it filters by one status, an exact account number, an exact memo number and currency only.';

/** Why a filter is not offered for this view (null: offered). The filter bar hides it and says why. */
export function filterAvailability(filters: ListFilters, objectQuery = true): Record<FilterKey, string | null> {
  const classic = !objectQuery
    ? WITHOUT_OBJECT_QUERY_UNAVAILABLE
    : usesClassicList(filters)
      ? WITH_CURRENCY_UNAVAILABLE
      : null;
  return {
    status: null,
    account: null,
    number: null,
    currency: null,
    memoDateFrom: classic,
    memoDateTo: classic,
    amountFrom: classic,
    amountTo: classic,
    openBalance: classic,
    sourceType: classic,
    reasonCode: REASON_CODE_UNAVAILABLE,
  };
}

/** Zuora's v1 sort operators are inverted: `-field` is ASCENDING, `+field` DESCENDING (docs/zuora/api-digest.md §2.4). */
export function zuoraSort(kind: MemoKind, sort: ListState['sort']): string {
  return `${sort.direction === 'asc' ? '-' : '+'}${wireSortField(kind, sort.field, 'v1')}`;
}

/** Object Query's `sort[]`: `field.ASC|DESC` (A3). */
export function oqSort(kind: MemoKind, sort: ListState['sort']): string {
  return `${wireSortField(kind, sort.field, 'oq')}.${sort.direction.toUpperCase()}`;
}

/** The classic list's equality filters (a currency view: A8). */
export function toClassicFilterQuery(f: ListFilters): MemoListQuery {
  const q: MemoListQuery = {};
  if (f.status.length) q.status = f.status[0];
  if (f.account) q.accountNumber = f.account;
  if (f.number) q.number = f.number;
  if (f.currency) q.currency = f.currency;
  return q;
}

/** Object Query `filter[]` clauses of a view; the account search is resolved separately (A4). */
export function toOqFilters(f: ListFilters): string[] {
  const out: string[] = [];
  if (f.status.length === 1) out.push(`status.EQ:${f.status[0]}`);
  else if (f.status.length > 1) out.push(`status.IN:[${f.status.join(',')}]`);
  if (f.number) out.push(`memonumber.SW:${f.number}`);
  if (f.memoDateFrom) out.push(`memodate.GE:${f.memoDateFrom}`);
  if (f.memoDateTo) out.push(`memodate.LE:${f.memoDateTo}`);
  if (f.amountFrom) out.push(`totalamount.GE:${f.amountFrom}`);
  if (f.amountTo) out.push(`totalamount.LE:${f.amountTo}`);
  if (f.openBalance) out.push('balance.GT:0');
  if (f.sourceType) out.push(`sourcetype.EQ:${f.sourceType}`);
  return out;
}

/** The request for every row of a view (the export), without paging. */
export function toFilterRequest(state: ListState, kind: MemoKind, pageSize: number, objectQuery = true): ListRequest {
  const f = state.filters;
  if (usesClassicList(f, objectQuery))
    return {
      api: 'v1',
      query: { ...toClassicFilterQuery(f), sort: zuoraSort(kind, state.sort), pageSize: String(pageSize) },
    };
  const oq: OqListRequest = {
    filters: toOqFilters(f),
    sort: oqSort(kind, state.sort),
    pageSize: Math.min(pageSize, OQ_MAX_PAGE_SIZE),
  };
  return f.account ? { api: 'oq', oq, account: f.account } : { api: 'oq', oq };
}

/** The request for the page on screen: v1 by page number, Object Query by the last cursor of the stack. */
export function toListQuery(state: ListState, kind: MemoKind, objectQuery = true): ListRequest {
  const r = toFilterRequest(state, kind, state.pageSize, objectQuery);
  if (r.api === 'v1') return { ...r, query: { ...r.query, page: String(state.page) } };
  const cursor = state.cursors.at(-1);
  return cursor ? { ...r, oq: { ...r.oq, cursor } } : r;
}
