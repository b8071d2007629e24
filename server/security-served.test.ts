import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { DEFAULT_CLIENTS } from './config.ts';
import { createHarness, type Harness } from './testing/harness.ts';
import { freePort, startSandbox, type SandboxProcess } from '../scripts/lib/sandbox-process.ts';

// The served SPA and the process's output: the real server process (`server/main.ts`, in
// proxy mode in front of an in-process sandbox acting as the tenant) serves the SPA's HTML with a CSP
// without inline scripts, nosniff, Referrer-Policy and the configured frame-ancestors; CORS answers
// only the configured origins; and neither process ever prints a client secret or an issued token.

const HOST = 'https://host.example.com';
const BROWSER_SECRET = 'browser-secret-7f3c9a1e5b2d4c6e8a0b';
const tenant = DEFAULT_CLIENTS[0];
let upstream: Harness;
let upstreamServer: ServerType;
let proxy: SandboxProcess;
let staticDir: string;
const issuedTokens: string[] = [];
const logged: string[] = [];

beforeAll(async () => {
  // Everything the in-process sandbox prints is captured too.
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, level).mockImplementation(
      (...args: unknown[]) =>
        void logged.push(
          args
            .map((a) =>
              a instanceof Error ? `${a.message} ${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a),
            )
            .join(' '),
        ),
    );
  }
  upstream = await createHarness({ seed: 'none' });
  const upstreamPort = await freePort();
  await new Promise<void>((resolve) => {
    upstreamServer = serve(
      {
        port: upstreamPort,
        hostname: '127.0.0.1',
        fetch: async (req: Request) => {
          const res = await upstream.app.fetch(req);
          if (new URL(req.url).pathname === '/oauth/token' && res.ok)
            issuedTokens.push(((await res.clone().json()) as { access_token: string }).access_token);
          return res;
        },
      },
      () => resolve(),
    );
  });
  staticDir = mkdtempSync(join(tmpdir(), 'cdm-static-'));
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="/assets/app.js"></script></head><body><div id="root"></div></body></html>',
  );
  proxy = await startSandbox({
    ZUORA_BASE_URL: `http://127.0.0.1:${upstreamPort}`,
    ZUORA_CLIENT_ID: tenant.clientId,
    ZUORA_CLIENT_SECRET: tenant.clientSecret,
    PROXY_AUTH: 'shared-secret',
    PROXY_SHARED_SECRET: BROWSER_SECRET,
    STATIC_DIR: staticDir,
    FRAME_ANCESTORS: HOST,
    CORS_ORIGINS: HOST,
    LOG_LEVEL: 'debug',
  });
}, 180_000);

afterAll(async () => {
  await proxy?.stop();
  if (upstreamServer) await new Promise((r) => upstreamServer.close(r));
  await upstream?.close();
  if (staticDir) rmSync(staticDir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('the served SPA', () => {
  test('HTML carries a CSP without inline scripts, nosniff, Referrer-Policy and the configured frame-ancestors', async () => {
    for (const path of ['/', '/credit-memos/some-id?action=apply']) {
      const res = await fetch(`${proxy.base}${path}`, { headers: { accept: 'text/html' } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = csp
        .split(';')
        .map((d) => d.trim())
        .find((d) => d.startsWith('script-src'));
      expect(scriptSrc).toBe("script-src 'self'");
      expect(csp).toContain(`frame-ancestors ${HOST}`);
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
    const api = await fetch(`${proxy.base}/v1/credit-memos`, {
      headers: { authorization: `Bearer ${BROWSER_SECRET}` },
    });
    expect(api.headers.get('x-content-type-options')).toBe('nosniff');
  });

  test('CORS answers only the configured origins', async () => {
    const preflight = (origin: string) =>
      fetch(`${proxy.base}/v1/credit-memos`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });
    const ok = await preflight(HOST);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(HOST);
    const evil = await preflight('https://evil.example.com');
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    const get = await fetch(`${proxy.base}/v1/credit-memos`, {
      headers: { origin: 'https://evil.example.com', authorization: `Bearer ${BROWSER_SECRET}` },
    });
    expect(get.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await fetch(`${proxy.base}/v1/credit-memos`, {
      headers: { origin: HOST, authorization: `Bearer ${BROWSER_SECRET}` },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(HOST);
  });
});

describe('logs', () => {
  test('no client secret, shared secret or issued token is ever printed by the proxy or the sandbox', async () => {
    const call = (path: string, auth: string, init: RequestInit = {}) =>
      fetch(`${proxy.base}${path}`, {
        ...init,
        headers: { authorization: auth, 'content-type': 'application/json', ...init.headers },
      });
    expect((await call('/v1/credit-memos', `Bearer ${BROWSER_SECRET}`)).status).toBe(200);
    expect((await call('/v1/credit-memos', 'Bearer wrong-secret')).status).toBe(401);
    await call('/v1/credit-memos', `Bearer ${BROWSER_SECRET}`, { method: 'POST', body: '{not json' });
    await call('/v1/debit-memos/nope/write-off', `Bearer ${BROWSER_SECRET}`, {
      method: 'PUT',
      body: JSON.stringify({ amount: -1 }),
    });
    await call('/object-query/accounts?filter[]=bad', `Bearer ${BROWSER_SECRET}`);
    // The sandbox directly: tokens for every demo user, a refused secret, failing requests.
    for (const c of DEFAULT_CLIENTS) {
      const res = await upstream.app.request('/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: c.clientId,
          client_secret: c.clientSecret,
        }),
      });
      issuedTokens.push(((await res.json()) as { access_token: string }).access_token);
    }
    await upstream.app.request('/oauth/token', {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: tenant.clientId,
        client_secret: 'wrong',
      }),
    });
    await upstream.call('GET', '/v1/credit-memos/a%00b');
    await upstream.call('PUT', '/v1/credit-memos/x/apply', '{');
    expect(issuedTokens.length).toBeGreaterThan(DEFAULT_CLIENTS.length);

    const output = `${proxy.output()}\n${logged.join('\n')}`;
    expect(output.length).toBeGreaterThan(0); // the proxy prints its start line at least
    const secrets = [
      ...DEFAULT_CLIENTS.map((c) => c.clientSecret),
      BROWSER_SECRET,
      ...issuedTokens,
      ...issuedTokens.map((t) => t.split('.')[1]),
    ];
    for (const s of secrets) expect(output.includes(s), `printed: ${s.slice(0, 8)}…`).toBe(false);
  });
});
