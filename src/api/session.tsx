import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { permissionsOfScope, type Permission } from '../contract/permissions.ts';
import type { TokenResponse } from '../contract/oauth-token.ts';
import type { SessionStore, SessionUser } from '../lib/session-store.ts';

// The signed-in user's token and permissions, for screens: the session store (src/lib) holds them outside React for
// the HTTP client; this context hands them to the features, which sit above the API and never reach into src/app.

export interface Session {
  user: SessionUser | null;
  permissions: Set<Permission>;
  signIn(user: SessionUser, token: TokenResponse): void;
  signOut(): void;
}

const permissionSet = (scope: string | undefined): Set<Permission> => new Set(scope ? permissionsOfScope(scope) : []);

const SessionContext = createContext<SessionStore | null>(null);

export function SessionProvider({ store, children }: { store: SessionStore; children: ReactNode }) {
  return <SessionContext.Provider value={store}>{children}</SessionContext.Provider>;
}

/** The signed-in user and what they may do (token `scope`, space-separated permissions). */
export function useSession(): Session {
  const store = useContext(SessionContext);
  if (!store) throw new Error('useSession must be used inside <SessionProvider>');
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);
  return useMemo(
    () => ({
      user: state?.user ?? null,
      permissions: permissionSet(state?.scope),
      signIn: (user, token) =>
        store.set({
          user,
          token: token.access_token,
          scope: token.scope,
          expiresAt: Date.now() + token.expires_in * 1000,
        }),
      signOut: () => store.set(null),
    }),
    [state, store],
  );
}
