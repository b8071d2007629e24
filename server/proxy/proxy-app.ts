import { timingSafeEqual } from 'node:crypto';
import { Hono, type MiddlewareHandler } from 'hono';
import type { Config } from '../config.ts';
import type { AppEnv } from '../context.ts';
import { ErrorCategory, ZuoraError, processId } from '../errors.ts';
import { forward } from './forward.ts';
import { proxyOptionsFromEnv, type ProxyOptions } from './proxy-options.ts';
import { TokenSource } from './token-source.ts';
import { hardenApp, requestSizeLimit } from '../security.ts';
import { compressResponses } from '../transport.ts';
import { trackId, unknownApiPaths } from '../zuora-surface.ts';

// Proxy mode: the same HTTP surface as the sandbox, answered by a real Zuora tenant. The
// client secret and the tenant token stay in this process; the sandbox's own routes (demo sign-in,
// /sandbox/*, /oauth/token) do not exist here.

export interface ProxyApp {
  app: Hono<AppEnv>;
  tokens: TokenSource;
}

export function createProxyApp(
  config: Config,
  overrides: Partial<ProxyOptions> = {},
  env: NodeJS.ProcessEnv = process.env,
): ProxyApp {
  if (!config.proxy)
    throw new Error('createProxyApp needs config.proxy (ZUORA_BASE_URL, ZUORA_CLIENT_ID, ZUORA_CLIENT_SECRET).');
  const opts: ProxyOptions = { ...proxyOptionsFromEnv(config.proxy, env), ...overrides };
  const tokens = new TokenSource(opts);
  const app = new Hono<AppEnv>();

  app.use('*', async (c, next) => {
    c.set('config', config);
    await next();
  });
  hardenApp(app, config);
  app.use('*', trackId);
  app.use('*', requestSizeLimit(config.bodyLimit)); // 413 before anything is read or forwarded
  // fetch() inflates the tenant's gzip; the browser gets it gzipped again. A gzip request body is forwarded as sent.
  app.use('*', compressResponses());
  app.onError((err, c) => {
    if (err instanceof ZuoraError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v);
      return c.json(err.envelope(), err.status as 400);
    }
    console.error('[proxy] unexpected error', err);
    return c.json(
      { success: false, processId: processId(), reasons: [{ code: 50000060, message: 'An internal error occurred.' }] },
      500,
    );
  });
  app.notFound((c) =>
    c.json(new ZuoraError(ErrorCategory.NotFound, `No such resource: ${c.req.method} ${c.req.path}`).envelope(), 404),
  );

  // `auth` tells the SPA's sign-in page what to ask for: an access key, or nothing (the reverse proxy signed the user in).
  app.get('/healthz', (c) => c.json({ status: 'ok', mode: 'proxy', auth: opts.auth.mode }));
  // Sandbox-only routes are refused explicitly, so the SPA fallback cannot answer them with HTML.
  const sandboxOnly = (c: Parameters<MiddlewareHandler>[0]) =>
    c.json(new ZuoraError(ErrorCategory.NotFound, `${c.req.path} exists only in sandbox mode.`).envelope(), 404);
  app.all('/sandbox/*', sandboxOnly);
  app.all('/oauth/*', sandboxOnly);

  const auth = browserAuth(opts);
  app.use('/v1/*', auth);
  app.use('/object-query/*', auth);
  app.use('/settings/*', auth);
  // Real Zuora has no reason-code resource: answer from the configured list (PROXY_REASON_CODES).
  app.get('/settings/reason-codes', (c) => {
    const type = c.req.query('transactionType');
    const list = opts.reasonCodes.filter((r) => !type || r.transactionType === type);
    return c.json({ reasonCodes: list.map((r) => ({ ...r, status: 'Active' })), success: true });
  });
  app.all('/v1/*', (c) => forward(c, tokens, opts));
  app.all('/object-query/*', (c) => forward(c, tokens, opts));
  unknownApiPaths(app);
  return { app, tokens };
}

/** Browser-to-proxy authentication: a shared bearer secret, or a trusted reverse proxy's identity header. */
function browserAuth(opts: ProxyOptions): MiddlewareHandler<AppEnv> {
  const refuse = (message: string) =>
    new ZuoraError(ErrorCategory.Authentication, message, { resource: 900000, status: 401 });
  return async (c, next) => {
    const auth = opts.auth;
    if (auth.mode === 'unconfigured') {
      console.warn(`[proxy] refusing ${c.req.path}: browser authentication is not configured. ${auth.problem}`);
      throw refuse('This server is not configured to accept browser requests (proxy authentication is not set up).');
    }
    if (auth.mode === 'shared-secret') {
      const m = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
      const given = Buffer.from(m?.[1] ?? '');
      const expected = Buffer.from(auth.secret);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw refuse('this resource is protected, please sign in first');
    } else {
      const user = c.req.header(auth.header)?.trim();
      if (!user) throw refuse('this resource is protected, please sign in first');
    }
    await next();
  };
}
