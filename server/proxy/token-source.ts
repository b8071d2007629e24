import { ErrorCategory, ZuoraError } from '../errors.ts';

// The tenant bearer token, obtained with client credentials (`POST {base}/oauth/token`) and held only
// here: cached, refreshed before it expires, dropped when the tenant answers 401. Concurrent requests
// share one token request.

export interface TokenSourceOptions {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
  refreshMarginMs: number;
  fetch: typeof fetch;
  now: () => number;
}

export class TokenSource {
  private cached: { token: string; refreshAt: number } | undefined;
  private inflight: Promise<string> | undefined;
  /** How many token requests went to the tenant (observability and tests). */
  requests = 0;

  constructor(private readonly opts: TokenSourceOptions) {}

  async get(): Promise<string> {
    if (this.cached && this.opts.now() < this.cached.refreshAt) return this.cached.token;
    this.inflight ??= this.fetchToken().finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  /** Forgets `token` (the tenant refused it), unless a newer one already replaced it. */
  invalidate(token: string): void {
    if (this.cached?.token === token) this.cached = undefined;
  }

  private async fetchToken(): Promise<string> {
    this.requests += 1;
    const { baseUrl, clientId, clientSecret, timeoutMs } = this.opts;
    let res: Response;
    try {
      res = await this.opts.fetch(`${baseUrl}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({
          client_id: clientId,
          client_secret: clientSecret,
          grant_type: 'client_credentials',
        }).toString(),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw upstreamFailure(err, 'while obtaining an access token');
    }
    const body = (await res.json().catch(() => null)) as { access_token?: unknown; expires_in?: unknown } | null;
    if (!res.ok || typeof body?.access_token !== 'string') {
      // Never echo the tenant's answer: it could quote the credentials.
      throw new ZuoraError(
        ErrorCategory.Internal,
        `The Zuora tenant refused the proxy's client credentials (HTTP ${res.status}).`,
        { resource: 900000, status: 502 },
      );
    }
    const lifetimeMs = (typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 3600) * 1000;
    // A 60 s margin, but never more than half the lifetime, or short-lived tokens would never be reused.
    const margin = Math.min(this.opts.refreshMarginMs, lifetimeMs / 2);
    this.cached = { token: body.access_token, refreshAt: this.opts.now() + lifetimeMs - margin };
    return body.access_token;
  }
}

export const isTimeout = (err: unknown) =>
  err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');

/** 504 (category 61) when the tenant did not answer in time, else 502: Zuora's envelope either way. */
export function upstreamFailure(err: unknown, when = ''): ZuoraError {
  if (isTimeout(err)) {
    return new ZuoraError(
      ErrorCategory.Temporary,
      `Upstream Zuora tenant did not answer in time${when ? ` ${when}` : ''}.`,
      { status: 504 },
    );
  }
  // The cause (host, port, TLS detail) goes to the server log, not to the browser.
  console.warn(
    `[proxy] upstream failure${when ? ` ${when}` : ''}:`,
    err instanceof Error && err.cause instanceof Error ? err.cause.message : err,
  );
  return new ZuoraError(ErrorCategory.Internal, `Could not reach the upstream Zuora tenant${when ? ` ${when}` : ''}.`, {
    status: 502,
  });
}
