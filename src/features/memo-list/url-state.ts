import { isIsoDate } from '../../lib/dates.ts';
import type { MemoStatus } from '../../contract/common.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import {
  ALL_STATUSES,
  CURRENCIES,
  DEFAULT_PAGE_SIZE,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  listApiOf,
  normalizeFilters,
  PAGE_SIZES,
  sortableFields,
  sourceTypesOf,
  type ListFilters,
  type ListState,
  type SortField,
} from './list-state.ts';

// The list view <-> the query string. Parsing is forgiving: a hand-edited or stale link never crashes
// the page; every value that does not make sense falls back to its default (and is dropped on the
// next write). Writing leaves defaults out so links stay short.
//
//   ?status=Draft,Posted&account=acme&number=CM-1&from=2024-01-01&to=2024-03-31&amountFrom=10&amountTo=99.5
//   &open=1&source=Standalone&sort=memoDate.asc&pageSize=40&cursor=<c1>&cursor=<c2>   (Object Query: page 3)
//   ?currency=USD&status=Posted&page=3                                                  (classic list: page 3)

const MAX_TEXT = 100;
/** Object Query cursors are opaque (A5); a stack deeper than this is not a link anyone shares. */
const MAX_CURSORS = 200;
const MAX_CURSOR_LENGTH = 2000;
const DECIMAL_RE = /^-?\d{1,15}(\.\d{1,6})?$/;

/** `objectQuery`: whether the tenant answers Object Query (a view is read from the classic list when not). */
export function parseListState(params: URLSearchParams, kind: MemoKind, objectQuery = true): ListState {
  const text = (key: string) => (params.get(key) ?? '').trim().slice(0, MAX_TEXT);
  const oneOf = <T extends string>(key: string, allowed: readonly T[]): T | '' => {
    const v = text(key);
    return (allowed as readonly string[]).includes(v) ? (v as T) : '';
  };
  const date = (key: string) => (isIsoDate(text(key)) ? text(key) : '');
  const decimal = (key: string) => (DECIMAL_RE.test(text(key)) ? text(key) : '');

  const status = [
    ...new Set(
      params
        .getAll('status')
        .flatMap((s) => s.split(','))
        .map((s) => s.trim())
        .filter((s): s is MemoStatus => (ALL_STATUSES as readonly string[]).includes(s)),
    ),
  ];

  let memoDateFrom = date('from');
  let memoDateTo = date('to');
  if (memoDateFrom && memoDateTo && memoDateFrom > memoDateTo) [memoDateFrom, memoDateTo] = [memoDateTo, memoDateFrom];

  const filters: ListFilters = normalizeFilters(
    {
      status,
      account: text('account'),
      number: text('number'),
      memoDateFrom,
      memoDateTo,
      amountFrom: decimal('amountFrom'),
      amountTo: decimal('amountTo'),
      openBalance: ['1', 'true', 'yes'].includes(text('open').toLowerCase()),
      currency: oneOf('currency', CURRENCIES),
      // Reason codes are tenant settings: any short text is a possible code.
      reasonCode: text('reason'),
      sourceType: oneOf('source', sourceTypesOf(kind)),
    },
    objectQuery,
  );
  const api = listApiOf(filters, objectQuery);

  const [sortField, sortDir] = text('sort').split('.');
  const sort =
    (sortableFields(kind, api) as readonly string[]).includes(sortField) && (sortDir === 'asc' || sortDir === 'desc')
      ? { field: sortField as SortField, direction: sortDir as 'asc' | 'desc' }
      : DEFAULT_SORT;

  const page = Number(text('page'));
  const pageSize = Number(text('pageSize'));
  const cursors =
    api === 'oq'
      ? params
          .getAll('cursor')
          .filter((c) => c && c.length <= MAX_CURSOR_LENGTH)
          .slice(0, MAX_CURSORS)
      : [];
  return {
    filters,
    sort,
    page: api === 'oq' ? cursors.length + 1 : Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    cursors,
  };
}

export function serializeListState(state: ListState, objectQuery = true): URLSearchParams {
  const p = new URLSearchParams();
  const f = { ...EMPTY_FILTERS, ...state.filters };
  if (f.status.length) p.set('status', f.status.join(','));
  if (f.account) p.set('account', f.account);
  if (f.number) p.set('number', f.number);
  if (f.memoDateFrom) p.set('from', f.memoDateFrom);
  if (f.memoDateTo) p.set('to', f.memoDateTo);
  if (f.amountFrom) p.set('amountFrom', f.amountFrom);
  if (f.amountTo) p.set('amountTo', f.amountTo);
  if (f.openBalance) p.set('open', '1');
  if (f.currency) p.set('currency', f.currency);
  if (f.reasonCode) p.set('reason', f.reasonCode);
  if (f.sourceType) p.set('source', f.sourceType);
  if (state.sort.field !== DEFAULT_SORT.field || state.sort.direction !== DEFAULT_SORT.direction)
    p.set('sort', `${state.sort.field}.${state.sort.direction}`);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(state.pageSize));
  if (listApiOf(f, objectQuery) === 'oq') for (const c of state.cursors) p.append('cursor', c);
  else if (state.page > 1) p.set('page', String(state.page));
  return p;
}
