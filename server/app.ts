import { Hono } from 'hono';
import type { Config } from './config.ts';
import type { AppEnv } from './context.ts';
import type { Database } from './db/connect.ts';
import { ErrorCategory, ZuoraError, processId } from './errors.ts';
import { findClient, issueToken, requireBearer, signingSecret } from './auth.ts';
import { registerApiRoutes } from './routes/index.ts';
import { idempotency } from './idempotency.ts';
import { createProxyApp } from './proxy/proxy-app.ts';
import { clientRateLimit, hardenApp, requestSizeLimit } from './security.ts';
import { sqlInputError } from './db/sql-errors.ts';
import { objectQueryError, objectQueryEnvelope } from './object-query/errors.ts';
import { readJsonBody } from './validation.ts';
import { compressResponses, gunzipRequests } from './transport.ts';
import { omitNullFields, trackId, unknownApiPaths } from './zuora-surface.ts';

export interface AppDeps {
  db: Database;
  config: Config;
}

/** The HTTP app: Zuora's v1 contract over the sandbox database. Tests call it with `app.request()`. */
export function createApp({ db, config }: AppDeps) {
  // Proxy mode: the same surface answered by a real tenant; the database is not used.
  if (config.proxy) return createProxyApp(config).app;
  const app = new Hono<AppEnv>();
  let secret: Promise<Buffer> | undefined;
  const secretOf = () => (secret ??= signingSecret(db));

  app.use('*', async (c, next) => {
    c.set('db', db);
    c.set('config', config);
    await next();
  });
  hardenApp(app, config);
  app.use('*', trackId);
  // Every body has a size limit, the sign-in endpoints' too (they are reached without a token).
  app.use('*', requestSizeLimit(config.bodyLimit));
  app.use('*', compressResponses(), gunzipRequests(config.bodyLimit));
  // Inside compression, so nulls are dropped from the JSON before it is gzipped.
  if (config.nullFields === 'omit') app.use('*', omitNullFields);

  app.onError((err, c) => {
    // A value the database refused (a NUL in a filter, say) is the client's error, in the envelope of its path.
    const refusal = err instanceof ZuoraError ? err : sqlInputError(err);
    if (refusal) {
      for (const [k, v] of Object.entries(refusal.headers)) c.header(k, v);
      const body = objectQueryError(c.req.path, refusal) ? objectQueryEnvelope(refusal) : refusal.envelope();
      return c.json(body, refusal.status as 400);
    }
    if (err instanceof SyntaxError) {
      return c.json(new ZuoraError(ErrorCategory.Malformed, 'Malformed JSON request body.').envelope(), 400);
    }
    console.error('unexpected error', err);
    return c.json(
      { success: false, processId: processId(), reasons: [{ code: 50000060, message: 'An internal error occurred.' }] },
      500,
    );
  });

  app.notFound((c) =>
    c.json(new ZuoraError(ErrorCategory.NotFound, `No such resource: ${c.req.method} ${c.req.path}`).envelope(), 404),
  );

  app.get('/healthz', (c) => c.json({ status: 'ok', mode: config.proxy ? 'proxy' : 'sandbox' }));

  app.post('/oauth/token', async (c) => {
    const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
    const clientId = String(form.client_id ?? '');
    const clientSecret = String(form.client_secret ?? '');
    if (form.grant_type !== 'client_credentials') {
      return c.json(
        { success: false, reasons: [{ code: 90000020, message: "grant_type must be 'client_credentials'" }] },
        400,
      );
    }
    const client = findClient(config, clientId, clientSecret);
    if (!client)
      return c.json({ success: false, reasons: [{ code: 90000011, message: 'Invalid client credentials.' }] }, 401);
    return c.json(issueToken(await secretOf(), client, config.tokenTtlSeconds));
  });

  // Demo sign-in for the browser in sandbox mode: lists the demo users and issues their tokens
  // without the SPA ever holding a client secret.
  app.get('/sandbox/users', (c) =>
    c.json({
      users: config.clients.map((u) => ({ id: u.userId, name: u.name, role: u.role, permissions: u.permissions })),
      success: true,
    }),
  );
  app.post('/sandbox/token', async (c) => {
    const body = (await readJsonBody(c).catch(() => ({}))) as { userId?: unknown };
    const client = config.clients.find((u) => u.userId === body.userId);
    if (!client) throw new ZuoraError(ErrorCategory.NotFound, 'Unknown demo user.');
    return c.json(issueToken(await secretOf(), client, config.tokenTtlSeconds));
  });

  // One limiter for every authenticated path: a client's budget is shared across them.
  const limit = clientRateLimit(config);
  app.use('/v1/*', requireBearer(secretOf), limit);
  app.use('/v1/*', idempotency());
  app.use('/object-query/*', requireBearer(secretOf), limit);
  app.use('/settings/*', requireBearer(secretOf), limit);
  app.use('/sandbox/outbox', requireBearer(secretOf), limit);
  registerApiRoutes(app);
  unknownApiPaths(app);
  return app;
}

export type App = ReturnType<typeof createApp>;
