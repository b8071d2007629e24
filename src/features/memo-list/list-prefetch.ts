import type { QueryClient } from '@tanstack/react-query';
import { memoKindOfPath } from '../../lib/memo-routes.ts';
import { memoListQuery } from '../../api/memos/list.ts';
import { toListQuery } from './list-query.ts';
import { parseListState } from './url-state.ts';

/** The list page's chunk; the route's lazy component and the prefetch share it. */
export const loadMemoListPage = () => import('./memo-list-page.tsx');

// Opening the app on a list URL: start the page chunk and the first page of rows at once, in
// parallel with React's first render, instead of one after the other (chunk -> render -> fetch).
// The page then finds its query already in flight under the same key.
export function prefetchListRoute(
  queryClient: QueryClient,
  location: Pick<Location, 'pathname' | 'search'>,
  signedIn: boolean,
): void {
  const kind = memoKindOfPath(location.pathname);
  if (!kind || !/^\/(credit|debit)-memos\/?$/.test(location.pathname) || !signedIn) return;
  void loadMemoListPage();
  void queryClient.prefetchQuery(
    memoListQuery(kind, toListQuery(parseListState(new URLSearchParams(location.search), kind), kind)),
  );
}
