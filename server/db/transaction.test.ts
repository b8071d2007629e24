import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ZuoraError } from '../errors.ts';
import { nextNumber } from '../domain/ids.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { runWrite } from './transaction.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(() => h.close());

const sqlError = (code: string) => Object.assign(new Error(`sqlstate ${code}`), { code });

describe('runWrite, the one transaction runner', () => {
  test.each(['40P01', '40001', '55P03'])('lock contention %s becomes category 50 (409), nothing kept', async (code) => {
    const before = await h.conn.db.selectFrom('sequences').selectAll().where('name', '=', 'Invoice').execute();
    const err = await runWrite(h.conn.db, async (tx) => {
      await nextNumber(tx, 'Invoice');
      throw sqlError(code);
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZuoraError);
    expect((err as ZuoraError).category).toBe(50);
    expect((err as ZuoraError).status).toBe(409);
    expect(await h.conn.db.selectFrom('sequences').selectAll().where('name', '=', 'Invoice').execute()).toEqual(before);
  });

  test('any other error passes through unchanged; a success commits', async () => {
    const other = sqlError('23505');
    await expect(runWrite(h.conn.db, () => Promise.reject(other))).rejects.toBe(other);
    const first = await runWrite(h.conn.db, (tx) => nextNumber(tx, 'Payment'));
    const second = await runWrite(h.conn.db, (tx) => nextNumber(tx, 'Payment'));
    expect(second).not.toBe(first);
  });

  test('a domain write does not accept the pool, only a transaction', () => {
    // Type-level: `npm run typecheck` fails if the pool becomes assignable to a transaction.
    const outsideATransaction = () =>
      // @ts-expect-error the pool is not a Transaction<DB>
      nextNumber(h.conn.db, 'Invoice');
    expect(typeof outsideATransaction).toBe('function');
  });
});
