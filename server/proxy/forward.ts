import type { Context } from 'hono';
import { invalidValue } from '../errors.ts';
import type { ProxyOptions } from './proxy-options.ts';
import { isTimeout, upstreamFailure, type TokenSource } from './token-source.ts';

// Forwards one browser request to the tenant verbatim (method, path, query, body), with the proxy's
// bearer token instead of the browser's credentials and only the headers Zuora's contract uses.

/** Request headers passed through to the tenant. The browser's Authorization and cookies never are. */
const PASS_REQUEST = [
  'content-type',
  'content-encoding',
  'accept',
  'accept-language',
  'zuora-track-id',
  'idempotency-key',
  'zuora-version',
  'zuora-entity-ids',
  'zuora-org-ids',
];

/** Response headers not copied back: hop-by-hop, re-encoded by fetch, or the tenant's session cookies. */
const DROP_RESPONSE = new Set([
  'connection',
  'keep-alive',
  'transfer-encoding',
  'content-encoding',
  'content-length',
  'set-cookie',
  'strict-transport-security',
]);

export async function forward(c: Context, tokens: TokenSource, opts: ProxyOptions): Promise<Response> {
  const url = new URL(c.req.url);
  const target = `${opts.baseUrl}${url.pathname}${url.search}`;
  const headers = new Headers();
  for (const name of PASS_REQUEST) {
    const v = c.req.header(name);
    if (v !== undefined) headers.set(name, v);
  }
  // The body is buffered (≤ 5 MB) rather than streamed upstream so that it can be re-sent after a 401.
  let body: ArrayBuffer | undefined;
  if (c.req.method !== 'GET' && c.req.method !== 'HEAD') {
    if (Number(c.req.header('content-length') ?? 0) > opts.maxRequestBytes)
      throw invalidValue('The request body is too large.');
    body = await c.req.arrayBuffer();
    if (body.byteLength > opts.maxRequestBytes) throw invalidValue('The request body is too large.');
  }

  let token = await tokens.get();
  let res = await send(target, c.req.method, headers, body, token, opts);
  if (res.status === 401) {
    // The tenant no longer accepts the cached token (revoked, clock skew): one fresh token, one retry.
    await res.body?.cancel();
    tokens.invalidate(token);
    token = await tokens.get();
    res = await send(target, c.req.method, headers, body, token, opts);
  }
  const out = new Headers();
  res.headers.forEach((v, k) => {
    if (!DROP_RESPONSE.has(k)) out.set(k, v);
  });
  // The response body streams through (PDF downloads are not buffered here).
  return new Response(res.body, { status: res.status, statusText: res.statusText, headers: out });
}

async function send(
  url: string,
  method: string,
  base: Headers,
  body: ArrayBuffer | undefined,
  token: string,
  opts: ProxyOptions,
): Promise<Response> {
  const headers = new Headers(base);
  headers.set('authorization', `Bearer ${token}`);
  // The timeout covers waiting for the response head; once it arrives the body streams at its own pace.
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new DOMException('upstream timeout', 'TimeoutError')),
    opts.timeoutMs,
  );
  try {
    return await opts.fetch(url, { method, headers, body, signal: controller.signal, redirect: 'manual' });
  } catch (err) {
    throw upstreamFailure(controller.signal.aborted && !isTimeout(err) ? controller.signal.reason : err);
  } finally {
    clearTimeout(timer);
  }
}
