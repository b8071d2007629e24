// Who is signed in, outside React so the API client can read the token synchronously. The standalone
// app keeps it in sessionStorage (one tab, gone when the tab closes); an embedding host may keep it in memory.

export interface SessionUser {
  id: string;
  name: string;
  role: string;
}

export interface SessionState {
  user: SessionUser;
  token: string;
  scope: string;
  /** Epoch ms when the token expires. */
  expiresAt: number;
}

export interface SessionStore {
  get(): SessionState | null;
  set(state: SessionState | null): void;
  subscribe(listener: () => void): () => void;
}

const STORAGE_KEY = 'cdm.session';

export function createSessionStore(
  opts: { storage?: Storage | null; initial?: SessionState | null } = {},
): SessionStore {
  const storage = opts.storage === undefined ? safeSessionStorage() : opts.storage;
  let state: SessionState | null = opts.initial ?? read(storage);
  const listeners = new Set<() => void>();
  return {
    get() {
      if (state && state.expiresAt <= Date.now()) state = null;
      return state;
    },
    set(next) {
      state = next;
      if (storage) {
        if (next) storage.setItem(STORAGE_KEY, JSON.stringify(next));
        else storage.removeItem(STORAGE_KEY);
      }
      listeners.forEach((l) => l());
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function safeSessionStorage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

function read(storage: Storage | null): SessionState | null {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    const s = JSON.parse(raw) as SessionState;
    if (typeof s?.token !== 'string' || typeof s?.user?.id !== 'string' || typeof s.expiresAt !== 'number') return null;
    return s.expiresAt > Date.now() ? s : null;
  } catch {
    return null;
  }
}
