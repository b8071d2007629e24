// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, usdAccountAndLicence, type Harness } from '../../server/testing/harness.ts';
import { z } from 'zod';
import { configureClient, newIdempotencyKey, zuoraRequest } from './client.ts';
import { ZuoraApiError } from '../lib/zuora-error.ts';
import { createStandaloneMemo } from './memos/create-mutations.ts';
import { currentRateLimitWait, retryAfterMs } from './rate-limit.ts';

// Idempotency under retries: the first answer of a create or refund is lost after the
// request reached the real sandbox (the effect happened, the caller sees a timeout); the client resends
// it with the SAME Idempotency-Key and gets the stored result: exactly one memo, one refund. A PUT
// settlement is not retried (Zuora keys only POST and PATCH): the caller sees the failure.

let h: Harness;
let dropNext = 0;
/** The next N requests meet a tenant over its rate limit: refused unprocessed with 429 and this Retry-After. */
let limitNext = 0;
let retryAfter = '1';
const sent: Request[] = [];

beforeAll(async () => {
  h = await createHarness();
  const token = await h.token('admin');
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    idempotentRetries: 2,
    idempotentTimeoutMs: 10_000,
    fetch: async (input, init) => {
      const req = new Request(input, init);
      sent.push(req.clone());
      if (limitNext > 0) {
        limitNext -= 1;
        const envelope = { success: false, reasons: [{ code: 90000070, message: 'Too many requests' }] };
        return new Response(JSON.stringify(envelope), { status: 429, headers: { 'retry-after': retryAfter } });
      }
      const res = await h.app.request(req);
      if (dropNext > 0) {
        dropNext -= 1;
        await res.arrayBuffer(); // the server finished; only the answer is lost
        throw new TypeError('network timeout');
      }
      return res;
    },
  });
}, 180_000);
afterAll(() => h?.close());

const count = async (table: 'memos' | 'refunds') =>
  Number(
    (
      await h.conn.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('retried after a lost answer', () => {
  it('a create is sent twice with one key and makes exactly one memo', async () => {
    const { account, charge } = await usdAccountAndLicence(h);
    const before = await count('memos');
    sent.length = 0;
    dropNext = 1;
    const key = newIdempotencyKey();
    const memo = await createStandaloneMemo('CreditMemo', {
      body: { accountNumber: account.account_number, charges: [{ productRatePlanChargeId: charge.id, amount: 12.5 }] },
      idempotencyKey: key,
    });
    expect(sent).toHaveLength(2);
    expect(sent.map((r) => r.headers.get('idempotency-key'))).toEqual([key, key]);
    expect(await count('memos')).toBe(before + 1);
    const stored = await h.conn.db
      .selectFrom('memos')
      .select('id')
      .where('id', '=', (memo as { id: string }).id)
      .execute();
    expect(stored).toHaveLength(1);
  });

  it('a refund is sent twice with one key and refunds once', async () => {
    const cm = await h.conn.db
      .selectFrom('memos')
      .select(['id', 'balance'])
      .where('kind', '=', 'CreditMemo')
      .where('status', '=', 'Posted')
      .where('balance', '>=', '5')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    const before = await count('refunds');
    sent.length = 0;
    dropNext = 1;
    const key = newIdempotencyKey();
    await zuoraRequest(`/v1/credit-memos/${cm.id}/refunds`, {
      method: 'POST',
      idempotencyKey: key,
      body: { type: 'External', methodType: 'Check', totalAmount: 5 },
      schema: z.object({ id: z.string() }).loose(),
    });
    expect(sent).toHaveLength(2);
    expect(await count('refunds')).toBe(before + 1);
    const after = await h.conn.db
      .selectFrom('memos')
      .select('refund_amount')
      .where('id', '=', cm.id)
      .executeTakeFirstOrThrow();
    expect(Number(after.refund_amount)).toBeGreaterThanOrEqual(5);
  });

  it('a PUT write-off is not retried: the caller sees the failure and decides', async () => {
    const dm = await h.conn.db
      .selectFrom('memos')
      .select('id')
      .where('kind', '=', 'DebitMemo')
      .where('status', '=', 'Posted')
      .where('balance', '>', '2')
      .orderBy('number')
      .executeTakeFirstOrThrow();
    sent.length = 0;
    dropNext = 1;
    const err = await zuoraRequest(`/v1/debit-memos/${dm.id}/write-off`, {
      method: 'PUT',
      idempotencyKey: newIdempotencyKey(),
      body: { amount: 1 },
      schema: z.unknown(),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZuoraApiError);
    expect((err as ZuoraApiError).status).toBe(0);
    expect(sent).toHaveLength(1);
  });
});

describe('a 429 (the tenant’s rate limit, docs/zuora/tenant-read-contract.md A7)', () => {
  const list = () =>
    zuoraRequest('/object-query/credit-memos', {
      query: { pageSize: 2 },
      schema: z.object({ data: z.array(z.unknown()) }).loose(),
    });

  it('a read waits out Retry-After, says so meanwhile, and is answered', async () => {
    sent.length = 0;
    limitNext = 1;
    retryAfter = '1';
    const started = Date.now();
    const answer = list();
    await new Promise((r) => setTimeout(r, 100));
    expect(currentRateLimitWait()).toEqual(expect.objectContaining({ path: '/object-query/credit-memos' }));
    expect((await answer).data).toHaveLength(2);
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sent).toHaveLength(2);
    expect(currentRateLimitWait()).toBeNull();
  });

  it('gives up after three waits: the caller sees the 429', async () => {
    sent.length = 0;
    limitNext = 4;
    retryAfter = '0';
    const err = await list().catch((e: unknown) => e);
    expect((err as ZuoraApiError).status).toBe(429);
    expect(sent).toHaveLength(4);
  });

  it('does not wait longer than the client allows', async () => {
    sent.length = 0;
    limitNext = 1;
    retryAfter = '3600';
    const err = await list().catch((e: unknown) => e);
    expect((err as ZuoraApiError).status).toBe(429);
    expect(sent).toHaveLength(1);
    limitNext = 0;
  });

  it('a POST without an Idempotency-Key is not resent', async () => {
    sent.length = 0;
    limitNext = 1;
    retryAfter = '0';
    const err = await zuoraRequest('/v1/credit-memos/nope/refunds', {
      method: 'POST',
      body: {},
      schema: z.unknown(),
    }).catch((e: unknown) => e);
    expect((err as ZuoraApiError).status).toBe(429);
    expect(sent).toHaveLength(1);
  });

  it('a cancelled read stops waiting', async () => {
    limitNext = 1;
    retryAfter = '30';
    const ac = new AbortController();
    const answer = zuoraRequest('/object-query/credit-memos', { schema: z.unknown(), signal: ac.signal });
    await new Promise((r) => setTimeout(r, 50));
    ac.abort();
    await expect(answer).rejects.toThrow();
    expect(currentRateLimitWait()).toBeNull();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    expect(retryAfterMs('7')).toBe(7000);
    expect(retryAfterMs('Thu, 01 Jan 2026 00:00:10 GMT', Date.UTC(2026, 0, 1))).toBe(10_000);
    expect(retryAfterMs(null)).toBe(1000);
    expect(retryAfterMs('soon')).toBe(1000);
  });
});
