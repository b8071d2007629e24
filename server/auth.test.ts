import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(async () => {
  await h?.close();
});

describe('sandbox OAuth', () => {
  it('issues a client-credentials token with Zuora fields', async () => {
    const res = await h.app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=00000000-0000-4000-a000-000000000001&client_secret=sandbox-admin&grant_type=client_credentials',
    });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3600 });
    expect(typeof body.access_token).toBe('string');
    expect(body.scope).toContain('debitmemo.writeoff');
  });

  it('refuses a wrong secret', async () => {
    const res = await h.app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'client_id=00000000-0000-4000-a000-000000000001&client_secret=nope&grant_type=client_credentials',
    });
    expect(res.status).toBe(401);
  });

  it('refuses /v1 without a bearer token with 90000011', async () => {
    const res = await h.app.request('/v1/debit-memos');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ success: false, reasons: [{ code: 90000011 }] });
  });

  it('refuses a forged token', async () => {
    const t = await h.token('viewer');
    const res = await h.app.request('/v1/debit-memos', { headers: { authorization: `Bearer ${t}x` } });
    expect(res.status).toBe(401);
  });
});
