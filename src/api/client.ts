import type { z } from 'zod';
import { zuoraErrorEnvelopeSchema } from '../contract/errors.ts';
import { ZUORA_VERSION } from '../contract/version.ts';
import { UnreadableSuccessError, ZuoraApiError } from '../lib/zuora-error.ts';
import { currentRateLimitWait, reportRateLimitWait, retryAfterMs } from './rate-limit.ts';

// The one HTTP client of the SPA. It speaks Zuora's v1 contract: bearer token, `zuora-version`,
// `Zuora-Track-Id`, and Zuora's two ways of failing (an HTTP 4xx/5xx, or a 200 with success:false),
// both turned into one ZuoraApiError. Every response is parsed by the contract schema it expects.

export { ZUORA_VERSION };

export interface ClientConfig {
  /** Prefix of every path ('' when the SPA and the API share an origin). */
  baseUrl: string;
  /** May be async: an embedding host's getAccessToken() is asked before every request. */
  getToken: () => string | null | Promise<string | null>;
  /** Called on any HTTP 401 (expired or missing token): the app sends the user to sign in. */
  onUnauthorized: () => void;
  /** Extra headers a host app needs (e.g. Zuora-Entity-Ids). */
  extraHeaders: () => Record<string, string>;
  fetch: typeof fetch;
  /**
   * Opt-in: how many times a POST/PATCH carrying an Idempotency-Key is resent, with the same key and
   * body, after a network failure or timeout (or a 409 "still in progress"). Zuora replays the first
   * result for a repeated key, so the retry cannot act twice. PUT settlements are never retried:
   * Zuora keys only POST and PATCH. 0 = off.
   */
  idempotentRetries: number;
  /** Per-attempt timeout of those retried requests, in ms (0 = none). */
  idempotentTimeoutMs: number;
  /**
   * How many times a request answered 429 is resent after its `Retry-After` (docs/zuora/tenant-read-contract.md
   * A7). A 429 means the request was not processed; only reads and keyed POST/PATCH are resent.
   */
  rateLimitRetries: number;
  /** A `Retry-After` longer than this is not waited for: the 429 reaches the caller. */
  rateLimitMaxWaitMs: number;
}

let config: ClientConfig = {
  baseUrl: '',
  getToken: () => null,
  onUnauthorized: () => {},
  extraHeaders: () => ({}),
  fetch: (...args) => globalThis.fetch(...args),
  idempotentRetries: 0,
  idempotentTimeoutMs: 0,
  rateLimitRetries: 3,
  rateLimitMaxWaitMs: 60_000,
};

/** Standalone app and embedding host set the token source, base URL and 401 handler here. */
export function configureClient(partial: Partial<ClientConfig>): void {
  config = { ...config, ...partial };
}

export interface RequestOptions<S extends z.ZodType> {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  schema: S;
  idempotencyKey?: string;
  signal?: AbortSignal;
  /** Query parameters; arrays repeat the parameter; undefined/empty values are left out. */
  query?: Record<string, string | number | boolean | readonly string[] | undefined | null>;
  /** Per-request headers, e.g. an older `zuora-version` where a resource changes shape by version. */
  headers?: Record<string, string>;
  /** Sees the response's headers (e.g. whether an idempotent request was replayed). */
  onHeaders?: (headers: Headers) => void;
}

/** A fresh key for a create/settle POST: Zuora replays the first result for a repeated key. */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID();
}

/** Zuora-Track-Id: ≤64 US-ASCII characters, no `:;"'`. */
function newTrackId(): string {
  return `cdm-${globalThis.crypto.randomUUID()}`;
}

export function buildUrl(path: string, query?: RequestOptions<z.ZodType>['query']): string {
  const params: string[] = [];
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    const values = Array.isArray(value) ? value : [String(value)];
    // encodeURIComponent turns Zuora's `+field` sort into `%2B`, which a server does not read as a space.
    for (const v of values) params.push(`${encodeURIComponent(key)}=${encodeURIComponent(v)}`);
  }
  const sep = path.includes('?') ? '&' : '?';
  return `${config.baseUrl}${path}${params.length ? sep + params.join('&') : ''}`;
}

export async function zuoraRequest<S extends z.ZodType>(path: string, options: RequestOptions<S>): Promise<z.infer<S>> {
  const res = await send(path, options);
  options.onHeaders?.(res.headers);
  const json = await readJson(res);
  throwIfFailed(res, json);
  const parsed = options.schema.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    const method = options.method ?? 'GET';
    if (method !== 'GET' && isSuccessBody(json)) throw new UnreadableSuccessError(res.status, detail, idOf(json));
    // A contract drift shows as a clear error naming the path, not as `undefined` deep in a component.
    throw new ZuoraApiError(res.status, [{ code: 0, message: `Unexpected response from ${path}: ${detail}` }]);
  }
  return parsed.data;
}

