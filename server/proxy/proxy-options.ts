import { createHash } from 'node:crypto';
import type { ProxyConfig } from '../config.ts';
import { REASON_CODES } from '../seed/reference-data.ts';

// Proxy-mode settings beyond config.proxy (tenant URL and client credentials): how the browser proves
// who it is to this server, and the reason codes served locally (Zuora has no reason-code resource).

export type ProxyAuth =
  /** The browser sends `Authorization: Bearer <PROXY_SHARED_SECRET>`. */
  | { mode: 'shared-secret'; secret: string }
  /** A reverse proxy in front of this server authenticates users and sets this header (e.g. X-Forwarded-User). */
  | { mode: 'trusted-header'; header: string }
  /** Neither is configured: every API call is refused (401) rather than left open. */
  | { mode: 'unconfigured'; problem: string };

export interface ReasonCode {
  id?: string;
  transactionType: string;
  name: string;
  isDefault: boolean;
  active?: boolean;
}

/** The sandbox's reason-code shape (`server/routes/settings.ts`): a stable id, active. */
export function normaliseReasonCodes(list: ReasonCode[]): Required<ReasonCode>[] {
  return list.map((r) => ({
    ...r,
    id: r.id ?? createHash('md5').update(`${r.transactionType}\n${r.name}`).digest('hex'),
    active: r.active ?? true,
  }));
}

export interface ProxyOptions extends ProxyConfig {
  auth: ProxyAuth;
  reasonCodes: ReasonCode[];
  /** Refresh the tenant token this long before it expires (capped at half its lifetime). */
  refreshMarginMs: number;
  /** Largest request body forwarded (the upload limit is 4 MB; JSON bodies are far smaller). */
  maxRequestBytes: number;
  fetch: typeof fetch;
  now: () => number;
}

// The sandbox's own pre-populated reason codes (Zuora's defaults, docs/zuora/api-digest.md §7.3); PROXY_REASON_CODES
// (a JSON array of {transactionType, name, isDefault}) replaces them with the tenant's own list.
export const DEFAULT_REASON_CODES: ReasonCode[] = Object.entries(REASON_CODES).flatMap(([transactionType, names]) =>
  names.map((name, i) => ({ transactionType, name, isDefault: i === 0 })),
);

export function proxyAuthFromEnv(env: NodeJS.ProcessEnv): ProxyAuth {
  const mode = env.PROXY_AUTH;
  if (mode === 'shared-secret') {
    if (!env.PROXY_SHARED_SECRET || env.PROXY_SHARED_SECRET.length < 16) {
      return {
        mode: 'unconfigured',
        problem: 'PROXY_AUTH=shared-secret needs PROXY_SHARED_SECRET (at least 16 characters).',
      };
    }
    return { mode: 'shared-secret', secret: env.PROXY_SHARED_SECRET };
  }
  if (mode === 'trusted-header') {
    if (!env.PROXY_IDENTITY_HEADER)
      return { mode: 'unconfigured', problem: 'PROXY_AUTH=trusted-header needs PROXY_IDENTITY_HEADER.' };
    return { mode: 'trusted-header', header: env.PROXY_IDENTITY_HEADER.toLowerCase() };
  }
  return { mode: 'unconfigured', problem: 'Set PROXY_AUTH to shared-secret or trusted-header.' };
}

export function proxyOptionsFromEnv(proxy: ProxyConfig, env: NodeJS.ProcessEnv = process.env): ProxyOptions {
  return {
    ...proxy,
    auth: proxyAuthFromEnv(env),
    reasonCodes: normaliseReasonCodes(
      env.PROXY_REASON_CODES ? (JSON.parse(env.PROXY_REASON_CODES) as ReasonCode[]) : DEFAULT_REASON_CODES,
    ),
    refreshMarginMs: 60_000,
    maxRequestBytes: 5 * 1024 * 1024,
    fetch: globalThis.fetch.bind(globalThis),
    now: Date.now,
  };
}
