import { useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { useObjectQuerySupport } from '../../api/memos/object-query-support.ts';
import { EMPTY_FILTERS, listApiOf, normalizeFilters, type ListFilters, type ListState } from './list-state.ts';
import { parseListState, serializeListState } from './url-state.ts';

export interface ListStateApi {
  state: ListState;
  /** Changing filters goes back to page 1; `replace` for typing, so each keystroke is not a history entry. */
  setFilters(patch: Partial<ListFilters>, opts?: { replace?: boolean }): void;
  setSort(sort: ListState['sort']): void;
  /**
   * To the previous or next page (or page 1, or another page size). On Object Query, Next needs the shown
   * page's `nextPage` cursor, pushed onto the stack in the URL; Previous pops it.
   */
  setPage(page: number, pageSize: number, nextCursor?: string): void;
  clearFilters(): void;
}

export function useListState(kind: MemoKind): ListStateApi {
  const [params, setParams] = useSearchParams();
  const objectQuery = useObjectQuerySupport();
  const state = useMemo(() => parseListState(params, kind, objectQuery), [params, kind, objectQuery]);
  // The router renders a URL change in a transition: two quick edits (status, then a date) may both
  // run before the first one is rendered. Each edit therefore builds on the last one written, not on
  // the (possibly stale) rendered state, so no edit is lost.
  const pending = useRef<{ base: URLSearchParams; state: ListState } | null>(null);

  return useMemo(() => {
    const current = () => (pending.current?.base === params ? pending.current.state : state);
    const write = (next: ListState, replace = false) => {
      pending.current = { base: params, state: next };
      setParams(serializeListState(next, objectQuery), { replace });
    };
    return {
      state,
      setFilters: (patch, opts) => {
        const s = current();
        write(
          { ...s, filters: normalizeFilters({ ...s.filters, ...patch }, objectQuery), page: 1, cursors: [] },
          opts?.replace,
        );
      },
      setSort: (sort) => write({ ...current(), sort, page: 1, cursors: [] }),
      setPage: (page, pageSize, nextCursor) => {
        const s = current();
        if (pageSize !== s.pageSize || page <= 1) return write({ ...s, page: 1, pageSize, cursors: [] });
        if (listApiOf(s.filters, objectQuery) === 'v1') return write({ ...s, page });
        if (page === s.page + 1 && nextCursor) return write({ ...s, page, cursors: [...s.cursors, nextCursor] });
        if (page === s.page - 1) return write({ ...s, page, cursors: s.cursors.slice(0, -1) });
      },
      clearFilters: () => write({ ...current(), filters: EMPTY_FILTERS, page: 1, cursors: [] }),
    };
  }, [params, state, setParams, objectQuery]);
}