/** A 2xx body that says it succeeded (throwIfFailed has already turned `success: false` into an error). */
function isSuccessBody(json: unknown): json is Record<string, unknown> {
  return typeof json === 'object' && json !== null && (json as { success?: unknown }).success === true;
}

const idOf = (json: Record<string, unknown>) => (typeof json.id === 'string' && json.id ? json.id : null);

/** For non-JSON bodies (PDF files, CSV): the Response after the same headers and error handling. */
export async function zuoraRequestRaw(
  path: string,
  options: Omit<RequestOptions<z.ZodType>, 'schema'>,
): Promise<Response> {
  const res = await send(path, options);
  if (!res.ok) throwIfFailed(res, await readJson(res));
  return res;
}

async function send(path: string, options: Omit<RequestOptions<z.ZodType>, 'schema'>): Promise<Response> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'zuora-version': ZUORA_VERSION,
    'Zuora-Track-Id': newTrackId(),
    ...config.extraHeaders(),
    ...options.headers,
  };
  const token = await config.getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const method = options.method ?? 'GET';
  const retries = options.idempotencyKey && (method === 'POST' || method === 'PATCH') ? config.idempotentRetries : 0;
  const resendable = method === 'GET' || retries > 0;
  let res: Response;
  let waits = 0;
  for (let attempt = 0; ; attempt++) {
    try {
      res = await fetchOnce(
        buildUrl(path, options.query),
        { method, headers, body, signal: options.signal },
        retries > 0 ? config.idempotentTimeoutMs : 0,
      );
    } catch (err) {
      if (err instanceof DOMException && err.name === 'AbortError') throw err;
      if (attempt < retries) continue;
      throw new ZuoraApiError(0, [
        { code: 0, message: `The server could not be reached (${(err as Error).message}).` },
      ]);
    }
    // 409: the first attempt is still running on the server; its result will be replayed shortly.
    if (res.status === 409 && attempt < retries) {
      await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
      continue;
    }
    if (res.status === 429 && resendable && waits < config.rateLimitRetries) {
      const wait = retryAfterMs(res.headers.get('retry-after'));
      if (wait <= config.rateLimitMaxWaitMs) {
        waits++;
        attempt--; // a rate-limit wait is not one of the idempotent retries
        await res.body?.cancel();
        await waitRateLimit(path, wait, options.signal);
        continue;
      }
    }
    break;
  }
  if (res.status === 401) config.onUnauthorized();
  return res;
}

/** Waits out a 429's `Retry-After`, shown to the user meanwhile (rate-limit.ts); the caller's abort ends it. */
async function waitRateLimit(path: string, ms: number, signal?: AbortSignal): Promise<void> {
  const wait = { until: Date.now() + ms, path };
  reportRateLimitWait(wait);
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(resolve, ms);
      signal?.addEventListener(
        'abort',
        () => {
          clearTimeout(t);
          reject(signal.reason instanceof Error ? signal.reason : new DOMException('Aborted', 'AbortError'));
        },
        { once: true },
      );
    });
  } finally {
    if (currentRateLimitWait() === wait) reportRateLimitWait(null);
  }
}

/** One attempt; a per-attempt timeout surfaces as an error (retryable), the caller's abort as AbortError. */
async function fetchOnce(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  if (!timeoutMs) return config.fetch(url, init);
  const timer = new AbortController();
  const t = setTimeout(() => timer.abort(), timeoutMs);
  const signal = init.signal ? AbortSignal.any([init.signal, timer.signal]) : timer.signal;
  try {
    return await config.fetch(url, { ...init, signal });
  } catch (err) {
    if (timer.signal.aborted && !init.signal?.aborted)
      throw new Error(`no answer within ${timeoutMs} ms`, { cause: err });
    throw err;
  } finally {
    clearTimeout(t);
  }
}

async function readJson(res: Response): Promise<unknown> {
  const text = await res.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function throwIfFailed(res: Response, json: unknown): void {
  const envelope = zuoraErrorEnvelopeSchema.safeParse(json);
  if (envelope.success) throw new ZuoraApiError(res.status, envelope.data.reasons);
  if (res.ok) return;
  // Gateway-level failures may carry `{message}` or plain text instead of Zuora's envelope.
  const message =
    json && typeof json === 'object' && 'message' in json && typeof json.message === 'string'
      ? json.message
      : typeof json === 'string' && json.length < 300 && json.trim()
        ? json.trim()
        : `Request failed with HTTP ${res.status}`;
  const code = res.status === 401 ? 90000011 : 0;
  throw new ZuoraApiError(res.status, [{ code, message }]);
}
