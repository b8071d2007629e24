// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../../server/testing/harness.ts';
import { z } from 'zod';
import { configureClient, newIdempotencyKey, zuoraRequest } from './client.ts';
import { ZuoraApiError } from '../lib/zuora-error.ts';
import { createStandaloneMemo } from './memos/create-mutations.ts';

// Idempotency under retries: the first answer of a create or refund is lost after the
// request reached the real sandbox (the effect happened, the caller sees a timeout); the client resends
// it with the SAME Idempotency-Key and gets the stored result: exactly one memo, one refund. A PUT
// settlement is not retried (Zuora keys only POST and PATCH): the caller sees the failure.

let h: Harness;
let dropNext = 0;
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
    const account = await h.conn.db
      .selectFrom('accounts')
      .select('account_number')
      .where('currency', '=', 'USD')
      .orderBy('account_number')
      .executeTakeFirstOrThrow();
    const charge = await h.conn.db
      .selectFrom('product_rate_plan_charges')
      .select('id')
      .where('name', '=', 'Enterprise Licence')
      .executeTakeFirstOrThrow();
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
