import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  TENANT_CLIENT,
  BROWSER_SECRET,
  closedPort,
  startProxy,
  startSandboxUpstream,
  startStubUpstream,
  type Upstream,
} from '../testing/test-upstream.ts';
import type { ProxyApp } from './proxy-app.ts';
import { category } from '../testing/reason-category.ts';

// Token lifetime and upstream failures. The tenant here issues 2-second tokens (TOKEN_TTL_SECONDS).

let up: Upstream;
beforeAll(async () => {
  up = await startSandboxUpstream({ TOKEN_TTL_SECONDS: '2' });
});
afterAll(() => up.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function call(p: ProxyApp, path: string) {
  const res = await p.app.request(path, { headers: { authorization: `Bearer ${BROWSER_SECRET}` } });
  const text = await res.text();
  expect(text).not.toContain(TENANT_CLIENT.clientSecret);
  return {
    status: res.status,
    body: JSON.parse(text) as { success: boolean; reasons: { code: number; message: string }[] },
  };
}

const probe = '/v1/debit-memos/pdf-status?debitMemoKeys=DM99999999'; // an authenticated tenant round trip (404)

describe('tenant token lifetime', () => {
  it('refreshes the token before it expires (margin capped at half a short lifetime)', async () => {
    const p = startProxy(up.baseUrl);
    expect((await call(p, probe)).status).toBe(404);
    expect((await call(p, probe)).status).toBe(404);
    expect(p.tokens.requests).toBe(1);
    await sleep(1100); // past refreshAt = 2 s − min(60 s, 1 s)
    expect((await call(p, probe)).status).toBe(404);
    expect(p.tokens.requests).toBe(2);
  });

  it('retries once with a fresh token when the tenant answers 401 to a cached one', async () => {
    const frozen = Date.now();
    // The proxy's clock stands still, so it keeps using its token after the tenant let it expire.
    const p = startProxy(up.baseUrl, {}, { now: () => frozen });
    expect((await call(p, probe)).status).toBe(404);
    await sleep(2100);
    const r = await call(p, probe);
    expect(r.status).toBe(404);
    expect(r.body.reasons[0].message).toContain('DM99999999');
    expect(p.tokens.requests).toBe(2);
  });

  it('retries only once: a tenant that keeps answering 401 gets its 401 passed on', async () => {
    const stub = await startStubUpstream('unauthorized');
    try {
      const p = startProxy(stub.baseUrl);
      const r = await call(p, probe);
      expect(r.status).toBe(401);
      expect(r.body.reasons[0].code).toBe(90000011);
      expect(stub.apiCalls()).toBe(2);
      expect(p.tokens.requests).toBe(2);
    } finally {
      await stub.close();
    }
  });

  it('reports refused client credentials as 502 without echoing them', async () => {
    const p = startProxy(up.baseUrl, { ZUORA_CLIENT_SECRET: 'not-the-secret' });
    const r = await call(p, probe);
    expect(r.status).toBe(502);
    expect(r.body.reasons[0].message).toContain('refused the proxy');
    expect(JSON.stringify(r.body)).not.toContain('not-the-secret');
  });
});

describe('upstream failures', () => {
  it('answers 504 with category 61 when the tenant does not answer in time', async () => {
    const stub = await startStubUpstream('hang');
    try {
      const p = startProxy(stub.baseUrl, { ZUORA_TIMEOUT_MS: '300' });
      const started = Date.now();
      const r = await call(p, probe);
      expect(Date.now() - started).toBeLessThan(5000);
      expect(r.status).toBe(504);
      expect(category(r.body)).toBe(61);
      expect(r.body.reasons[0].message).toBe('Upstream Zuora tenant did not answer in time.');
    } finally {
      await stub.close();
    }
  });

  it('answers 502 in Zuora’s envelope when the tenant cannot be reached', async () => {
    const p = startProxy(`http://127.0.0.1:${await closedPort()}`);
    const r = await call(p, probe);
    expect(r.status).toBe(502);
    expect(r.body.success).toBe(false);
    expect(r.body.reasons[0].message).toContain('Could not reach the upstream Zuora tenant');
  });
});
