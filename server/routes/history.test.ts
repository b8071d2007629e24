import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoHistoryResponseSchema } from '../../src/contract/documents.ts';
import { recordEvent } from '../domain/history.ts';
import { runWrite } from '../db/transaction.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertMemo } from '../testing/document-fixtures.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(() => h.close());

describe('GET …/history', () => {
  it('lists a memo’s events oldest first with user and detail, under both spellings', async () => {
    const memo = await insertMemo(h.conn.db, { kind: 'CreditMemo' });
    await runWrite(h.conn.db, (tx) =>
      recordEvent(tx, memo.id, 'created', { userId: 'u1', name: 'Billing Clerk' }, { source: 'Standalone' }),
    );
    await runWrite(h.conn.db, (tx) => recordEvent(tx, memo.id, 'posted', null));
    await h.call('POST', `/v1/credit-memos/${memo.number}/pdfs`, undefined, { role: 'clerk' });
    for (const path of [`/v1/credit-memos/${memo.number}/history`, `/v1/creditmemos/${memo.id}/history`]) {
      const r = await h.call('GET', path, undefined, { role: 'viewer' });
      expect(r.status).toBe(200);
      const body = memoHistoryResponseSchema.parse(r.body);
      expect(body.events.map((e) => [e.event, e.userName])).toEqual([
        ['created', 'Billing Clerk'],
        ['posted', 'System'],
        ['pdfGenerated', 'Billing Clerk'],
      ]);
      expect(body.events[0].detail).toEqual({ source: 'Standalone' });
      expect(body.events[2].detail).toMatchObject({ versionNumber: 1 });
    }
  });

  it('does not mix memos of the other kind or another memo, and 404s an unknown one', async () => {
    const dm = await insertMemo(h.conn.db);
    await runWrite(h.conn.db, (tx) => recordEvent(tx, dm.id, 'created', null));
    expect((await h.call('GET', `/v1/credit-memos/${dm.id}/history`)).status).toBe(404);
    const other = await insertMemo(h.conn.db);
    expect((await h.call('GET', `/v1/debit-memos/${other.number}/history`)).body.events).toEqual([]);
  });
});
