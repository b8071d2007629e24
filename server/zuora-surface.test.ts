import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './testing/harness.ts';
import { API_PREFIXES } from './zuora-surface.ts';
import { creditMemoListSchema, debitMemoListSchema } from '../src/contract/memos.ts';

// Zuora's surface on every route: Zuora-Track-Id checked and echoed; an unknown API path is Zuora's 404, even with
// the SPA fallback that server/main.ts puts behind the API (every other GET gets the app's HTML page).

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  h.app.get('*', (c) => c.html('<!doctype html><title>SPA</title>'));
}, 120_000);
afterAll(() => h?.close());

describe('Zuora-Track-Id', () => {
  it('is echoed when valid', async () => {
    const id = 'a'.repeat(64);
    const r = await h.call('GET', '/v1/credit-memos', undefined, { headers: { 'Zuora-Track-Id': id } });
    expect(r.status).toBe(200);
    expect(r.headers.get('zuora-track-id')).toBe(id);
  });

  it.each(['a'.repeat(65), 'has:colon', 'semi;colon', 'double"quote', "single'quote", 'naïve'])(
    'is refused with category 20: %s',
    async (id) => {
      const r = await h.call('GET', '/v1/credit-memos', undefined, { headers: { 'Zuora-Track-Id': id } });
      expect(r.status).toBe(400);
      expect(r.body.success).toBe(false);
      expect(String(r.body.reasons[0].code)).toMatch(/20$/);
    },
  );

  it('Zuora-Entity-Ids and Zuora-Org-Ids are accepted', async () => {
    const r = await h.call('GET', '/v1/credit-memos', undefined, {
      headers: { 'Zuora-Entity-Ids': 'e1', 'Zuora-Org-Ids': 'o1' },
    });
    expect(r.status).toBe(200);
  });
});

describe('an unknown API path', () => {
  const paths = API_PREFIXES.flatMap((p) => [`${p}/no-such-thing`, `${p}/no/such/thing`]);
  it.each(paths.flatMap((p) => ['GET', 'POST', 'PUT', 'DELETE', 'PATCH'].map((m) => [m, p] as const)))(
    '%s %s is 404 in Zuora’s envelope',
    async (method, path) => {
      const r = await h.call(method, path, method === 'GET' || method === 'DELETE' ? undefined : {});
      expect(r.status).toBe(404);
      expect(r.headers.get('content-type')).toMatch(/json/);
      expect(r.body).toMatchObject({ success: false, reasons: [{ code: expect.any(Number) }] });
    },
  );
});

describe('SANDBOX_NULL_FIELDS=omit', () => {
  let sparse: Harness;
  beforeAll(async () => {
    sparse = await createHarness({ env: { SANDBOX_NULL_FIELDS: 'omit' } });
  }, 180_000);
  afterAll(() => sparse?.close());

  it('answers without null fields, and the SPA still reads the answer', async () => {
    const r = await sparse.call('GET', '/v1/credit-memos?pageSize=40');
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body)).not.toMatch(/:null\b/);
    expect(r.body.creditmemos.some((m: Record<string, unknown>) => !('referredInvoiceId' in m))).toBe(true);
    expect(creditMemoListSchema.safeParse(r.body).success).toBe(true);
    const dm = await sparse.call('GET', '/v1/debit-memos?pageSize=40');
    expect(JSON.stringify(dm.body)).not.toMatch(/:null\b/);
    expect(debitMemoListSchema.safeParse(dm.body).success).toBe(true);
  });

  it('still sends an Object Query its null fields when it asks for them (includeNullFields=true)', async () => {
    const asked = await sparse.call('GET', '/object-query/debit-memos?pageSize=5&includeNullFields=true');
    expect(asked.body.data[0]).toHaveProperty('eInvoiceStatus', null);
    const plain = await sparse.call('GET', '/object-query/debit-memos?pageSize=5');
    expect(JSON.stringify(plain.body)).not.toMatch(/:null\b/);
  });
});
