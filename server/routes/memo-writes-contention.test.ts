import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertAccount, insertInvoice, insertReferenceData } from '../testing/settlement-fixtures.ts';

// Every write runs in the one transaction runner (server/db/transaction.ts), so a write that meets
// lock contention in the database (deadlock 40P01, serialization failure 40001, lock not available
// 55P03) answers Zuora's category 50 "nothing was changed, retry", whichever route opened it. The
// contention is provoked with a trigger that raises the SQLSTATE where the write touches the invoice,
// so the test is deterministic on PGlite and PostgreSQL alike.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
});
afterEach(async () => {
  await sql`drop trigger if exists contention on invoices`.execute(h.conn.db);
  await sql`drop function if exists raise_contention()`.execute(h.conn.db);
});
afterAll(() => h.close());

async function contendOnInvoiceUpdate(sqlstate: string) {
  await sql
    .raw(
      `create function raise_contention() returns trigger language plpgsql as $$
       begin raise exception 'provoked contention' using errcode = '${sqlstate}'; end $$`,
    )
    .execute(h.conn.db);
  await sql`create trigger contention before update on invoices for each row execute function raise_contention()`.execute(
    h.conn.db,
  );
}

describe('a Post with auto-apply that meets lock contention', () => {
  test.each(['40P01', '40001', '55P03'])(
    'SQLSTATE %s answers category 50 and leaves the memo Draft and the invoice unchanged',
    async (sqlstate) => {
      const db = h.conn.db;
      const acc = await insertAccount(db);
      const inv = await insertInvoice(db, { accountId: acc.id, lines: [{ amount: '40.00' }] });
      const item = await db
        .selectFrom('invoice_items')
        .select('id')
        .where('invoice_id', '=', inv.id)
        .executeTakeFirstOrThrow();
      const created = await h.call('POST', `/v1/credit-memos/invoice/${inv.id}`, {
        autoApplyToInvoiceUponPosting: true,
        taxAutoCalculation: false,
        items: [{ invoiceItemId: item.id, amount: 5, skuName: 'Charge 1' }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);

      await contendOnInvoiceUpdate(sqlstate);
      const posted = await h.call('PUT', `/v1/credit-memos/${created.body.id as string}/post`);
      expect(posted.status, JSON.stringify(posted.body)).toBe(409);
      expect(posted.body.success).toBe(false);
      expect(posted.body.reasons[0].code % 100).toBe(50);

      const memo = await db
        .selectFrom('memos')
        .select(['status', 'applied_amount'])
        .where('id', '=', created.body.id as string)
        .executeTakeFirstOrThrow();
      expect(memo.status).toBe('Draft');
      expect(Number(memo.applied_amount)).toBe(0);
      const after = await db
        .selectFrom('invoices')
        .select('balance')
        .where('id', '=', inv.id)
        .executeTakeFirstOrThrow();
      expect(Number(after.balance)).toBe(40);
    },
  );
});
