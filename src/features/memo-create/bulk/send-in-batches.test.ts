import { describe, expect, it } from 'vitest';
import { localLedger, memoryLedger } from './created-ledger.ts';
import { batchKey, memoKey } from './idempotency-keys.ts';
import { BATCH_SIZE, sendInBatches, type BulkResultEntry } from './send-in-batches.ts';

const entries = (n: number, content = 'x') =>
  Array.from({ length: n }, (_, i) => ({ memoRef: `M${i}`, body: { i }, key: `${content}-M${i}` }));
const allCreated = async (memos: Record<string, unknown>[]) =>
  memos.map((m): BulkResultEntry => ({
    success: true,
    id: `id${String(m.i)}`,
    number: `N${String(m.i)}`,
    status: 'Draft',
  }));

describe('idempotency keys', () => {
  it('depend on the memo’s own cells and kind, not on the rest of the file', async () => {
    const cells = JSON.stringify([{ memoRef: 'M1', amount: '10' }]);
    const k = await memoKey('CreditMemo', 'M1', cells);
    expect(k).toMatch(/^[0-9a-f]{64}$/);
    expect(await memoKey('CreditMemo', 'M1', cells)).toBe(k);
    expect(await memoKey('DebitMemo', 'M1', cells)).not.toBe(k);
    expect(await memoKey('CreditMemo', 'M2', cells)).not.toBe(k);
    expect(await memoKey('CreditMemo', 'M1', JSON.stringify([{ memoRef: 'M1', amount: '11' }]))).not.toBe(k);
    expect((await batchKey([k])).length).toBeLessThanOrEqual(255);
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

describe('sendInBatches', () => {
  it(`sends at most ${BATCH_SIZE} memos per request and maps each result back to its memoRef`, async () => {
    const sizes: number[] = [];
    const out = await sendInBatches(entries(120), memoryLedger(), async (memos) => {
      sizes.push(memos.length);
      return memos.map((m): BulkResultEntry =>
        (m.i as number) % 7 === 3
          ? {
              success: false,
              objectIndex: memos.indexOf(m),
              reasons: [{ code: 53000020, message: `bad ${String(m.i)}` }],
            }
          : { success: true, id: `id${String(m.i)}`, number: `N${String(m.i)}`, status: 'Draft' },
      );
    });
    expect(sizes).toEqual([50, 50, 20]);
    expect(out).toHaveLength(120);
    expect(out[3]).toEqual({ memoRef: 'M3', state: 'failed', reasons: [{ code: 53000020, message: 'bad 3' }] });
    expect(out[4]).toEqual({ memoRef: 'M4', state: 'created', id: 'id4', number: 'N4', status: 'Draft' });
    expect(out[101]).toMatchObject({ memoRef: 'M101', state: 'failed' });
  });

  it('keeps going when a whole batch fails, and reports that batch with the error', async () => {
    let call = 0;
    const seen: number[] = [];
    const out = await sendInBatches(
      entries(60),
      memoryLedger(),
      async (memos) => {
        if (call++ === 0)
          throw Object.assign(new Error('down'), {
            reasons: [{ code: 0, message: 'The server could not be reached.' }],
          });
        return memos.map(() => ({ success: true, id: 'x', number: 'N', status: 'Draft' }));
      },
      (o) => seen.push(o.length),
    );
    expect(
      out
        .slice(0, 50)
        .every((o) => o.state === 'failed' && o.reasons[0].message === 'The server could not be reached.'),
    ).toBe(true);
    expect(out.slice(50).every((o) => o.state === 'created')).toBe(true);
    expect(seen).toEqual([50, 60]);
  });

  it('sends the same Idempotency-Keys for the same file, so a re-run elsewhere is replayed rather than duplicated', async () => {
    const keys: string[][] = [[], []];
    for (const run of [0, 1]) {
      await sendInBatches(entries(51), memoryLedger(), async (memos, key) => {
        keys[run].push(key);
        return allCreated(memos);
      });
    }
    expect(keys[0]).toHaveLength(2);
    expect(keys[0][0]).not.toBe(keys[0][1]);
    expect(keys[1]).toEqual(keys[0]);
  });

  it('does not send again the memos this browser saw created: a file with a fixed row sends only that memo', async () => {
    const ledger = memoryLedger();
    const first = entries(5);
    const bad = first[4];
    await sendInBatches(first, ledger, async (memos) =>
      memos.map((m, i): BulkResultEntry =>
        m.i === 4
          ? { success: false, objectIndex: i, reasons: [{ code: 1, message: 'bad' }] }
          : { success: true, id: `id${String(m.i)}`, number: `N${String(m.i)}`, status: 'Draft' },
      ),
    );
    const sent: unknown[][] = [];
    const fixed = [...first.slice(0, 4), { ...bad, body: { i: 4, fixed: true }, key: 'fixed-M4' }];
    const out = await sendInBatches(fixed, ledger, async (memos) => {
      sent.push(memos);
      return allCreated(memos);
    });
    expect(sent).toEqual([[{ i: 4, fixed: true }]]);
    expect(out.slice(0, 4).every((o) => o.state === 'created' && o.earlier)).toBe(true);
    expect(out[4]).toMatchObject({ memoRef: 'M4', state: 'created', number: 'N4' });
  });
});
