import { lazy } from 'react';
import { loadMemoListPage } from './list-prefetch.ts';

// The memo list's public surface: its page, loaded lazily, and the prefetch that starts it with its first rows.
export const MemoListPage = lazy(loadMemoListPage);
export { prefetchListRoute } from './list-prefetch.ts';
