import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compressAssets } from '../scripts/build-compress.ts';
import { IMMUTABLE, serveSite } from './static-site.ts';
import { HEALTH_META } from '../src/contract/served-page.ts';
import { createHarness, type Harness } from './testing/harness.ts';

// The built SPA as served: the build's .br/.gz copies (scripts/build-compress.ts) chosen by
// Accept-Encoding, hashed files cached for a year, index.html revalidated with an ETag and carrying
// the server's /healthz answer.

let h: Harness;
let dir: string;
const script = `export const rows = [${Array.from({ length: 400 }, (_, i) => `'row ${i}'`).join(',')}];\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cdm-site-'));
  mkdirSync(join(dir, 'app', 'assets'), { recursive: true });
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'app', 'index.html'),
    '<!doctype html><html><head><title>x</title></head><body><script type="module" src="/assets/index-AbC123.js"></script></body></html>',
  );
  writeFileSync(join(dir, 'app', 'assets', 'index-AbC123.js'), script);
  writeFileSync(join(dir, 'app', 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"></svg>');
  writeFileSync(join(dir, 'lib', 'credit-debit-memos.js'), script);
  expect((await compressAssets(join(dir, 'app'))).sort()).toEqual([
    'assets/index-AbC123.js',
    'favicon.svg',
    'index.html',
  ]);
  await compressAssets(join(dir, 'lib'));
  h = await createHarness({ seed: 'none' });
  await serveSite(h.app, { root: join(dir, 'app'), libRoot: join(dir, 'lib') });
}, 120_000);
afterAll(async () => {
  await h?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const get = (path: string, headers: Record<string, string> = {}) => h.app.request(path, { headers });
const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer());

describe('hashed assets', () => {
  test('brotli when accepted, else gzip, else as is; always immutable for a year and Vary: Accept-Encoding', async () => {
    const br = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toMatch(/javascript/);
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(script);

    const gz = await get('/assets/index-AbC123.js', { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(await bytes(gz)).toString()).toBe(script);

    const plain = await get('/assets/index-AbC123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect((await bytes(plain)).toString()).toBe(script);

    for (const res of [br, gz, plain]) {
      expect(res.headers.get('cache-control')).toBe(IMMUTABLE);
      expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    }
  });

  test('the build wrote copies smaller than the file', () => {
    const base = join(dir, 'app', 'assets', 'index-AbC123.js');
    const size = readFileSync(base).length;
    expect(readFileSync(`${base}.br`).length).toBeLessThan(size / 3);
    expect(readFileSync(`${base}.gz`).length).toBeLessThan(size / 3);
  });
});

describe('files without a hash', () => {
  test('public files and the library are revalidated (no-cache), compressed too', async () => {
    const icon = await get('/favicon.svg', { 'accept-encoding': 'br' });
    expect(icon.headers.get('cache-control')).toBe('no-cache');
    expect(icon.headers.get('content-encoding')).toBe('br');
    const lib = await get('/lib/credit-debit-memos.js', { 'accept-encoding': 'gzip' });
    expect(lib.headers.get('cache-control')).toBe('no-cache');
    expect(gunzipSync(await bytes(lib)).toString()).toBe(script);
  });
});

describe('index.html', () => {
  test('every client-side route gets it with no-cache, an ETag, and the mode in a meta element', async () => {
    for (const path of ['/', '/index.html', '/credit-memos', '/debit-memos/abc']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('etag')).toMatch(/^W\/".+"$/);
      const html = await res.text();
      const content = new RegExp(`<meta name="${HEALTH_META}" content="([^"]*)"`).exec(html)?.[1];
      expect(JSON.parse(content!.replace(/&quot;/g, '"').replace(/&amp;/g, '&'))).toMatchObject({ mode: 'sandbox' });
    }
  });

  test('answers 304 without a body when the ETag still matches', async () => {
    const first = await get('/credit-memos');
    const etag = first.headers.get('etag')!;
    const again = await get('/credit-memos', { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.headers.get('etag')).toBe(etag);
    expect(await again.text()).toBe('');
    expect((await get('/credit-memos', { 'if-none-match': 'W/"other"' })).status).toBe(200);
  });

  test('is sent brotli- or gzip-compressed when accepted, the same document either way', async () => {
    const plain = await (await get('/credit-memos')).text();
    const br = await get('/credit-memos', { 'accept-encoding': 'gzip, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(await bytes(br)).toString()).toBe(plain);
    const gz = await get('/credit-memos', { 'accept-encoding': 'gzip' });
    expect(gunzipSync(await bytes(gz)).toString()).toBe(plain);
  });
});
