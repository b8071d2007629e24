import { lazy, type ReactNode } from 'react';
import { Navigate, type RouteObject } from 'react-router';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { RequirePermission } from './require-permission.tsx';
import type { MemoKind } from '../lib/memo-kind.ts';
import { RequireSession } from './require-session.tsx';
import { FromInvoicePage, StandalonePage, BulkCreatePage } from '../features/memo-create/index.ts';
import { MemoDetailPage } from '../features/memo-detail/index.ts';
import { MemoListPage } from '../features/memo-list/index.ts';

// Every page is lazily loaded (each feature's index.ts holds its React.lazy), so the list route does not carry the
// detail page, the create forms or their date pickers. React.lazy (not route.lazy) so the shell paints at once and
// the page chunk fills the shell's Suspense boundary.
const SignInPage = lazy(() => import('./sign-in-page.tsx'));

const creating = (kind: MemoKind, page: ReactNode) => (
  <RequirePermission kind={kind} permission="memo.create" doing="create">
    {page}
  </RequirePermission>
);

/** The memo pages of one kind; also the embedded app's route table (src/embed/embed-routes.tsx). */
export function kindRoutes(base: 'credit-memos' | 'debit-memos'): RouteObject[] {
  const kind = base === 'credit-memos' ? 'CreditMemo' : 'DebitMemo';
  return [
    { path: base, element: <MemoListPage kind={kind} /> },
    { path: `${base}/new/standalone`, element: creating(kind, <StandalonePage kind={kind} />) },
    { path: `${base}/new/from-invoice`, element: creating(kind, <FromInvoicePage kind={kind} />) },
    { path: `${base}/new/bulk`, element: creating(kind, <BulkCreatePage kind={kind} />) },
    { path: `${base}/:memoId`, element: <MemoDetailPage kind={kind} /> },
  ];
}

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
