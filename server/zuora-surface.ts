import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ErrorCategory, ZuoraError } from './errors.ts';

// Two rules of Zuora's HTTP surface that hold on every route, in sandbox and proxy mode alike.

/**
 * `Zuora-Track-Id` (docs/zuora/api-digest.md "Wire conventions"): at most 64 US-ASCII characters without `:` `;`
 * `"` `'`; echoed on the answer when valid, refused with category 20 (invalid value) otherwise.
 */
export const trackId: MiddlewareHandler<AppEnv> = async (c, next) => {
  const value = c.req.header('zuora-track-id');
  if (value !== undefined && !isValidTrackId(value))
    throw new ZuoraError(
      ErrorCategory.InvalidValue,
      `Zuora-Track-Id must be at most 64 US-ASCII characters and not contain ':', ';', '"' or "'".`,
    );
  await next();
  if (value) c.header('Zuora-Track-Id', value);
};

export const isValidTrackId = (v: string) => v.length <= 64 && /^[\x20-\x7e]*$/.test(v) && !/[:;"']/.test(v);

/** The path prefixes that belong to Zuora's API: an unknown path there is Zuora's 404, never the SPA's page. */
export const API_PREFIXES = ['/v1', '/object-query', '/oauth', '/settings'] as const;

/** Registered after an app's routes: any method on an unknown API path answers 404 in Zuora's envelope. */
export function unknownApiPaths(app: Hono<AppEnv>): void {
  const notFound = (c: Context) =>
    c.json(new ZuoraError(ErrorCategory.NotFound, `No such resource: ${c.req.method} ${c.req.path}`).envelope(), 404);
  for (const prefix of API_PREFIXES) {
    app.all(prefix, notFound);
    app.all(`${prefix}/*`, notFound);
  }
}

/**
 * `SANDBOX_NULL_FIELDS=omit`: every JSON answer without its null fields, like Object Query by default and tenants on
 * other versions (docs/zuora/tenant-read-contract.md A5), so the SPA's tolerant reader is exercised by the sandbox.
 */
export const omitNullFields: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (!c.res.headers.get('content-type')?.includes('application/json')) return;
  // Object Query sends null fields when asked to (A5), on any tenant.
  if (c.req.path.startsWith('/object-query/') && c.req.query('includeNullFields')?.toLowerCase() === 'true') return;
  const body = withoutNulls(await c.res.clone().json());
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  c.res = new Response(JSON.stringify(body), { status: c.res.status, headers });
};

export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}
