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
  /** 1-based, as Zuora's `page`. */
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [10, 20, 40] as const; // Zuora's list pageSize is at most 40
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
};

export const ALL_STATUSES: readonly MemoStatus[] = MEMO_STATUSES;

export const sourceTypesOf = (kind: MemoKind): readonly string[] =>
  kind === 'CreditMemo' ? CM_SOURCE_TYPES : DM_SOURCE_TYPES;

/** Sortable fields per kind (docs/zuora/api-digest.md §4.1, §6.1: status sorts only on credit memos). */
export function sortableFields(kind: MemoKind): readonly SortField[] {
  return kind === 'CreditMemo'
    ? ['number', 'memoDate', 'amount', 'taxAmount', 'unappliedAmount', 'refundAmount', 'status']
    : ['number', 'memoDate', 'dueDate', 'amount', 'taxAmount', 'balance'];
}

/** The memo field a sort column maps to on the wire. */
export function wireSortField(kind: MemoKind, field: SortField): string {
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
