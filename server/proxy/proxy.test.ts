import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMemo } from '../testing/document-fixtures.ts';
import { isPdf, pdfTextOf } from '../testing/pdf-text.ts';
import type { ProxyApp } from './proxy-app.ts';
import {
  BROWSER_SECRET,
  TENANT_CLIENT,
  startProxy,
  startSandboxUpstream,
  type Upstream,
} from '../testing/test-upstream.ts';
import { category } from '../testing/reason-category.ts';

// Proxy mode end to end: the proxy app in-process, a second sandbox over HTTP as "the real tenant".

let up: Upstream;
let proxy: ProxyApp;
/** Everything the browser side received, to prove no credential ever reaches it. */
const received: string[] = [];

beforeAll(async () => {
  up = await startSandboxUpstream();
  proxy = startProxy(up.baseUrl);
});
afterAll(() => up.close());

async function call(
  p: ProxyApp,
  path: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {},
  auth: string | null = BROWSER_SECRET,
) {
  const headers: Record<string, string> = { ...(auth ? { authorization: `Bearer ${auth}` } : {}), ...init.headers };
  const res = await p.app.request(path, { ...init, headers });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const text = Buffer.from(bytes).toString('latin1');
  received.push(text, JSON.stringify([...res.headers]));
  let body: any = null; // eslint-disable-line @typescript-eslint/no-explicit-any
  try {
    body = JSON.parse(text);
  } catch {
    /* PDF */
  }
  return { status: res.status, headers: res.headers, body, bytes };
}

const apiCalls = () => up.seen.filter((s) => s.path !== '/oauth/token');

describe('proxy mode surface', () => {
  it('reports proxy mode and has no sandbox routes or demo sign-in', async () => {
    expect((await call(proxy, '/healthz', {}, null)).body).toMatchObject({ mode: 'proxy', auth: 'shared-secret' });
    for (const [method, path] of [
      ['GET', '/sandbox/users'],
      ['POST', '/sandbox/token'],
      ['GET', '/sandbox/outbox'],
      ['POST', '/oauth/token'],
    ]) {
      const r = await call(proxy, path, { method });
      expect(r.status).toBe(404);
      expect(r.body.success).toBe(false);
    }
  });

  it('answers /settings/reason-codes locally from the configured list', async () => {
    const r = await call(proxy, '/settings/reason-codes?transactionType=CreditMemo');
    expect(r.status).toBe(200);
    expect(r.body.reasonCodes[0]).toMatchObject({
      name: 'Correcting Invoice Error',
      isDefault: true,
      transactionType: 'CreditMemo',
      status: 'Active',
    });
    expect(r.body.reasonCodes.every((c: { transactionType: string }) => c.transactionType === 'CreditMemo')).toBe(true);
    const custom = startProxy(up.baseUrl, {
      PROXY_REASON_CODES: JSON.stringify([{ transactionType: 'DebitMemo', name: 'Late fee', isDefault: true }]),
    });
    expect((await call(custom, '/settings/reason-codes')).body.reasonCodes).toEqual([
      {
        id: expect.stringMatching(/^[0-9a-f]{32}$/),
        transactionType: 'DebitMemo',
        name: 'Late fee',
        isDefault: true,
        active: true,
        status: 'Active',
      },
    ]);
  });
});

describe('browser authentication', () => {
  it('shared secret: refuses a missing or wrong bearer with 401 before contacting the tenant', async () => {
    const before = up.seen.length;
    for (const auth of [null, 'wrong-secret', `${BROWSER_SECRET}x`]) {
      const r = await call(proxy, '/v1/debit-memos/DM00000001', {}, auth);
      expect(r.status).toBe(401);
      expect(category(r.body)).toBe(11);
    }
    expect(up.seen.length).toBe(before);
  });

  it('trusted header: needs the identity header set by the reverse proxy', async () => {
    const p = startProxy(up.baseUrl, { PROXY_AUTH: 'trusted-header', PROXY_IDENTITY_HEADER: 'X-Forwarded-User' });
    expect((await call(p, '/v1/debit-memos/DM99999999/files', {}, null)).status).toBe(401);
    const ok = await call(
      p,
      '/v1/debit-memos/DM99999999/files',
      { headers: { 'X-Forwarded-User': 'ada@acme.example' } },
      null,
    );
    expect(ok.status).toBe(404); // the tenant's answer: the request went through
    expect(ok.body.reasons[0].message).toContain('DM99999999');
  });

  it('unconfigured: refuses everything with 401 rather than running open', async () => {
    const p = startProxy(up.baseUrl, { PROXY_AUTH: '' });
    const r = await call(p, '/v1/debit-memos/DM99999999/files');
    expect(r.status).toBe(401);
    expect(r.body.reasons[0].message).toContain('not configured');
  });
});

