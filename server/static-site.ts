import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context, Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { acceptsEncoding } from './transport.ts';
import { HEALTH_META } from '../src/contract/served-page.ts';

// The built SPA and the embeddable library, served next to the API by server/main.ts.
// - Files under /assets/ carry a content hash in their name (Vite): cached for a year, immutable.
// - Everything else, index.html first, is revalidated on every use (no-cache), index.html with an ETag.
// - `npm run build` writes .br and .gz copies beside each file (scripts/build-compress.ts); the one the
//   browser accepts is sent, with Vary: Accept-Encoding.
// - index.html carries the server's /healthz answer in a <meta> element, so the SPA knows the mode
//   (sandbox or proxy, and how the browser signs in) without a round trip before its first request.

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export interface SiteOptions {
  /** The SPA build (dist/app). */
  root: string;
  /** The embeddable library build (dist/lib), served under /lib/. */
  libRoot: string;
}

/** Registers the static routes and the SPA fallback on `app`, after its API routes. */
export async function serveSite(app: Hono<AppEnv>, { root, libRoot }: SiteOptions): Promise<void> {
  let index: IndexDocument | null = null;
  const sendIndex = (c: Context<AppEnv>) => {
    if (!index) return c.text('The SPA is not built: run `npm run build`.', 503);
    return index.respond(c);
  };
  app.use(
    '/lib/*',
    cacheHeaders(() => false),
    serveStatic({ root: libRoot, precompressed: true, rewriteRequestPath: (p) => p.replace(/^\/lib/, '') }),
  );
  app.get('/', sendIndex);
  app.get('/index.html', sendIndex);
  app.use(
    '/*',
    cacheHeaders((path) => path.startsWith('/assets/')),
    serveStatic({ root, precompressed: true }),
  );
  // SPA fallback: any other GET gets index.html (client-side routes).
  app.get('*', sendIndex);
  // Asked once the routes are in place (a Hono app takes no routes after its first request).
  const health = await (await app.request('/healthz')).text();
  index = await readFile(`${root}/index.html`, 'utf8').then(
    (html) => indexDocument(html, health),
    () => null,
  );
}

/**
 * Cache-Control and Vary on what serveStatic found (a file it did not find falls through untouched).
 * `hashed` says which paths have a content hash in their name.
 */
function cacheHeaders(hashed: (path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('last-modified') || c.res.headers.has('cache-control')) return;
    c.header('Cache-Control', hashed(c.req.path) ? IMMUTABLE : REVALIDATE);
    if (!/accept-encoding/i.test(c.res.headers.get('vary') ?? ''))
      c.header('Vary', 'Accept-Encoding', { append: true });
  };
}

interface IndexDocument {
  html: string;
  etag: string;
  respond(c: Context<AppEnv>): Response;
}

/** index.html with the health answer injected, its ETag, and its br/gzip bodies computed once. */
export function indexDocument(template: string, healthJson: string): IndexDocument {
  const meta = `<meta name="${HEALTH_META}" content="${escapeAttribute(healthJson)}" />`;
  const html = template.includes('</head>') ? template.replace('</head>', `    ${meta}\n  </head>`) : meta + template;
  // Weak: the br, gzip and plain bodies are the same document.
  const etag = `W/"${createHash('sha256').update(html).digest('base64url').slice(0, 22)}"`;
  const bodies = { br: brotliCompressSync(html), gzip: gzipSync(html, { level: 9 }) };
  return {
    html,
    etag,
    respond(c) {
      const headers: Record<string, string> = { 'Cache-Control': REVALIDATE, ETag: etag, Vary: 'Accept-Encoding' };
      const ifNoneMatch = c.req.header('if-none-match');
      if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === etag || t.trim() === '*'))
        return c.body(null, 304, headers);
      const accepted = c.req.header('accept-encoding');
      const encoding = (['br', 'gzip'] as const).find((e) => acceptsEncoding(accepted, e));
      if (!encoding) return c.html(html, 200, headers);
      return c.body(new Uint8Array(bodies[encoding]), 200, {
        ...headers,
        'Content-Type': 'text/html; charset=UTF-8',
        'Content-Encoding': encoding,
      });
    },
  };
}

const escapeAttribute = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
