// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, usdAccountAndLicence, type Harness } from '../../server/testing/harness.ts';
import { configureClient, newIdempotencyKey } from './client.ts';
import { UnreadableSuccessError, ZuoraApiError } from '../lib/zuora-error.ts';
import { createStandaloneMemo } from './memos/create-mutations.ts';

// A create that Zuora performed, answered 2xx `success: true`, in a shape this UI cannot read (here: a tenant
// that names `number` otherwise). It counts as done: the error says so and names the new memo, and sending it
// again with its key replays that memo instead of making a second one.

let h: Harness;
let unreadable = true;

beforeAll(async () => {
  h = await createHarness();
  const token = await h.token('admin');
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    fetch: async (input, init) => {
      const res = await h.app.request(new Request(input, init));
      if (!unreadable || !res.ok) return res;
      const { number, ...rest } = (await res.json()) as Record<string, unknown>;
      return Response.json({ ...rest, memoNumber: number }, { status: res.status });
    },
  });
}, 180_000);
afterAll(() => h?.close());

const memoCount = async () =>
  Number(
    (
      await h.conn.db
        .selectFrom('memos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a create whose 2xx answer cannot be read', () => {
  it('is reported as done with the new memo id, and resending its key makes no second memo', async () => {
    const { account, charge } = await usdAccountAndLicence(h);
    const body = {
      accountNumber: account.account_number,
      charges: [{ productRatePlanChargeId: charge.id, amount: 7 }],
    };
    const key = newIdempotencyKey();
    const before = await memoCount();

    const first = await createStandaloneMemo('CreditMemo', { body, idempotencyKey: key }).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(UnreadableSuccessError);
    const id = (first as UnreadableSuccessError).documentId;
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect((first as Error).message).toMatch(/was done.*not sent again/);
    expect(await memoCount()).toBe(before + 1);

    unreadable = false;
    const again = await createStandaloneMemo('CreditMemo', { body, idempotencyKey: key });
    expect(again.id).toBe(id);
    expect(await memoCount()).toBe(before + 1);
  });

  it('a read that cannot be parsed stays an ordinary contract error', async () => {
    unreadable = true;
    const { zuoraRequest } = await import('./client.ts');
    const { z } = await import('zod');
    const err = await zuoraRequest('/v1/credit-memos', { schema: z.object({ nothing: z.string() }) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZuoraApiError);
    expect(err).not.toBeInstanceOf(UnreadableSuccessError);
  });
});
