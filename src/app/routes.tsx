import { lazy, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequirePermission } from './require-permission.tsx';
import { RequireSession } from './require-session.tsx';

// Every page is a lazily loaded default export, so the list route does not carry the detail page,
// the create forms or their date pickers. React.lazy (not route.lazy) so the shell paints at once
// and the page chunk fills the shell's Suspense boundary.
const MemoListPage = lazy(() => import('../features/memo-list/memo-list-page.tsx'));
const MemoDetailPage = lazy(() => import('../features/memo-detail/memo-detail-page.tsx'));
const StandalonePage = lazy(() => import('../features/memo-create/standalone-page.tsx'));
const FromInvoicePage = lazy(() => import('../features/memo-create/from-invoice-page.tsx'));
const BulkCreatePage = lazy(() => import('../features/memo-create/bulk-create-page.tsx'));
const SignInPage = lazy(() => import('./sign-in-page.tsx'));

const creating = (page: ReactNode) => (
  <RequirePermission permission="memo.create" doing="create">
    {page}
  </RequirePermission>
);

/** The memo pages of one kind; also the embedded app's route table (src/embed/embed-routes.tsx). */
export const kindRoutes = (base: 'credit-memos' | 'debit-memos'): RouteObject[] => [
  { path: base, element: <MemoListPage /> },
  { path: `${base}/new/standalone`, element: creating(<StandalonePage />) },
  { path: `${base}/new/from-invoice`, element: creating(<FromInvoicePage />) },
  { path: `${base}/new/bulk`, element: creating(<BulkCreatePage />) },
  { path: `${base}/:memoId`, element: <MemoDetailPage /> },
];

export function createRoutes(): RouteObject[] {
  return [
    { path: '/sign-in', element: <SignInPage /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppShell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/credit-memos" replace /> },
        ...kindRoutes('credit-memos'),
        ...kindRoutes('debit-memos'),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}
