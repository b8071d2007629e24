import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, createMemoryRouter, RouterProvider } from 'react-router';
import createCache from '@emotion/cache';
import { configureClient } from '../api/client.ts';
import { memoKeys } from '../api/memos/keys.ts';
import { healthQuery } from '../api/sandbox.ts';
import { createQueryClient } from '../app/query-client.ts';
import { setDisplayLocale } from '../lib/locale.ts';
import { createEmbedSessionStore } from './embed-session.ts';
import { createEmbedRoutes } from './embed-routes.tsx';
import { EmbedRoot } from './embed-root.tsx';
import type { EmbedHandle } from './embed-handle.ts';
import { cacheKeyOf, resolveOptions, splitAccessToken, type EmbedOptions, type ResolvedOptions } from './options.ts';

// The app module of the library build (dist/lib/credit-debit-memos-app.js): React, MUI, the router,
// React Query and the API client in one file. The loader imports it once per mount under its own
// URL, so everything module-level here (the client configuration, the display locale) is per mount.

// `all: initial` stops the host's inherited text styles (line-height, font, color) at the boundary.
const HOST_CSS = ':host { all: initial; display: block; } [data-cdm-app] { min-height: 100%; }';

type Router = ReturnType<typeof createMemoryRouter>;

export function renderApp(element: HTMLElement, initial: EmbedOptions, mountNumber: number): EmbedHandle {
  let given: EmbedOptions = { ...initial };
  let opts: ResolvedOptions = resolveOptions(given);

  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = HOST_CSS;
  const emotionNode = document.createElement('div');
  emotionNode.dataset.cdmStyles = '';
  const appNode = document.createElement('div');
  appNode.dataset.cdmApp = '';
  const portalNode = document.createElement('div');
  portalNode.dataset.cdmPortal = '';
  shadow.append(style, emotionNode, appNode, portalNode);

  const cache = createCache({ key: cacheKeyOf(mountNumber), container: emotionNode });
  const queryClient = createQueryClient();
  const session = createEmbedSessionStore(opts.permissions);

  configureClient({
    baseUrl: opts.apiBaseUrl,
    // Asked before every request and not kept: the host owns the token's life.
    getToken: async () => {
      const { token, scope } = splitAccessToken(await opts.getAccessToken?.());
      if (scope !== null) session.setTokenScope(scope);
      return token;
    },
    onUnauthorized: () => opts.onUnauthorized?.(),
    extraHeaders: () => ({ ...opts.extraHeaders }),
    // As in the standalone app: a create whose answer is lost is resent with its key, once or twice.
    idempotentRetries: 2,
    idempotentTimeoutMs: 30_000,
  });
  setDisplayLocale(opts.locale);
  void queryClient.prefetchQuery(healthQuery);

  let router = createRouter(opts);
  let stopListening = announce(router);
  const root = createRoot(appNode);
  render();

  function render() {
    root.render(
      <StrictMode>
        <EmbedRoot
          cache={cache}
          queryClient={queryClient}
          sessionStore={session}
          portal={portalNode}
          themeOverrides={opts.theme}
        >
          <RouterProvider router={router} />
        </EmbedRoot>
      </StrictMode>,
    );
  }

  /** Tells the host the first location and every change (not repeated for the same path). */
  function announce(r: Router): () => void {
    let last = '';
    const tell = (location: { pathname: string; search: string }) => {
      const path = `${location.pathname}${location.search}`;
      if (path === last) return;
      last = path;
      opts.onNavigate?.(path);
    };
    tell(r.state.location);
    return r.subscribe((state) => tell(state.location));
  }

  let mounted = true;
  return {
    update(next) {
      if (!mounted) return;
      const before = opts;
      given = { ...given, ...next };
      opts = resolveOptions(given);
      setDisplayLocale(opts.locale);
      session.setHostPermissions(opts.permissions);
      if (opts.basename !== before.basename) {
        stopListening();
        router.dispose();
        router = createRouter(opts);
        stopListening = announce(router);
      } else if (next.initialPath !== undefined && opts.initialPath !== before.initialPath) {
        void router.navigate(opts.initialPath);
      }
      // Re-render: a new theme, locale or router shows at once.
      render();
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      root.unmount();
      stopListening();
      router.dispose();
      queryClient.clear();
      cache.sheet.flush();
      for (const node of [style, emotionNode, appNode, portalNode]) node.remove();
    },
    async refresh() {
      if (mounted) await queryClient.invalidateQueries({ queryKey: memoKeys.all });
    },
    navigate(path) {
      if (mounted) void router.navigate(resolveOptions({ initialPath: path }).initialPath);
    },
  };
}

/** With a basename the app owns that part of the host's URL; without, it navigates in memory. */
function createRouter(opts: ResolvedOptions): Router {
  const routes = createEmbedRoutes();
  if (!opts.basename) return createMemoryRouter(routes, { initialEntries: [opts.initialPath] });
  const router = createBrowserRouter(routes, { basename: opts.basename });
  const here = window.location.pathname.replace(/\/+$/, '');
  if (here === opts.basename) void router.navigate(opts.initialPath, { replace: true });
  return router;
}
