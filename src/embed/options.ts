import type { ThemeOptions } from '@mui/material/styles';
import { PERMISSIONS, type Permission } from '../contract/permissions.ts';

// The options an embedding host passes to mount() / the <credit-debit-memos> element, and their
// normalisation. Pure: shared by the loader (which stays tiny) and the app module, and unit-tested.

/** What getAccessToken() may return: a bare token, or the token response (its `scope` gates actions). */
export type AccessToken = string | null | undefined | { access_token: string; scope?: string };

export interface EmbedOptions {
  /** Prefix of every API path, e.g. 'https://billing.example.com' ('' = the page's own origin). */
  apiBaseUrl?: string;
  /** Called before every API request; the module never stores what it returns. */
  getAccessToken?: () => AccessToken | Promise<AccessToken>;
  /** Route under this path of the host's URL (browser history). Absent: an in-memory router, the URL stays the host's. */
  basename?: string;
  /** First page, e.g. '/debit-memos' (default '/credit-memos'). */
  initialPath?: string;
  /** Pre-gate actions; otherwise the token's scope, otherwise everything (the server still refuses). */
  permissions?: readonly string[] | string;
  /** MUI theme overrides, deep-merged over the app's theme. */
  theme?: ThemeOptions;
  /** BCP 47 locale for amounts and dates (default: the browser's). */
  locale?: string;
  /** Called with the app path (and query) after every navigation, so the host can mirror it. */
  onNavigate?: (path: string) => void;
  /** Called when the API answers 401: the host should renew its token. */
  onUnauthorized?: () => void;
  /** Headers for every API call, e.g. { 'Zuora-Entity-Ids': '…' }. */
  extraHeaders?: Record<string, string>;
}

export const DEFAULT_INITIAL_PATH = '/credit-memos';

/** Attribute → option of the custom element (the function-valued options are properties). */
export const ELEMENT_ATTRIBUTES = {
  'api-base-url': 'apiBaseUrl',
  basename: 'basename',
  'initial-path': 'initialPath',
  locale: 'locale',
  permissions: 'permissions',
} as const satisfies Record<string, keyof EmbedOptions>;

export type ElementAttribute = keyof typeof ELEMENT_ATTRIBUTES;
export const OBSERVED_ATTRIBUTES = Object.keys(ELEMENT_ATTRIBUTES) as ElementAttribute[];

/** The options the element's attributes say; an absent attribute is an absent option. */
export function optionsFromAttributes(el: Pick<Element, 'getAttribute'>): EmbedOptions {
  const out: Record<string, string> = {};
  for (const attr of OBSERVED_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    if (value !== null) out[ELEMENT_ATTRIBUTES[attr]] = value;
  }
  return out as EmbedOptions;
}

export interface ResolvedOptions extends Omit<EmbedOptions, 'permissions' | 'basename' | 'initialPath' | 'apiBaseUrl'> {
  apiBaseUrl: string;
  /** '' = memory router. */
  basename: string;
  initialPath: string;
  /** null = not pre-gated by the host. */
  permissions: Permission[] | null;
}

/** Trims and checks what the host gave; unknown permission names are dropped (a typo must not grant). */
export function resolveOptions(options: EmbedOptions): ResolvedOptions {
  return {
    ...options,
    apiBaseUrl: (options.apiBaseUrl ?? '').trim().replace(/\/+$/, ''),
    basename: normaliseBasename(options.basename),
    initialPath: normalisePath(options.initialPath),
    permissions: parsePermissions(options.permissions),
    locale: options.locale?.trim() || undefined,
  };
}

export function normaliseBasename(basename: string | undefined): string {
  const b = (basename ?? '').trim().replace(/\/+$/, '');
  if (!b) return '';
  return b.startsWith('/') ? b : `/${b}`;
}

/** An app path: starts with one '/', never a protocol-relative or absolute URL (no open redirect). */
export function normalisePath(path: string | undefined): string {
  const p = (path ?? '').trim();
  if (!p || p.startsWith('//') || /^[a-z][a-z0-9+.-]*:/i.test(p)) return DEFAULT_INITIAL_PATH;
  return p.startsWith('/') ? p : `/${p}`;
}

export function parsePermissions(value: readonly string[] | string | undefined): Permission[] | null {
  if (value === undefined) return null;
  const names = typeof value === 'string' ? value.split(/[\s,]+/) : value;
  return names.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));
}

/** The token string and, when the host returned a token response, its scope. */
export function splitAccessToken(value: AccessToken): { token: string | null; scope: string | null } {
  if (!value) return { token: null, scope: null };
  if (typeof value === 'string') return { token: value, scope: null };
  return { token: value.access_token || null, scope: typeof value.scope === 'string' ? value.scope : null };
}

/** Emotion cache keys allow only lowercase letters and '-': mount 1 → 'cdm-a', 26 → 'cdm-z', 27 → 'cdm-aa'. */
export function cacheKeyOf(mountNumber: number): string {
  let n = Math.max(0, Math.floor(mountNumber) - 1);
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (n % 26)) + letters;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return `cdm-${letters}`;
}
