import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers.tsx';
import { createQueryClient } from '../app/query-client.ts';
import { createSessionStore, type SessionStore } from '../lib/session-store.ts';

export interface RenderOptions {
  /** The route `ui` is mounted on (default '/'); its parameters come from `url`. */
  path?: string;
  /** The URL the test opens (default: `path`). */
  url?: string;
  /** More routes of the test's router, e.g. the page a form opens after Save. */
  routes?: RouteObject[];
  /** Who is signed in (default: nobody, in memory). */
  sessionStore?: SessionStore;
}

/**
 * Renders `ui` the way the app does: inside the app's own providers (its QueryClient defaults, theme and
 * session, src/app/providers.tsx) and a data router (the unsaved-changes prompt needs one). Every component
 * test renders through this, so a test sees what a user of the app sees. Any other URL shows "Left the page".
 */
export function renderWithApp(ui: ReactElement, options: RenderOptions = {}) {
  const { path = '/', url = path, routes = [], sessionStore = createSessionStore({ storage: null }) } = options;
  const queryClient = createQueryClient();
  const router = createMemoryRouter([{ path, element: ui }, ...routes, { path: '*', element: <p>Left the page</p> }], {
    initialEntries: [url],
  });
  const user = userEvent.setup();
  const view = render(
    <AppProviders queryClient={queryClient} sessionStore={sessionStore}>
      <RouterProvider router={router} />
    </AppProviders>,
  );
  return { ...view, user, router, queryClient, sessionStore };
}
