import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { configureClient } from './api/client.ts';
import { AppProviders } from './app/providers.tsx';
import { createQueryClient } from './app/query-client.ts';
import { createRoutes } from './app/routes.tsx';
import { createSessionStore } from './lib/session-store.ts';
import { healthQuery } from './api/sandbox.ts';
import { prefetchListRoute } from './features/memo-list/index.ts';
import { seedServerHealth } from './app/server-health.ts';

// Standalone entry: the token lives in sessionStorage; a 401 signs the user out, and the
// session guard then sends them to /sign-in with a link back to where they were.
const sessionStore = createSessionStore();
const queryClient = createQueryClient();
configureClient({
  getToken: () => sessionStore.get()?.token ?? null,
  onUnauthorized: () => sessionStore.set(null),
  // A create/refund/collect whose answer is lost is resent with its Idempotency-Key: one effect.
  idempotentRetries: 2,
  idempotentTimeoutMs: 30_000,
});

// The list's filter bar depends on the server's mode: read it from the page the server sent, else ask
// at once, in parallel with the page chunk; on a list URL also start the list chunk and its first page of rows.
if (!seedServerHealth(queryClient)) void queryClient.prefetchQuery(healthQuery);
prefetchListRoute(queryClient, window.location, sessionStore.get() !== null);

const router = createBrowserRouter(createRoutes());

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <AppProviders queryClient={queryClient} sessionStore={sessionStore}>
      <Suspense>
        <RouterProvider router={router} />
      </Suspense>
    </AppProviders>
  </StrictMode>,
);
