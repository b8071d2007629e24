import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { sql } from 'kysely';
import type { AppEnv } from './context.ts';
import { ErrorCategory, ZuoraError } from './errors.ts';

// Zuora's idempotent requests (docs/zuora/api-digest.md §2.1): on POST and PATCH an `Idempotency-Key` (≤ 255
// characters, per API client) stores the first request's response (status, headers, body, success
// or failure) and replays it for 24 hours. The sandbox honours it on PUT too (apply, unapply, write-off,
// reverse, update), which Zuora documents only for POST and PATCH: a settlement resent with its key
// after a lost answer must not move money twice. The key row is inserted before the handler runs: its
// primary key (client_id, key) makes a concurrent duplicate fail fast with 409 instead of running
// twice. The same key with another method, path or body is refused with 422. A 5xx is not kept,
// so a retry after a server fault runs again.

export const IDEMPOTENCY_TTL_HOURS = 24;
const REPLAYED_HEADERS = ['content-type', 'zuora-request-id'];

const envelope = (category: number, message: string, status: number) => new ZuoraError(category, message, { status });

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const method = c.req.method;
    const key = c.req.header('idempotency-key');
    if ((method !== 'POST' && method !== 'PATCH' && method !== 'PUT') || key === undefined) return next();
    if (key.length === 0 || key.length > 255) {
      throw envelope(ErrorCategory.InvalidValue, 'The Idempotency-Key header must be 1 to 255 characters long.', 400);
    }
    const db = c.get('db');
    const clientId = c.get('caller').clientId;
    const url = new URL(c.req.url);
    const path = url.pathname + url.search;
    // Hono caches the body, so the route still reads it after we hash it.
    const bodyHash = createHash('sha256')
      .update(new Uint8Array(await c.req.arrayBuffer()))
      .digest('hex');

    await sql`delete from idempotency_keys where client_id = ${clientId} and key = ${key}
              and created_at < localtimestamp(0) - make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`.execute(db);
    // A key left InProgress by a crash stays so until it expires: whether its operation committed is
    // unknown, and refusing the retry (409) is what cannot move money twice.
    for (let attempt = 0; ; attempt++) {
      const claimed = await db
        .insertInto('idempotency_keys')
        .values({
          client_id: clientId,
          key,
          method,
          path,
          body_hash: bodyHash,
          state: 'InProgress',
          response_headers: null,
        })
        .onConflict((oc) => oc.columns(['client_id', 'key']).doNothing())
        .returning('key')
        .executeTakeFirst();
      if (claimed) break;
      const prior = await db
        .selectFrom('idempotency_keys')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('key', '=', key)
        .executeTakeFirst();
      // Gone since the conflict: the first request failed (a 5xx is not kept). Claim the key again.
      if (!prior && attempt < 3) continue;
      if (prior && (prior.method !== method || prior.path !== path || prior.body_hash !== bodyHash)) {
        throw envelope(
          ErrorCategory.InvalidValue,
          `The Idempotency-Key ${key} was already used for a different request (${prior.method} ${prior.path}); use a new key.`,
          422,
        );
      }
      if (!prior || prior.state === 'InProgress') {
        throw envelope(
          ErrorCategory.LockingContention,
          `A request with the Idempotency-Key ${key} is still in progress; retry later.`,
          409,
        );
      }
      const headers = new Headers(prior.response_headers ?? {});
      headers.set('Idempotent-Replayed', 'true');
      return new Response(prior.response_body, { status: prior.response_status ?? 200, headers });
    }

    let stored = false;
    try {
      await next(); // a thrown handler error is already rendered into c.res by app.onError
      if (c.res.status < 500) {
        const headers: Record<string, string> = {};
        for (const h of REPLAYED_HEADERS) {
          const v = c.res.headers.get(h);
          if (v !== null) headers[h] = v;
        }
        await db
          .updateTable('idempotency_keys')
          .set({
            state: 'Done',
            response_status: c.res.status,
            response_body: await c.res.clone().text(),
            response_headers: JSON.stringify(headers),
          })
          .where('client_id', '=', clientId)
          .where('key', '=', key)
          .execute();
        stored = true;
      }
    } finally {
      if (!stored)
        await db.deleteFrom('idempotency_keys').where('client_id', '=', clientId).where('key', '=', key).execute();
    }
  };
}
