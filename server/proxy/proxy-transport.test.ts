import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMemo } from '../testing/document-fixtures.ts';
import { category } from '../testing/reason-category.ts';
import type { ProxyApp } from './proxy-app.ts';
import { BROWSER_SECRET, startProxy, startSandboxUpstream, type Upstream } from '../testing/test-upstream.ts';

// Proxy mode passes compression through (docs/zuora/api-digest.md §2): a gzip request body reaches the
// tenant as sent, with its Content-Encoding; a response over 1,000 bytes reaches the browser gzipped.

let up: Upstream;
let proxy: ProxyApp;
beforeAll(async () => {
  up = await startSandboxUpstream();
  proxy = startProxy(up.baseUrl);
}, 120_000);
afterAll(() => up?.close());

const headers = (more: Record<string, string> = {}) => ({ authorization: `Bearer ${BROWSER_SECRET}`, ...more });

describe('compression through the proxy', () => {
  it('forwards a gzip request body with its Content-Encoding, and the tenant reads it', async () => {
    const memo = await insertMemo(up.harness.conn.db, { status: 'Draft' });
    const res = await proxy.app.request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: headers({ 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      body: gzipSync(JSON.stringify({ comment: 'through the proxy' })),
    });
    expect(res.status).toBe(200);
    const seen = up.seen.findLast((s) => s.method === 'PUT')!;
    expect(seen.headers.get('content-encoding')).toBe('gzip');
    const row = await up.harness.conn.db
      .selectFrom('memos')
      .select('comment')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(row.comment).toBe('through the proxy');
  });

  it("passes the tenant's refusal of a body that is not gzip (category 90)", async () => {
    const memo = await insertMemo(up.harness.conn.db, { status: 'Draft' });
    const res = await proxy.app.request(`/v1/debit-memos/${memo.id}`, {
      method: 'PUT',
      headers: headers({ 'content-type': 'application/json', 'content-encoding': 'gzip' }),
      body: JSON.stringify({ comment: 'plain' }),
    });
    expect(res.status).toBe(400);
    expect(category((await res.json()) as { reasons: { code: number }[] })).toBe(90);
  });

  it('gzips a response over 1,000 bytes for a browser that accepts gzip, and only then', async () => {
    const memo = await insertMemo(up.harness.conn.db);
    const zipped = await proxy.app.request(`/v1/debit-memos/${memo.id}`, {
      headers: headers({ 'accept-encoding': 'gzip, deflate, br' }),
    });
    expect(zipped.status).toBe(200);
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('vary')).toMatch(/accept-encoding/i);
    const plain = gunzipSync(Buffer.from(await zipped.arrayBuffer()));
    expect(plain.length).toBeGreaterThan(1000);
    expect(JSON.parse(plain.toString('utf8'))).toMatchObject({ success: true, id: memo.id });

    const asIs = await proxy.app.request(`/v1/debit-memos/${memo.id}`, { headers: headers() });
    expect(asIs.headers.get('content-encoding')).toBeNull();
    expect(((await asIs.json()) as { id: string }).id).toBe(memo.id);
  });
});
