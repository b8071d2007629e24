import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from './testing/harness.ts';
import { insertMemo, type FixtureMemo } from './testing/document-fixtures.ts';
import { category } from './testing/reason-category.ts';
import { acceptsEncoding } from './transport.ts';

// Compression on the wire (docs/zuora/api-digest.md §2): responses over 1,000 bytes gzipped when the
// request accepts gzip; gzip request bodies read as what they compress; a body that is not gzip refused.

let h: Harness;
let memo: FixtureMemo;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  memo = await insertMemo(h.conn.db, { status: 'Draft' });
  for (let i = 0; i < 3; i++) await insertMemo(h.conn.db);
}, 120_000);
afterAll(() => h?.close());

async function request(path: string, init: { method?: string; headers?: Record<string, string>; body?: BodyInit }) {
  const headers = { authorization: `Bearer ${await h.token()}`, ...init.headers };
  return h.app.request(path, { ...init, headers });
}

describe('acceptsEncoding gzip', () => {
  test.each([
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1, gzip;q=0.5', true],
    ['gzip;q=0', false],
    ['*', true],
    ['*;q=0', false],
    ['br, *;q=0', false],
    ['deflate', false],
    [undefined, false],
  ])('%s → %s', (header, expected) => expect(acceptsEncoding(header, 'gzip')).toBe(expected));
});

describe('gzipped responses', () => {
  test('a list over 1,000 bytes is gzipped when the request accepts gzip, and says Vary: Accept-Encoding', async () => {
    const res = await request('/v1/debit-memos?pageSize=20', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    const packed = Buffer.from(await res.arrayBuffer());
    expect(Number(res.headers.get('content-length'))).toBe(packed.length);
    const plain = gunzipSync(packed);
    expect(plain.length).toBeGreaterThan(1000);
    expect(JSON.parse(plain.toString('utf8'))).toMatchObject({ success: true, debitmemos: expect.any(Array) });
  });

  test('the same list is sent as is without Accept-Encoding: gzip', async () => {
    for (const ae of [undefined, 'br', 'gzip;q=0']) {
      const res = await request('/v1/debit-memos?pageSize=20', { headers: ae ? { 'accept-encoding': ae } : {} });
      expect(res.headers.get('content-encoding')).toBeNull();
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(((await res.json()) as { success: boolean }).success).toBe(true);
    }
  });

  test('a body of 1,000 bytes or less is not compressed', async () => {
    const res = await h.app.request('/healthz', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(((await res.json()) as { status: string }).status).toBe('ok');
  });

  test('an error envelope over 1,000 bytes is gzipped too, and CORS keeps its own Vary entry', async () => {
    const res = await request(`/v1/debit-memos/${'x'.repeat(1200)}`, {
      headers: { 'accept-encoding': 'gzip', origin: 'https://nowhere.example' },
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const body = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
    expect(body.success).toBe(false);
    expect(category(body)).toBe(40);
  });
});

describe('gzipped request bodies', () => {
  const json = (more: Record<string, string>) => ({ 'content-type': 'application/json', ...more });

  test('a body with Content-Encoding: gzip is read as the JSON it compresses', async () => {
    const res = await request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: json({ 'content-encoding': 'gzip' }),
      body: gzipSync(JSON.stringify({ comment: 'sent gzipped' })),
    });
    expect(res.status).toBe(200);
    const row = await h.conn.db
      .selectFrom('memos')
      .select('comment')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(row.comment).toBe('sent gzipped');
  });

  test('a body that is not valid gzip is refused with category 90 (malformed) and changes nothing', async () => {
    const res = await request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: json({ 'content-encoding': 'gzip' }),
      body: JSON.stringify({ comment: 'not gzipped' }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { success: boolean; reasons: { code: number; message: string }[] };
    expect(body.success).toBe(false);
    expect(category(body)).toBe(90);
    expect(body.reasons[0].message).toMatch(/gzip/);
    const row = await h.conn.db
      .selectFrom('memos')
      .select('comment')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(row.comment).not.toBe('not gzipped');
  });

  test('a gzip body that inflates past the body limit is refused with 413', async () => {
    const bomb = gzipSync(JSON.stringify({ comment: 'a'.repeat(h.config.bodyLimit + 10) }));
    expect(bomb.length).toBeLessThan(h.config.bodyLimit);
    const res = await request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: json({ 'content-encoding': 'gzip' }),
      body: bomb,
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { success: boolean }).success).toBe(false);
  });

  test('an encoding other than gzip is refused with 415', async () => {
    const res = await request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: json({ 'content-encoding': 'compress' }),
      body: 'x',
    });
    expect(res.status).toBe(415);
    expect(category((await res.json()) as { reasons: { code: number }[] })).toBe(90);
  });
});
