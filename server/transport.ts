import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './context.ts';
import { ErrorCategory, ZuoraError } from './errors.ts';
import { maxBodyBytes } from './security.ts';

// Compression on the wire, as Zuora's contract has it (docs/zuora/api-digest.md §2: every operation takes
// `Accept-Encoding` and `Content-Encoding`): a response body over 1,000 bytes is gzipped when the request
// accepts gzip, and a request body sent with `Content-Encoding: gzip` is read as the JSON it compresses.

/** Zuora compresses only bodies larger than this many bytes. */
export const COMPRESS_OVER_BYTES = 1000;

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Text bodies worth compressing; PDFs and uploaded files are already compressed or binary. */
const COMPRESSIBLE = /^(application\/(json|javascript|xml|problem\+json)|text\/)/i;

/** True when the Accept-Encoding header takes `encoding` (by name or by `*`) with a q above 0. */
export function acceptsEncoding(header: string | undefined, encoding: 'gzip' | 'br'): boolean {
  if (!header) return false;
  let star: boolean | undefined;
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    const ok = q === undefined || Number(q) > 0;
    if (name.trim() === encoding) return ok;
    if (name.trim() === '*') star = ok;
  }
  return star ?? false;
}

/**
 * Gzips text responses over {@link COMPRESS_OVER_BYTES} when the client accepts gzip, and says
 * `Vary: Accept-Encoding` on every compressible response so a shared cache keeps the two apart.
 * Responses that already carry a Content-Encoding (precompressed static files) pass untouched.
 */
export function compressResponses(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const res = c.res;
    if (c.req.method === 'HEAD' || !res.body || res.status === 206 || res.headers.has('content-encoding')) return;
    if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
    c.header('Vary', 'Accept-Encoding', { append: true });
    if (!acceptsEncoding(c.req.header('accept-encoding'), 'gzip')) return;
    const declared = res.headers.get('content-length');
    if (declared !== null && Number(declared) <= COMPRESS_OVER_BYTES) return;
    const plain = Buffer.from(await res.arrayBuffer());
    if (plain.length <= COMPRESS_OVER_BYTES) {
      c.res = new Response(plain, res);
      return;
    }
    const packed = await gzipAsync(plain);
    c.res = new Response(packed, res);
    c.res.headers.set('Content-Encoding', 'gzip');
    c.res.headers.set('Content-Length', String(packed.length));
    const etag = c.res.headers.get('etag');
    if (etag && !etag.startsWith('W/')) c.res.headers.set('ETag', `W/${etag}`);
  };
}

/**
 * Reads a request body sent with `Content-Encoding: gzip` as the body it compresses. A body that is
 * not gzip is refused like malformed JSON (category 90); one that inflates past the body limit gets
 * the same 413 as an uncompressed body of that size. Mount after the size limit on the raw bytes.
 */
export function gunzipRequests(jsonLimit: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const encoding = c.req.header('content-encoding')?.trim().toLowerCase();
    if (!encoding || encoding === 'identity') return next();
    if (encoding !== 'gzip')
      throw new ZuoraError(ErrorCategory.Malformed, `Content-Encoding '${encoding}' is not supported: send gzip.`, {
        status: 415,
      });
    const max = maxBodyBytes(c.req.header('content-type'), jsonLimit);
    const packed = Buffer.from(await c.req.raw.arrayBuffer());
    let body: Buffer;
    try {
      body = await gunzipAsync(packed, { maxOutputLength: max });
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZuoraError(ErrorCategory.InvalidValue, `The request body exceeds the limit of ${max} bytes.`, {
          status: 413,
        });
      throw new ZuoraError(ErrorCategory.Malformed, 'The request body is not valid gzip (Content-Encoding: gzip).', {
        status: 400,
      });
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete('content-encoding');
    headers.set('content-length', String(body.length));
    c.req.raw = new Request(c.req.raw.url, {
      method: c.req.method,
      headers,
      body: new Uint8Array(body),
      signal: c.req.raw.signal,
    });
    await next();
  };
}