describe('forwarding to the tenant', () => {
  it('obtains one token and reuses it across sequential and concurrent requests', async () => {
    const p = startProxy(up.baseUrl);
    const tokenCallsBefore = up.seen.filter((s) => s.path === '/oauth/token').length;
    await Promise.all(Array.from({ length: 5 }, () => call(p, '/v1/debit-memos/pdf-status?debitMemoKeys=DM99999999')));
    await call(p, '/v1/debit-memos/pdf-status?debitMemoKeys=DM99999999');
    expect(p.tokens.requests).toBe(1);
    expect(up.seen.filter((s) => s.path === '/oauth/token').length - tokenCallsBefore).toBe(1);
  });

  it('passes Zuora headers through, replaces the browser credential with the tenant token, echoes the track id', async () => {
    const memo = await insertMemo(up.harness.conn.db);
    const headers = {
      'Zuora-Track-Id': 'track-proxy-1',
      'zuora-version': '257.0',
      'Zuora-Entity-Ids': 'entity-1',
      'Zuora-Org-Ids': 'org-1',
      'Idempotency-Key': 'idem-proxy-1',
      cookie: 'session=browser',
    };
    const r = await call(proxy, `/v1/debit-memos/${memo.number}/pdfs`, { method: 'POST', headers });
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ success: true });
    expect(r.headers.get('zuora-track-id')).toBe('track-proxy-1');
    const seen = apiCalls().at(-1)!;
    expect(seen.path).toBe(`/v1/debit-memos/${memo.number}/pdfs`);
    expect(seen.headers.get('zuora-track-id')).toBe('track-proxy-1');
    expect(seen.headers.get('zuora-version')).toBe('257.0');
    expect(seen.headers.get('zuora-entity-ids')).toBe('entity-1');
    expect(seen.headers.get('zuora-org-ids')).toBe('org-1');
    expect(seen.headers.get('idempotency-key')).toBe('idem-proxy-1');
    expect(seen.headers.get('cookie')).toBeNull();
    expect(seen.headers.get('authorization')).toMatch(/^Bearer \S+\.\S+$/);
    expect(seen.headers.get('authorization')).not.toContain(BROWSER_SECRET);
  });

  it('lets the tenant honour Idempotency-Key: a replayed POST does not generate a second PDF', async () => {
    const memo = await insertMemo(up.harness.conn.db);
    const post = (key: string) =>
      call(proxy, `/v1/debit-memos/${memo.number}/pdfs`, { method: 'POST', headers: { 'Idempotency-Key': key } });
    expect((await post('idem-pdf-1')).body).toEqual({ success: true });
    expect((await post('idem-pdf-1')).body).toEqual({ success: true });
    expect((await call(proxy, `/v1/debit-memos/${memo.number}/files`)).body.debitMemoFiles).toHaveLength(1);
    await post('idem-pdf-2');
    expect((await call(proxy, `/v1/debit-memos/${memo.number}/files`)).body.debitMemoFiles).toHaveLength(2);
  });

  it('forwards query strings, JSON bodies and the tenant’s error envelope verbatim', async () => {
    const memo = await insertMemo(up.harness.conn.db, { status: 'Draft' });
    const r = await call(proxy, `/v1/debitmemos/${memo.number}/emails`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ emailAddresses: 'ap@acme.example' }),
    });
    expect(r.status).toBe(400);
    expect(category(r.body)).toBe(30);
    const missing = await call(proxy, '/v1/debit-memos/pdf-status');
    expect([missing.status, category(missing.body)]).toEqual([400, 23]);
  });

  it('streams PDF downloads and multipart uploads both ways', async () => {
    const memo = await insertMemo(up.harness.conn.db);
    await call(proxy, `/v1/debit-memos/${memo.number}/pdfs`, { method: 'POST' });
    const form = new FormData();
    const upload = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(300_000, 0x20)]);
    form.append('file', new Blob([upload], { type: 'application/pdf' }), 'scan.pdf');
    const up1 = await call(proxy, `/v1/debit-memos/${memo.number}/files`, { method: 'POST', body: form });
    expect(up1.status).toBe(200);
    const list = await call(proxy, `/v1/debit-memos/${memo.number}/files`);
    const [uploaded, generated] = list.body.debitMemoFiles as { id: string; pdfFileUrl: string }[];
    expect(uploaded.id).toBe(up1.body.fileId);
    const pdf = await call(proxy, generated.pdfFileUrl);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`${memo.number}-v1.pdf`);
    expect(isPdf(pdf.bytes)).toBe(true);
    expect(pdfTextOf(pdf.bytes)).toContain(memo.number);
    const back = await call(proxy, uploaded.pdfFileUrl);
    expect(Buffer.from(back.bytes).equals(upload)).toBe(true);
  });
});

describe('secrets', () => {
  // Runs last: scans everything the browser side received in this file.
  it('never sent the tenant client secret or a tenant token to the browser side', () => {
    const tokens = up.seen
      .map((s) => s.headers.get('authorization')?.replace(/^Bearer /, ''))
      .filter((t): t is string => Boolean(t));
    expect(tokens.length).toBeGreaterThan(0);
    expect(received.length).toBeGreaterThan(20);
    const all = received.join('\n');
    expect(all).not.toContain(TENANT_CLIENT.clientSecret);
    for (const t of tokens) expect(all).not.toContain(t);
  });
});
