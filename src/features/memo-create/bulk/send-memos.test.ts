import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localLedger, memoryLedger } from './created-ledger.ts';
import { memoKey, requestKey } from './idempotency-keys.ts';
import { sendMemos, type BulkEntry, type SendMemo } from './send-memos.ts';
import { bulkCreateStandaloneMemos } from '../../../api/memos/create-mutations.ts';
import { startSandbox, type Sandbox } from '../../../test/sandbox-client.ts';

const entries = (n: number, content = 'x') =>
  Array.from({ length: n }, (_, i) => ({ memoRef: `M${i}`, body: { i }, key: `${content}-M${i}` }));
const created: SendMemo = async (body) => ({
  result: { success: true, id: `id${String(body.i)}`, number: `N${String(body.i)}`, status: 'Draft' },
  replayed: false,
});

describe('idempotency keys', () => {
  it('depend on the memo’s own cells and kind, not on the rest of the file', async () => {
    const cells = JSON.stringify([{ memoRef: 'M1', amount: '10' }]);
    const k = await memoKey('CreditMemo', 'M1', cells);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await memoKey('CreditMemo', 'M1', cells)).toBe(k);
    expect(await memoKey('DebitMemo', 'M1', cells)).not.toBe(k);
    expect(await memoKey('CreditMemo', 'M2', cells)).not.toBe(k);
    expect(await memoKey('CreditMemo', 'M1', JSON.stringify([{ memoRef: 'M1', amount: '11' }]))).not.toBe(k);
    expect(requestKey(k).length).toBeLessThanOrEqual(255);
  });
});

describe('created ledger', () => {
  it('remembers created memos for 30 days, in the given storage', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    let now = 1_000;
    const ledger = localLedger(storage, () => now);
    ledger.add('k1', { id: 'a', number: 'CM1', status: 'Draft' });
    expect(localLedger(storage, () => now).get('k1')).toEqual({ id: 'a', number: 'CM1', status: 'Draft' });
    now += 31 * 24 * 3600 * 1000;
    expect(ledger.get('k1')).toBeUndefined();
  });
});

describe('sendMemos', () => {
  it('sends each memo on its own request with its own key, and keeps the file’s order in the outcomes', async () => {
    const keys: string[] = [];
    const out = await sendMemos(entries(9), memoryLedger(), async (body, key) => {
      keys.push(key);
      if (body.i === 3)
        return { result: { success: false, reasons: [{ code: 53000020, message: 'bad 3' }] }, replayed: false };
      if (body.i === 5) throw Object.assign(new Error('down'), { reasons: [{ code: 0, message: 'unreachable' }] });
      return created(body, key);
    });
    expect(keys.sort()).toEqual(
      entries(9)
        .map((e) => requestKey(e.key))
        .sort(),
    );
    expect(out.map((o) => o.memoRef)).toEqual(entries(9).map((e) => e.memoRef));
    expect(out[3]).toEqual({ memoRef: 'M3', state: 'failed', reasons: [{ code: 53000020, message: 'bad 3' }] });
    expect(out[5]).toEqual({ memoRef: 'M5', state: 'failed', reasons: [{ code: 0, message: 'unreachable' }] });
    expect(out[4]).toEqual({ memoRef: 'M4', state: 'created', id: 'id4', number: 'N4', status: 'Draft' });
  });

  it('does not send again the memos this browser saw created: a file with a fixed row sends only that memo', async () => {
    const ledger = memoryLedger();
    const first = entries(5);
    await sendMemos(first, ledger, async (body, key) =>
      body.i === 4
        ? { result: { success: false, reasons: [{ code: 1, message: 'bad' }] }, replayed: false }
        : created(body, key),
    );
    const sent: unknown[] = [];
    const fixed = [...first.slice(0, 4), { ...first[4], body: { i: 4, fixed: true }, key: 'fixed-M4' }];
    const out = await sendMemos(fixed, ledger, async (body, key) => {
      sent.push(body);
      return created(body, key);
    });
    expect(sent).toEqual([{ i: 4, fixed: true }]);
    expect(out.slice(0, 4).every((o) => o.state === 'created' && o.earlier)).toBe(true);
    expect(out[4]).toMatchObject({ memoRef: 'M4', state: 'created', number: 'N4' });
  });
});

describe('a fixed file re-sent from another browser, against the sandbox', () => {
  let sb: Sandbox;
  let account: string;
  let charge: string;
  beforeAll(async () => {
    sb = await startSandbox('admin');
    const db = sb.h.conn.db;
    account = (
      await db
        .selectFrom('accounts')
        .select('account_number')
        .where('currency', '=', 'USD')
        .orderBy('account_number')
        .executeTakeFirstOrThrow()
    ).account_number;
    charge = (
      await db
        .selectFrom('product_rate_plan_charges')
        .select('id')
        .where('name', '=', 'Enterprise Licence')
        .executeTakeFirstOrThrow()
    ).id;
  }, 120_000);
  afterAll(() => sb?.h.close());

  const send: SendMemo = async (body, key) => {
    const { results, replayed } = await bulkCreateStandaloneMemos('DebitMemo', [body], key);
    return { result: results[0], replayed };
  };
  const memo = async (ref: string, amount: number | string): Promise<BulkEntry> => ({
    memoRef: ref,
    body: { accountNumber: account, comment: `bulk ${ref}`, charges: [{ productRatePlanChargeId: charge, amount }] },
    key: await memoKey('DebitMemo', ref, JSON.stringify({ ref, amount })),
  });
  const countOf = async (ref: string) =>
    (await sb.h.conn.db.selectFrom('memos').select('id').where('comment', '=', `bulk ${ref}`).execute()).length;

  it('recognises each memo on its own: only the fixed row is created, and the outcome counts it alone as new', async () => {
    const first = [await memo('R1', 10), await memo('R2', 20), await memo('R3', -5)];
    const before = await sendMemos(first, memoryLedger(), send);
    expect(before.map((o) => o.state)).toEqual(['created', 'created', 'failed']);
    // Another browser: nothing remembered locally. R3 fixed, so its cells (and key) differ.
    const again = [first[0], first[1], await memo('R3', 5)];
    const after = await sendMemos(again, memoryLedger(), send);
    expect(after.map((o) => [o.memoRef, o.state, o.state === 'created' && Boolean(o.earlier)])).toEqual([
      ['R1', 'created', true],
      ['R2', 'created', true],
      ['R3', 'created', false],
    ]);
    expect([await countOf('R1'), await countOf('R2'), await countOf('R3')]).toEqual([1, 1, 1]);
  });
});
