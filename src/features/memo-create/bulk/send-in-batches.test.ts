import { describe, expect, it } from 'vitest';
import { batchKey, fileHash, memoKey } from './idempotency-keys.ts';
import { BATCH_SIZE, sendInBatches, type BulkResultEntry } from './send-in-batches.ts';

const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ memoRef: `M${i}`, body: { i } }));

describe('idempotency keys', () => {
  it('are the same for the same file and memoRef, and differ otherwise', async () => {
    const h = await fileHash('a,b\n1,2\n');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await memoKey(h, 'M1')).toBe(await memoKey(h, 'M1'));
    expect(await memoKey(h, 'M1')).not.toBe(await memoKey(h, 'M2'));
    expect(await memoKey(h, 'M1')).not.toBe(await memoKey(await fileHash('a,b\n1,3\n'), 'M1'));
    const key = await batchKey([await memoKey(h, 'M1')]);
    expect(key.length).toBeLessThanOrEqual(255);
  });
});

describe('sendInBatches', () => {
  it(`sends at most ${BATCH_SIZE} memos per request and maps each result back to its memoRef`, async () => {
    const sizes: number[] = [];
    const out = await sendInBatches(entries(120), 'h', async (memos) => {
      sizes.push(memos.length);
      return memos.map((m): BulkResultEntry => ((m.i as number) % 7 === 3 ? { success: false, objectIndex: memos.indexOf(m), reasons: [{ code: 53000020, message: `bad ${String(m.i)}` }] } : { success: true, id: `id${String(m.i)}`, number: `N${String(m.i)}`, status: 'Draft' }));
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
    const out = await sendInBatches(entries(60), 'h', async (memos) => {
      if (call++ === 0) throw Object.assign(new Error('down'), { reasons: [{ code: 0, message: 'The server could not be reached.' }] });
      return memos.map(() => ({ success: true, id: 'x', number: 'N', status: 'Draft' }));
    }, (o) => seen.push(o.length));
    expect(out.slice(0, 50).every((o) => o.state === 'failed' && o.reasons[0].message === 'The server could not be reached.')).toBe(true);
    expect(out.slice(50).every((o) => o.state === 'created')).toBe(true);
    expect(seen).toEqual([50, 60]);
  });

  it('sends the same Idempotency-Key for the same file, so a re-run is replayed rather than duplicated', async () => {
    const keys: string[][] = [[], []];
    for (const run of [0, 1]) {
      await sendInBatches(entries(51), await fileHash('same file'), async (memos, key) => {
        keys[run].push(key);
        return memos.map(() => ({ success: true, id: 'x', number: 'N', status: 'Draft' }));
      });
    }
    expect(keys[0]).toHaveLength(2);
    expect(keys[0][0]).not.toBe(keys[0][1]);
    expect(keys[1]).toEqual(keys[0]);
  });
});
