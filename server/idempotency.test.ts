import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHarness, type Harness } from './testing/harness.ts';
import { fixtures, snapshot } from './testing/memo-writes-fixtures.ts';

// Idempotency-Key (docs/zuora/api-digest.md §2.1) and the request-size limit, through the real app.

let h: Harness;
let f: Awaited<ReturnType<typeof fixtures>>;
beforeAll(async () => {
  h = await createHarness({ env: { BODY_LIMIT_BYTES: '20000' } });
  f = await fixtures(h);
}, 120_000);
afterAll(() => h?.close());

const body = () => ({ accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 7 }] });
const countMemos = async () =>
  Number(
    (
      await h.conn.db
        .selectFrom('memos')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const withKey = (key: string) => ({ headers: { 'Idempotency-Key': key } });

test('a repeated POST with the same key replays the first response and creates one memo', async () => {
  const before = await countMemos();
  const first = await h.call('POST', '/v1/debit-memos', body(), withKey('k-replay'));
  const second = await h.call('POST', '/v1/debit-memos', body(), withKey('k-replay'));
  expect(first.status).toBe(200);
  expect(second.status).toBe(200);
  expect(second.body).toEqual(first.body);
  expect(second.headers.get('Idempotent-Replayed')).toBe('true');
  expect(await countMemos()).toBe(before + 1);
});

test('two concurrent POSTs with one key create one memo; the loser gets 409 or the replay', async () => {
  const before = await countMemos();
  const [a, b] = await Promise.all([
    h.call('POST', '/v1/debit-memos', body(), withKey('k-race')),
    h.call('POST', '/v1/debit-memos', body(), withKey('k-race')),
  ]);
  expect(await countMemos()).toBe(before + 1);
  const statuses = [a.status, b.status].sort();
  expect([
    [200, 200],
    [200, 409],
  ]).toContainEqual(statuses);
  const loser = [a, b].find((r) => r.status === 409);
  if (loser) expect(loser.body.reasons[0].code % 100).toBe(50);
});

test('a key still in progress answers 409 (category 50) and runs nothing', async () => {
  const client = h.config.clients.find((c) => c.role === 'admin')!;
  await h.conn.db
    .insertInto('idempotency_keys')
    .values({
      client_id: client.clientId,
      key: 'k-busy',
      method: 'POST',
      path: '/v1/debit-memos',
      body_hash: 'x',
      state: 'InProgress',
      response_headers: null,
    })
    .execute();
  const before = await snapshot(h);
  const res = await h.call('POST', '/v1/debit-memos', body(), withKey('k-busy'));
  // Another body hash gives 422 first; use the stored request's identity to see the 409.
  expect([409, 422]).toContain(res.status);
  await h.conn.db
    .updateTable('idempotency_keys')
    .set({ body_hash: await hashOf(body()) })
    .where('key', '=', 'k-busy')
    .execute();
  const busy = await h.call('POST', '/v1/debit-memos', body(), withKey('k-busy'));
  expect(busy.status).toBe(409);
  expect(busy.body.reasons[0].code % 100).toBe(50);
  expect(await snapshot(h)).toEqual(before);
});

test('the same key with another body or path is refused with 422', async () => {
  await h.call('POST', '/v1/debit-memos', body(), withKey('k-other'));
  const before = await snapshot(h);
  const otherBody = await h.call('POST', '/v1/debit-memos', { ...body(), comment: 'different' }, withKey('k-other'));
  expect(otherBody.status).toBe(422);
  const otherPath = await h.call('POST', '/v1/debitmemos', body(), withKey('k-other'));
  expect(otherPath.status).toBe(422);
  expect(otherPath.body.success).toBe(false);
  expect(await snapshot(h)).toEqual(before);
});

test('failures are replayed too; keys are per client; stale keys (> 24 h) are replaced', async () => {
  const bad = { ...body(), charges: [{ productRatePlanChargeId: f.discount.id, amount: 1 }] };
  const first = await h.call('POST', '/v1/debit-memos', bad, withKey('k-fail'));
  const again = await h.call('POST', '/v1/debit-memos', bad, withKey('k-fail'));
  expect(first.status).toBe(400);
  expect(again.body).toEqual(first.body);

  const before = await countMemos();
  await h.call('POST', '/v1/debit-memos', body(), withKey('k-shared'));
  await h.call('POST', '/v1/debit-memos', body(), { ...withKey('k-shared'), role: 'clerk' });
  expect(await countMemos()).toBe(before + 2);

  await h.conn.db
    .updateTable('idempotency_keys')
    .set({ created_at: '2000-01-01 00:00:00' })
    .where('key', '=', 'k-shared')
    .execute();
  await h.call('POST', '/v1/debit-memos', { ...body(), comment: 'new life' }, withKey('k-shared'));
  expect(await countMemos()).toBe(before + 3);
});

test('a key longer than 255 characters is category 20', async () => {
  const before = await snapshot(h);
  const long = await h.call('POST', '/v1/debit-memos', body(), withKey('k'.repeat(256)));
  expect(long.status).toBe(400);
  expect(long.body.reasons[0].code % 100).toBe(20);
  expect(await snapshot(h)).toEqual(before);
});

test('a PUT settlement resent with its key is replayed, not applied twice (a sandbox extension)', async () => {
  const dm = (await h.call('POST', '/v1/debit-memos', body(), withKey('k-put-dm'))).body;
  expect((await h.call('PUT', `/v1/debit-memos/${dm.id}/post`)).status).toBe(200);
  const writeOff = { amount: 2, comment: 'twice?' };
  const first = await h.call('PUT', `/v1/debit-memos/${dm.id}/write-off`, writeOff, withKey('k-put-wo'));
  const again = await h.call('PUT', `/v1/debit-memos/${dm.id}/write-off`, writeOff, withKey('k-put-wo'));
  expect(first.status).toBe(200);
  expect(again.body).toEqual(first.body);
  expect(again.headers.get('Idempotent-Replayed')).toBe('true');
  expect((await h.call('GET', `/v1/debit-memos/${dm.id}`)).body.balance).toBe(5);
  // A GET ignores the header.
  const get = await h.call('GET', `/v1/debit-memos/${dm.id}`, undefined, withKey('k-put-wo'));
  expect(get.status).toBe(200);
});

test('bodies over the size limit are refused with 413, category 20, nothing stored', async () => {
  const before = await snapshot(h);
  const res = await h.call('POST', '/v1/debit-memos', { ...body(), comment: 'x'.repeat(30_000) });
  expect(res.status).toBe(413);
  expect(res.body.reasons[0].code % 100).toBe(20);
  expect(await snapshot(h)).toEqual(before);
});

async function hashOf(value: unknown): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}
