import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { TokenResponse } from '../src/contract/oauth-token.ts';
import { scopeOf } from '../src/contract/permissions.ts';
import type { Config, SandboxClient } from './config.ts';
import type { AppEnv } from './context.ts';
import type { Database } from './db/connect.ts';
import { unauthenticated } from './errors.ts';

// Sandbox OAuth: client-credentials tokens signed with a per-database secret (so tokens survive a
// restart on the same data). A token carries the client id, an expiry and a jti; nothing secret.

export async function signingSecret(db: Database): Promise<Buffer> {
  const row = await db
    .selectFrom('sandbox_settings')
    .select('value')
    .where('key', '=', 'token_secret')
    .executeTakeFirst();
  if (row) return Buffer.from(row.value, 'hex');
  const value = randomBytes(32).toString('hex');
  await db
    .insertInto('sandbox_settings')
    .values({ key: 'token_secret', value })
    .onConflict((oc) => oc.doNothing())
    .execute();
  const again = await db
    .selectFrom('sandbox_settings')
    .select('value')
    .where('key', '=', 'token_secret')
    .executeTakeFirstOrThrow();
  return Buffer.from(again.value, 'hex');
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');
const sign = (secret: Buffer, payload: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export function issueToken(secret: Buffer, client: SandboxClient, ttlSeconds: number, now = Date.now()): TokenResponse {
  const jti = randomUUID().replace(/-/g, '');
  const payload = b64(JSON.stringify({ sub: client.clientId, exp: Math.floor(now / 1000) + ttlSeconds, jti }));
  return {
    access_token: `${payload}.${sign(secret, payload)}`,
    token_type: 'bearer',
    expires_in: ttlSeconds,
    scope: scopeOf(client.permissions),
    jti,
  };
}

/** The client a bearer token belongs to, or null when it is missing, malformed, forged or expired. */
export function verifyToken(
  secret: Buffer,
  token: string,
  clients: SandboxClient[],
  now = Date.now(),
): SandboxClient | null {
  const [payload, sig, extra] = token.split('.');
  if (!payload || !sig || extra !== undefined) return null;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(sig);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub?: string; exp?: number };
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    return clients.find((c) => c.clientId === claims.sub) ?? null;
  } catch {
    return null;
  }
}

export function findClient(config: Config, clientId: string, clientSecret: string): SandboxClient | undefined {
  const client = config.clients.find((c) => c.clientId === clientId);
  if (!client) return undefined;
  const a = Buffer.from(client.clientSecret);
  const b = Buffer.from(clientSecret);
  return a.length === b.length && timingSafeEqual(a, b) ? client : undefined;
}

/** Every /v1 and /object-query route needs `Authorization: Bearer <token>`; else 401, code 90000011. */
export function requireBearer(secretOf: () => Promise<Buffer>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)$/i.exec(header);
    const client = m ? verifyToken(await secretOf(), m[1], c.get('config').clients) : null;
    if (!client) throw unauthenticated();
    c.set('caller', {
      userId: client.userId,
      name: client.name,
      clientId: client.clientId,
      permissions: new Set(client.permissions),
    });
    await next();
  };
}
