import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import type { Permission } from '../contract/permissions.ts';
import type { TokenResponse } from '../api/sandbox.ts';
import { permissionSet, type SessionStore, type SessionUser } from './session-store.ts';

export interface Session {
  user: SessionUser | null;
  permissions: Set<Permission>;
  signIn(user: SessionUser, token: TokenResponse): void;
  signOut(): void;
}

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
