import { describe, expect, it } from 'vitest';
import { ZuoraApiError } from '../../lib/zuora-error.ts';
import { runBulk } from './run-bulk.ts';

const targets = ['a', 'b', 'c', 'd', 'e'].map((id, i) => ({ id, number: `CM-${i + 1}` }));

describe('runBulk', () => {
  it('keeps going after a refusal and reports each row in the selection order', async () => {
    const progress: number[] = [];
    const out = await runBulk(
      targets,
      async (t) => {
        await new Promise((r) => setTimeout(r, t.id === 'a' ? 15 : 1));
        if (t.id === 'b')
          throw new ZuoraApiError(400, [{ code: 53000030, message: 'Only Draft memos can be posted.' }]);
      },
      { concurrency: 2, onProgress: (n) => progress.push(n) },
    );
    expect(out.map((o) => [o.number, o.ok, o.message])).toEqual([
      ['CM-1', true, undefined],
      ['CM-2', false, 'Only Draft memos can be posted.'],
      ['CM-3', true, undefined],
      ['CM-4', true, undefined],
      ['CM-5', true, undefined],
    ]);
    expect(progress).toEqual([1, 2, 3, 4, 5]);
  });

  it('never runs more than `concurrency` calls at once', async () => {
    let running = 0;
    let peak = 0;
    await runBulk(
      targets,
      async () => {
        peak = Math.max(peak, ++running);
        await new Promise((r) => setTimeout(r, 2));
        running--;
      },
      { concurrency: 2 },
    );
    expect(peak).toBe(2);
  });

  it('marks the rest as not run once stopped', async () => {
    const ac = new AbortController();
    const out = await runBulk(
      targets,
      async (t) => {
        if (t.id === 'b') ac.abort();
      },
      { concurrency: 1, signal: ac.signal },
    );
    expect(out.filter((o) => o.ok).map((o) => o.id)).toEqual(['a', 'b']);
    expect(out[4].message).toMatch(/stopped/);
  });
});
