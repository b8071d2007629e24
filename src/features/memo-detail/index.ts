import { lazy } from 'react';

// The memo detail's public surface: its page, loaded lazily so the list route does not carry it.
export const MemoDetailPage = lazy(() => import('./memo-detail-page.tsx'));
