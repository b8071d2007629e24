import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BROWSER_SECRET, startProxy } from '../../server/testing/test-upstream.ts';
import { configureClient } from '../api/client.ts';
import { createSessionStore } from '../lib/session-store.ts';
import { renderWithApp } from '../test/render.tsx';
import SignInPage from './sign-in-page.tsx';

// The sign-in page against the real proxy-mode app in-process (its /healthz and the key check are
// answered by the proxy itself, so no tenant is needed; nothing is forwarded).
const NO_TENANT = 'http://127.0.0.1:9';

function renderSignIn(env: Record<string, string>) {
  const { app } = startProxy(NO_TENANT, env);
  configureClient({
    baseUrl: 'http://proxy.test',
    getToken: () => null,
    fetch: async (input, init) => app.request(new Request(input, init)),
  });
  const store = createSessionStore({ storage: null });
  return renderWithApp(<SignInPage />, {
    path: '/sign-in',
    url: '/sign-in?next=%2Fdebit-memos',
    routes: [{ path: '/debit-memos', element: <p>Debit memos page</p> }],
    sessionStore: store,
  });
}

describe('sign-in page in proxy mode', () => {
  afterEach(cleanup);
  it('asks for the access key (no demo users), refuses a wrong one, signs in with the right one', async () => {
    const { sessionStore: store, user } = renderSignIn({});
    const key = await screen.findByLabelText(/Access key/);
    expect(screen.queryByRole('button', { name: /Sign in as/ })).toBeNull();

    await user.type(key, 'not-the-secret-at-all');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('That access key is not valid.')).toBeInTheDocument();
    expect(store.get()).toBeNull();

    await user.clear(key);
    await user.type(key, BROWSER_SECRET);
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Debit memos page')).toBeInTheDocument();
    expect(store.get()).toMatchObject({ token: BROWSER_SECRET, user: { role: 'tenant' } });
    expect(store.get()!.scope).toContain('debitmemo.writeoff');
  });

  it('goes straight in when a trusted reverse proxy authenticates users', async () => {
    const { sessionStore: store } = renderSignIn({
      PROXY_AUTH: 'trusted-header',
      PROXY_IDENTITY_HEADER: 'X-Forwarded-User',
    });
    expect(await screen.findByText('Debit memos page')).toBeInTheDocument();
    expect(store.get()).toMatchObject({ token: '', user: { name: 'Signed in by your proxy' } });
  });

  it('explains when browser authentication is not configured', async () => {
    renderSignIn({ PROXY_AUTH: '' });
    expect(await screen.findByText(/does not accept browser sign-in yet/)).toBeInTheDocument();
  });
});
