import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app.ts';
import { issueToken, signingSecret } from './auth.ts';
import { loadConfig } from './config.ts';
import { createHarness, type Harness } from './testing/harness.ts';
import { isPdf, pdfTextOf } from './testing/pdf-text.ts';
import { ROLE_PERMISSIONS, type DemoRole, type Permission } from '../src/contract/permissions.ts';
import { expectEnvelope } from './reliability/fuzz-kit.ts';
import { concreteRoutes, permissionOfRoute, type ConcreteRoute } from './reliability/route-permissions.ts';
import { snapshot } from './testing/memo-writes-fixtures.ts';

// Security of the sandbox API: authentication on every registered /v1 and /object-query
// route (enumerated from the Hono app, not a hand list), token expiry, role permissions on every write
// route, body size limit, per-client rate limit, hostile strings stored and returned verbatim.

let h: Harness;
let routes: ConcreteRoute[];
beforeAll(async () => {
  h = await createHarness();
  routes = await concreteRoutes(h);
}, 180_000);
afterAll(() => h?.close());

const request = (
  app: { request: (p: string, i?: RequestInit) => Response | Promise<Response> },
  r: { method: string; path: string },
  headers: Record<string, string>,
  body?: string,
) =>
  app.request(r.path, {
    method: r.method,
    headers: { 'content-type': 'application/json', ...headers },
    body: r.method === 'GET' || r.method === 'DELETE' ? undefined : (body ?? '{}'),
  });

