import { CM_SOURCE_TYPES, DM_SOURCE_TYPES, MEMO_STATUSES, type MemoStatus } from '../../contract/common.ts';
import { memoDateField } from '../../api/memos/kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// What a list view is: filters, sort, page and page size. It lives in the URL (url-state.ts) so a
// reload, back/forward or a pasted link restores the exact view.

export interface ListFilters {
  status: MemoStatus[];
  /** Account name or number (sandbox: contains; real tenant: exact account number). */
  account: string;
  /** Memo number (sandbox: contains; real tenant: exact). */
  number: string;
  memoDateFrom: string;
  memoDateTo: string;
  /** Decimal strings, never floats. */
  amountFrom: string;
  amountTo: string;
  openBalance: boolean;
  currency: string;
  reasonCode: string;
  sourceType: string;
}

export type SortField =
  | 'number'
  | 'memoDate'
  | 'dueDate'
  | 'amount'
  | 'taxAmount'
  | 'balance'
  | 'unappliedAmount'
  | 'refundAmount'
  | 'status';

export interface ListSort {
  field: SortField;
  direction: 'asc' | 'desc';
}

export interface ListState {
  filters: ListFilters;
  sort: ListSort;
  /** 1-based. The classic list's `page`; on Object Query `cursors.length + 1`. */
  page: number;
  pageSize: number;
  /**
   * Object Query pages by cursor only, forward (docs/zuora/tenant-read-contract.md A3, A10): the cursors that
   * led to this page, oldest first. Next pushes the page's `nextPage`, Previous pops; empty on page 1.
   */
  cursors: string[];
}

// Within both APIs' bounds: the classic list's pageSize is at most 40 (A8), Object Query's 99 (A3).
export const PAGE_SIZES = [10, 20, 40] as const;
export const DEFAULT_PAGE_SIZE = 20;

/** Zuora's default order: number descending. */
export const DEFAULT_SORT: ListSort = { field: 'number', direction: 'desc' };

export const EMPTY_FILTERS: ListFilters = {
  status: [],
  account: '',
  number: '',
  memoDateFrom: '',
  memoDateTo: '',
  amountFrom: '',
  amountTo: '',
  openBalance: false,
  currency: '',
  reasonCode: '',
  sourceType: '',
};

export const DEFAULT_STATE: ListState = {
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  cursors: [],
};

/**
 * Which API reads a view: Object Query cannot filter currency, the classic list can (A4, A10); a tenant without
 * Object Query (`objectQuery` false, api/memos/object-query-support.ts) is read from the classic list only.
 */
export type ListApi = 'oq' | 'v1';
export const usesClassicList = (f: ListFilters, objectQuery = true): boolean => !objectQuery || Boolean(f.currency);
export const listApiOf = (f: ListFilters, objectQuery = true): ListApi =>
  usesClassicList(f, objectQuery) ? 'v1' : 'oq';

/**
 * The filters a view can hold. Read from the classic list (a currency, or a tenant without Object Query;
 * equality only, A8): one status and no range, open-balance or source-type filter. Reason code no API filters
 * (A4, A8). One home for the rule: the URL parser and every edit go through it, so a view never holds a filter
 * its request would drop.
 */
export function normalizeFilters(f: ListFilters, objectQuery = true): ListFilters {
  const base = { ...f, reasonCode: '' };
  if (!usesClassicList(f, objectQuery)) return base;
  return {
    ...base,
    status: f.status.slice(-1),
    memoDateFrom: '',
    memoDateTo: '',
    amountFrom: '',
    amountTo: '',
    openBalance: false,
    sourceType: '',
  };
}

export const ALL_STATUSES: readonly MemoStatus[] = MEMO_STATUSES;

export const sourceTypesOf = (kind: MemoKind): readonly string[] =>
  kind === 'CreditMemo' ? CM_SOURCE_TYPES : DM_SOURCE_TYPES;

/**
 * Sortable fields per kind and API. Object Query sorts on its filter fields only (A4): number, memo date,
 * total amount, balance (a credit memo's unapplied amount, A5) and status. The classic list:
 * docs/zuora/api-digest.md §4.1, §6.1 (status sorts only on credit memos).
 */
export function sortableFields(kind: MemoKind, api: ListApi): readonly SortField[] {
  if (api === 'oq')
    return kind === 'CreditMemo'
      ? ['number', 'memoDate', 'amount', 'unappliedAmount', 'status']
      : ['number', 'memoDate', 'amount', 'balance', 'status'];
  return kind === 'CreditMemo'
    ? ['number', 'memoDate', 'amount', 'taxAmount', 'unappliedAmount', 'refundAmount', 'status']
    : ['number', 'memoDate', 'dueDate', 'amount', 'taxAmount', 'balance'];
}

const OQ_SORT_FIELDS: Partial<Record<SortField, string>> = {
  number: 'memoNumber',
  memoDate: 'memoDate',
  amount: 'totalAmount',
  balance: 'balance',
  unappliedAmount: 'balance',
  status: 'status',
};

/** The memo field a sort column maps to on the wire of each API. */
export function wireSortField(kind: MemoKind, field: SortField, api: ListApi): string {
  if (api === 'oq') return OQ_SORT_FIELDS[field] ?? 'memoNumber';
  if (field === 'memoDate') return memoDateField(kind);
  return field;
}

export const CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'CAD',
  'AUD',
  'CHF',
  'JPY',
  'KWD',
  'SEK',
  'NOK',
  'DKK',
  'NZD',
  'SGD',
  'HKD',
  'INR',
  'MXN',
  'BRL',
] as const;

export function hasActiveFilters(f: ListFilters): boolean {
  return (Object.keys(EMPTY_FILTERS) as (keyof ListFilters)[]).some((k) => {
    const v = f[k];
    return Array.isArray(v) ? v.length > 0 : Boolean(v);
  });
}
