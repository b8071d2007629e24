import type { Hono, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Config, SecurityOptions } from './config.ts';
import type { AppEnv } from './context.ts';
import { ErrorCategory, ZuoraError } from './errors.ts';
import { MAX_UPLOAD_BYTES } from '../src/contract/uploads.ts';

// HTTP hardening shared by the sandbox and the proxy.

/**
 * A CSP with no inline scripts (Vite emits external module scripts only). Styles need 'unsafe-inline'
 * because Emotion (MUI) injects <style> elements at run time; blob: lets the PDF viewer open a
 * downloaded file.
 */
export function contentSecurityPolicy(opts: SecurityOptions): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${opts.frameAncestors.join(' ')}`,
  ].join('; ');
}

export function securityHeaders(opts: SecurityOptions): MiddlewareHandler<AppEnv> {
  const csp = contentSecurityPolicy(opts);
  return async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    const type = c.res.headers.get('content-type') ?? '';
    if (type.includes('text/html')) c.header('Content-Security-Policy', csp);
  };
}

/** CORS for configured origins only; other cross-origin browsers get no CORS headers (and so no access). */
export function cors(opts: SecurityOptions): MiddlewareHandler<AppEnv> {
  const allowed = new Set(opts.corsOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const ok = origin !== undefined && allowed.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method')) {
      if (!ok) return c.body(null, 403);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE',
        'Access-Control-Allow-Headers':
          'Authorization, Content-Type, Idempotency-Key, Zuora-Track-Id, zuora-version, Zuora-Entity-Ids, Zuora-Org-Ids',
        'Access-Control-Max-Age': '600',
        Vary: 'Origin',
      });
    }
    await next();
    if (ok) {
      c.header('Access-Control-Allow-Origin', origin);
      c.header(
        'Access-Control-Expose-Headers',
        'Zuora-Track-Id, Zuora-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
      );
      c.header('Vary', 'Origin', { append: true });
    }
  };
}

/**
 * Per-client fixed-window rate limit (Zuora answers 429 with Retry-After, category 70). Keyed by the
 * caller's client id once authenticated, else by the remote address.
 */
export function rateLimit(opts: { limit: number; windowMs: number; now?: () => number }): MiddlewareHandler<AppEnv> {
  const windows = new Map<string, { start: number; count: number }>();
  const now = opts.now ?? Date.now;
  return async (c, next) => {
    const key = c.get('caller')?.clientId ?? c.req.header('x-forwarded-for') ?? 'anonymous';
    const t = now();
    let w = windows.get(key);
    if (!w || t - w.start >= opts.windowMs) {
      w = { start: t, count: 0 };
      windows.set(key, w);
      if (windows.size > 10_000) windows.clear(); // bounded memory under hostile key churn
    }
    w.count += 1;
    const resetSeconds = Math.max(1, Math.ceil((w.start + opts.windowMs - t) / 1000));
    c.header('RateLimit-Limit', String(opts.limit));
    c.header('RateLimit-Remaining', String(Math.max(0, opts.limit - w.count)));
    c.header('RateLimit-Reset', String(resetSeconds));
    if (w.count > opts.limit) {
      throw new ZuoraError(ErrorCategory.RateLimit, 'Too many requests: the rate limit of this client is exceeded.', {
        status: 429,
        headers: { 'Retry-After': String(resetSeconds) },
      });
    }
    await next();
  };
}

/** Headers and CORS on every response of an app (sandbox or proxy); registered before any route. */
export function hardenApp(app: Hono<AppEnv>, config: Config): void {
  app.use('*', securityHeaders(config.security));
  app.use('*', cors(config.security));
}

/**
 * The per-client limit of `config.rateLimitPerMinute`; mount it after the bearer check so it keys by
 * client. 0 turns it off (load benchmarks and the soak measure the server, not the limiter).
 */
export function clientRateLimit(config: Config): MiddlewareHandler<AppEnv> {
  if (!(config.rateLimitPerMinute > 0)) return (_c, next) => next();
  return rateLimit({ limit: config.rateLimitPerMinute, windowMs: 60_000 });
}

/** The body limit of a request by its type: uploads get the file limit plus form overhead. */
export function maxBodyBytes(contentType: string | undefined, jsonLimit: number): number {
  return (contentType ?? '').startsWith('multipart/form-data') ? MAX_UPLOAD_BYTES + 64 * 1024 : jsonLimit;
}

/**
 * Request size limit: JSON bodies up to `config.bodyLimit` (1 MiB by default), multipart uploads up to
 * the 4 MB file limit plus form overhead. Over it: 413 with Zuora's envelope, category 20.
 */
export function requestSizeLimit(jsonLimit: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) =>
        c.json(
          new ZuoraError(ErrorCategory.InvalidValue, `The request body exceeds the limit of ${max} bytes.`, {
            status: 413,
          }).envelope(),
          413,
        ),
    });
  const json = tooLarge(jsonLimit);
  const upload = tooLarge(maxBodyBytes('multipart/form-data', jsonLimit));
  return (c, next) =>
    (c.req.header('content-type') ?? '').startsWith('multipart/form-data') ? upload(c, next) : json(c, next);
}
