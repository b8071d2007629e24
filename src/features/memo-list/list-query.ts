import type { ApiMode } from '../../api/sandbox.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import type { MemoListQuery } from '../../api/memos/list.ts';
import { wireSortField, type ListFilters, type ListState } from './list-state.ts';

// The list view -> the list API's query parameters. Pure and tested.
//
// Zuora's classic list filters by equality only (one value per field). The sandbox also documents
// richer parameters (several statuses, contains, ranges, open balance). Against a real tenant
// (`proxy` mode) only the equality filters are sent, and the UI hides the others (filterAvailability).

export type FilterKey = keyof ListFilters;

/** Which filters a mode can honour; the filter bar shows only these. */
export function filterAvailability(mode: ApiMode): Record<FilterKey, boolean> {
  const sandbox = mode === 'sandbox';
  return {
    status: true, // proxy: one status at a time
    account: true, // proxy: exact account number
    number: true, // proxy: exact number
    memoDateFrom: sandbox,
    memoDateTo: sandbox,
    amountFrom: sandbox,
    amountTo: sandbox,
    openBalance: sandbox,
    currency: true,
    reasonCode: sandbox,
    sourceType: sandbox,
  };
}

/** Zuora's sort operators are inverted: `-field` is ASCENDING, `+field` DESCENDING (docs/zuora/api-digest.md §2.4). */
export function zuoraSort(kind: MemoKind, sort: ListState['sort']): string {
  return `${sort.direction === 'asc' ? '-' : '+'}${wireSortField(kind, sort.field)}`;
}

/** Filters only (no paging): shared by the page query and the export. */
export function toFilterQuery(filters: ListFilters, mode: ApiMode): MemoListQuery {
  const q: MemoListQuery = {};
  const f = filters;
  if (mode === 'sandbox') {
    if (f.status.length) q.status = f.status.join(',');
    if (f.account) q.accountSearch = f.account;
    if (f.number) q.numberContains = f.number;
    if (f.memoDateFrom) q.memoDateFrom = f.memoDateFrom;
    if (f.memoDateTo) q.memoDateTo = f.memoDateTo;
    if (f.amountFrom) q.amountFrom = f.amountFrom;
    if (f.amountTo) q.amountTo = f.amountTo;
    if (f.openBalance) q.openBalance = 'true';
    if (f.reasonCode) q.reasonCode = f.reasonCode;
    if (f.sourceType) q.sourceType = f.sourceType;
  } else {
    if (f.status.length) q.status = f.status[0];
    if (f.account) q.accountNumber = f.account;
    if (f.number) q.number = f.number;
  }
  if (f.currency) q.currency = f.currency;
  return q;
}

export function toListQuery(state: ListState, kind: MemoKind, mode: ApiMode): MemoListQuery {
  return {
    ...toFilterQuery(state.filters, mode),
    sort: zuoraSort(kind, state.sort),
    page: String(state.page),
    pageSize: String(state.pageSize),
  };
}
