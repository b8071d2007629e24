import { Suspense } from 'react';
import { Navigate, Outlet, type RouteObject } from 'react-router';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import { kindRoutes } from '../app/routes.tsx';
import { NotFoundPage } from '../app/not-found-page.tsx';

// Embedded, the host owns the header, navigation and sign-in: only the memo pages, no app shell,
// no /sign-in (a 401 goes to the host's onUnauthorized).
export function createEmbedRoutes(): RouteObject[] {
  return [
    {
      path: '/',
      element: <EmbedLayout />,
      children: [
        { index: true, element: <Navigate to="/credit-memos" replace /> },
        ...kindRoutes('credit-memos'),
        ...kindRoutes('debit-memos'),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ];
}

function EmbedLayout() {
  return (
    <Box sx={{ p: 2 }}>
      <Suspense fallback={<LinearProgress aria-label="Loading page" />}>
        <Outlet />
      </Suspense>
    </Box>
  );
}
