import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MemoRow } from '../db/types.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  insertAccount,
  insertInvoice,
  insertMemo,
  insertPayment,
  insertReferenceData,
} from '../testing/settlement-fixtures.ts';
import { expectInvariants } from '../testing/settlement-assert.ts';

// Every settlement operation at once over overlapping documents of one account. On PostgreSQL (run
// with TEST_DATABASE_URL) these really interleave: the global lock order (memos, invoices, payments,
// each by id) must keep them from deadlocking, and every answer is a success or a clear Zuora refusal.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
});
afterAll(() => h.close());

describe('mixed concurrent settlements', () => {
  it('apply, unapply, refund, write-offs, collect and payment apply at once keep every balance exact', async () => {
    const db = h.conn.db;
    const acc = await insertAccount(db);
    const cms: MemoRow[] = [];
    const dms: MemoRow[] = [];
    for (let i = 0; i < 4; i++)
      cms.push(
        await insertMemo(db, {
          kind: 'CreditMemo',
          accountId: acc.id,
          lines: [{ amount: '30.00', taxes: ['2.00'] }, { amount: '18.00' }],
        }),
      );
    for (let i = 0; i < 6; i++)
      dms.push(
        await insertMemo(db, {
          kind: 'DebitMemo',
          accountId: acc.id,
          lines: [{ amount: '20.00', taxes: ['1.50'] }, { amount: '8.50' }],
        }),
      );
    const inv = await insertInvoice(db, { accountId: acc.id, lines: [{ amount: '40.00', taxes: ['3.00'] }] });
    const pay = await insertPayment(db, { accountId: acc.id, amount: '60.00' });
    // Something applied beforehand, so that unapply has work to do.
    expect(
      (
        await h.call('PUT', `/v1/credit-memos/${cms[0].number}/apply`, {
          debitMemos: [{ debitMemoId: dms[0].id, amount: 10 }],
        })
      ).status,
    ).toBe(200);

    const calls = [
      ...dms.slice(1).flatMap((d, i) => [
        h.call('PUT', `/v1/credit-memos/${cms[i % 4].number}/apply`, {
          debitMemos: [{ debitMemoId: d.id, amount: 7 }],
          invoices: [{ invoiceId: inv.id, amount: 3 }],
        }),
        h.call('PUT', `/v1/credit-memos/${cms[(i + 1) % 4].number}/apply`, {
          debitMemos: [
            { debitMemoId: d.id, amount: 5 },
            { debitMemoId: dms[0].id, amount: 2 },
          ],
        }),
      ]),
      h.call('PUT', `/v1/credit-memos/${cms[0].number}/unapply`, {
        debitMemos: [{ debitMemoId: dms[0].id, amount: 4 }],
      }),
      h.call('POST', `/v1/credit-memos/${cms[2].number}/refunds`, {
        type: 'External',
        methodType: 'Check',
        totalAmount: 6,
      }),
      h.call('PUT', `/v1/debit-memos/${dms[3].number}/write-off`, {}),
      h.call('PUT', `/v1/debit-memos/${dms[4].number}/write-off`, { amount: 3 }),
      h.call('POST', `/v1/debit-memos/${dms[5].number}/collect`, { applyCredit: true }),
      h.call('POST', `/v1/debit-memos/${dms[0].number}/collect`, {
        applyCredit: true,
        applicationOrder: ['UnappliedPayment'],
      }),
      h.call('PUT', `/v1/payments/${pay.number}/apply`, {
        invoices: [{ invoiceId: inv.id, amount: 5 }],
        debitMemos: [{ debitMemoId: dms[1].id, amount: 5 }],
      }),
      h.call('PUT', `/v1/credit-memos/${cms[3].id}/write-off`, {}),
    ];
    const results = await Promise.all(calls);
    for (const r of results) {
      if (r.status === 200) continue;
      expect([30, 50], JSON.stringify(r.body)).toContain(r.body.reasons[0].code % 100);
    }
    expect(results.filter((r) => r.status === 200).length).toBeGreaterThan(results.length / 2);
    await expectInvariants(db);
  });
});

describe('credits against one invoice item', () => {
  it('two Draft credit memos updated at once cannot together credit more than was invoiced', async () => {
    const db = h.conn.db;
    const acc = await insertAccount(db);
    const inv = await insertInvoice(db, { accountId: acc.id, lines: [{ amount: '100.00' }] });
    const item = await db
      .selectFrom('invoice_items')
      .select('id')
      .where('invoice_id', '=', inv.id)
      .executeTakeFirstOrThrow();
    const drafts = [];
    for (let i = 0; i < 2; i++) {
      const created = await h.call('POST', `/v1/credit-memos/invoice/${inv.id}`, {
        items: [{ invoiceItemId: item.id, amount: 1, skuName: 'Charge 1' }],
      });
      expect(created.status, JSON.stringify(created.body)).toBe(200);
      const items = await h.call('GET', `/v1/credit-memos/${created.body.id as string}/items`);
      drafts.push({ id: created.body.id as string, itemId: items.body.items[0].id as string });
    }
    // Each update alone fits (99 + the other's 1 = 100); both at once would credit 198.
    const results = await Promise.all(
      drafts.map((d) => h.call('PUT', `/v1/credit-memos/${d.id}`, { items: [{ id: d.itemId, amount: 99 }] })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    const credited = await db
      .selectFrom('memo_items')
      .select('amount_without_tax')
      .where('credit_from_item_id', '=', item.id)
      .execute();
    expect(credited.reduce((s, c) => s + Number(c.amount_without_tax), 0)).toBeLessThanOrEqual(100);
  });
});