describe('authentication', () => {
  test('the app registers the routes we expect to protect', () => {
    expect(routes.length).toBeGreaterThan(80);
    expect(routes.some((r) => r.path.startsWith('/object-query/'))).toBe(true);
  });

  test('every /v1 and /object-query route refuses a missing, malformed, forged or expired token with 401, code 90000011', async () => {
    const client = h.config.clients[0];
    const expired = issueToken(await signingSecret(h.conn.db), client, 60, Date.now() - 61_000).access_token;
    const forged = issueToken(Buffer.alloc(32, 7), client, 3600).access_token;
    const valid = await h.token();
    const variants: Record<string, Record<string, string>> = {
      missing: {},
      malformed: { authorization: 'Bearer not-a-token' },
      basic: { authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}` },
      tampered: { authorization: `Bearer ${valid.slice(0, -2)}xx` },
      forged: { authorization: `Bearer ${forged}` },
      expired: { authorization: `Bearer ${expired}` },
    };
    for (const r of routes) {
      for (const [name, headers] of Object.entries(variants)) {
        const res = await request(h.app, r, headers);
        const where = `${name}: ${r.method} ${r.template}`;
        expect(res.status, where).toBe(401);
        const body = await res.json();
        expectEnvelope(body, where);
        expect(body.reasons[0].code, where).toBe(90000011);
      }
    }
  });

  test('tokens expire after TOKEN_TTL_SECONDS', async () => {
    const config = loadConfig({ TOKEN_TTL_SECONDS: '2' });
    const app = createApp({ db: h.conn.db, config });
    const c = config.clients[0];
    const res = await app.request('/oauth/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: c.clientId,
        client_secret: c.clientSecret,
      }),
    });
    const token = (await res.json()) as { access_token: string; expires_in: number };
    expect(token.expires_in).toBe(2);
    const auth = { authorization: `Bearer ${token.access_token}` };
    expect((await app.request('/v1/credit-memos?pageSize=1', { headers: auth })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2100));
    expect((await app.request('/v1/credit-memos?pageSize=1', { headers: auth })).status).toBe(401);
  });
});

describe('permissions', () => {
  test('every write route names the permission it needs', () => {
    const writes = routes.filter((r) => r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(30);
    for (const r of writes) expect(permissionOfRoute(r.method, r.template), `${r.method} ${r.template}`).not.toBeNull();
  });

  for (const role of ['viewer', 'clerk'] as DemoRole[]) {
    test(`the ${role} is refused (category 10, nothing changed) every write it lacks, and not refused for permission otherwise`, async () => {
      const held = new Set<Permission>(ROLE_PERMISSIONS[role]);
      let refused = 0;
      for (const r of routes.filter((x) => x.method !== 'GET')) {
        const needed = permissionOfRoute(r.method, r.template)!;
        const before = held.has(needed) ? null : await snapshot(h);
        const res = await h.call(r.method, r.path, r.method === 'DELETE' ? undefined : {}, { role });
        const where = `${role} ${r.method} ${r.template} (${needed})`;
        if (held.has(needed)) {
          expect(res.body?.reasons?.[0]?.code % 100, where).not.toBe(10);
          continue;
        }
        refused += 1;
        expect(res.status, where).toBe(403);
        expectEnvelope(res.body, where);
        expect(res.body.reasons[0].code % 100, where).toBe(10);
        expect(await snapshot(h), where).toEqual(before);
      }
      expect(refused).toBeGreaterThan(role === 'viewer' ? 30 : 8);
    });
  }
});

describe('limits', () => {
  test('a JSON body over BODY_LIMIT_BYTES is refused with 413 in Zuora envelope, before the handler runs', async () => {
    const app = createApp({ db: h.conn.db, config: loadConfig({ BODY_LIMIT_BYTES: '2048' }) });
    const before = await snapshot(h);
    const big = JSON.stringify({
      accountNumber: 'A00000001',
      charges: [{ productRatePlanChargeId: 'x', amount: 1 }],
      comment: 'x'.repeat(4000),
    });
    const res = await app.request('/v1/credit-memos', {
      method: 'POST',
      headers: { authorization: `Bearer ${await h.token()}`, 'content-type': 'application/json' },
      body: big,
    });
    expect(res.status).toBe(413);
    const body = await res.json();
    expectEnvelope(body, '413');
    expect(body.reasons[0].code % 100).toBe(20);
    expect(await snapshot(h)).toEqual(before);
    // The default limit (1 MiB) refuses a 2 MiB body on the shared app too.
    const huge = await h.call('POST', '/v1/debit-memos', JSON.stringify({ comment: 'y'.repeat(2 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    // The sign-in endpoints, reached without a token, have the same limit.
    const form = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `client_id=${'z'.repeat(4000)}`,
    });
    expect(form.status).toBe(413);
    const demo = await app.request('/sandbox/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'z'.repeat(4000) }),
    });
    expect(demo.status).toBe(413);
  });

  test('the per-client rate limit answers 429 with Retry-After (category 70) after auth; other clients keep their budget', async () => {
    const app = createApp({ db: h.conn.db, config: loadConfig({ RATE_LIMIT_PER_MINUTE: '5' }) });
    const as = async (role: DemoRole) => ({ authorization: `Bearer ${await h.token(role)}` });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 7; i++) {
      last = await app.request('/v1/credit-memos?pageSize=1', { headers: await as('admin') });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = await last!.json();
    expectEnvelope(body, '429');
    expect(body.reasons[0].code % 100).toBe(70);
    expect((await app.request('/v1/credit-memos?pageSize=1', { headers: await as('viewer') })).status).toBe(200);
    // Unauthenticated requests are refused by auth (401), not counted against anybody.
    expect((await app.request('/v1/credit-memos?pageSize=1')).status).toBe(401);
  });
});

describe('hostile strings', () => {
  const HOSTILE = `'; DROP TABLE memos; -- <img src=x onerror=alert(1)> <script>alert("x")</script> ' OR '1'='1`;

  test('SQL- and HTML-looking strings are stored and returned verbatim, and print as text in the PDF', async () => {
    const account = await h.conn.db
      .selectFrom('accounts')
      .select('account_number')
      .where('currency', '=', 'USD')
      .orderBy('account_number')
      .executeTakeFirstOrThrow();
    const charge = await h.conn.db
      .selectFrom('product_rate_plan_charges')
      .select('id')
      .where('name', '=', 'Enterprise Licence')
      .executeTakeFirstOrThrow();
    const created = await h.call('POST', '/v1/credit-memos', {
      accountNumber: account.account_number,
      comment: HOSTILE,
      charges: [{ productRatePlanChargeId: charge.id, amount: 1, description: HOSTILE }],
    });
    expect(created.status, JSON.stringify(created.body)).toBe(200);
    expect(created.body.comment).toBe(HOSTILE);
    const got = await h.call('GET', `/v1/credit-memos/${created.body.id}`);
    expect(got.body.comment).toBe(HOSTILE);
    const items = await h.call('GET', `/v1/credit-memos/${created.body.id}/items`);
    expect(items.body.items[0].description).toBe(HOSTILE);
    // Searching with the same string is a plain value, not SQL.
    const search = await h.call('GET', `/v1/credit-memos?accountSearch=${encodeURIComponent(HOSTILE)}`);
    expect(search.status).toBe(200);
    expect(await h.conn.db.selectFrom('memos').select('id').limit(1).execute()).toHaveLength(1);

    expect((await h.call('POST', `/v1/credit-memos/${created.body.id}/pdfs`)).status).toBe(200);
    const files = await h.call('GET', `/v1/credit-memos/${created.body.id}/files`);
    const res = await h.app.request(files.body.creditMemoFiles[0].pdfFileUrl, {
      headers: { authorization: `Bearer ${await h.token()}` },
    });
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(isPdf(bytes)).toBe(true);
    const text = pdfTextOf(bytes);
    expect(text).toContain('<img src=x onerror=alert(1)>');
    expect(text).toContain("'; DROP TABLE memos; --");
    // A PDF with no JavaScript or launch actions: the text cannot run.
    const raw = Buffer.from(bytes).toString('latin1');
    expect(raw).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction)\b/);
  });
});
