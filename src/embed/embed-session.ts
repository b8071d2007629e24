import { PERMISSIONS, scopeOf, type Permission } from '../contract/permissions.ts';
import type { SessionState, SessionStore } from '../lib/session-store.ts';

// Embedded, the host is the identity provider: the session is always "signed in" as the host's user,
// holds no token (the client asks getAccessToken() per request), and only carries what may be done.

export interface EmbedSessionStore extends SessionStore {
  /** The host's `permissions` option (null = not pre-gated). */
  setHostPermissions(permissions: Permission[] | null): void;
  /** The scope of the last token response the host returned. */
  setTokenScope(scope: string | null): void;
}

const HOST_USER = { id: 'host', name: 'Host user', role: 'embedded' };

export function createEmbedSessionStore(hostPermissions: Permission[] | null): EmbedSessionStore {
  let host = hostPermissions;
  let tokenScope: string | null = null;
  let state = build();
  const listeners = new Set<() => void>();

  function build(): SessionState {
    // Host option first, then the token's scope, then everything (the server refuses what is not allowed).
    const scope = host ? scopeOf(host) : (tokenScope ?? scopeOf(PERMISSIONS));
    return { user: HOST_USER, token: '', scope, expiresAt: Number.MAX_SAFE_INTEGER };
  }
  function refresh() {
    const next = build();
    if (next.scope === state.scope) return;
    state = next;
    listeners.forEach((l) => l());
  }
  return {
    get: () => state,
    // signIn/signOut have no meaning inside a host: the host signs its users in and out.
    set: () => {},
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setHostPermissions(p) {
      host = p;
      refresh();
    },
    setTokenScope(scope) {
      tokenScope = scope;
      refresh();
    },
  };
}
