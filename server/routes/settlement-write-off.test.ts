import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { previewWriteOff } from '../../src/contract/write-off.ts';
import { debitMemoWriteOffResponseSchema } from '../../src/contract/settlement-responses.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  dec,
  insertAccount,
  insertMemo,
  insertReferenceData,
  rowReaders,
  snapshot,
  type LineSpec,
} from '../testing/settlement-fixtures.ts';
import { expectInvariants, expectRefusedUnchanged } from '../testing/settlement-assert.ts';

// PUT /v1/debit-memos/{key}/write-off: the rule of src/contract/write-off.ts, enforced in one transaction.

let h: Harness;
let account: { id: string; number: string };
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
  account = await insertAccount(h.conn.db);
});
afterAll(() => h.close());

const db = () => h.conn.db;
const newDm = (lines: LineSpec[] = [{ amount: '100.00', taxes: ['8.25'] }, { amount: '33.33' }], status = 'Posted') =>
  insertMemo(db(), { kind: 'DebitMemo', accountId: account.id, lines, status });
const { memo, itemsOf, taxesOf } = rowReaders(db);
const lines = async (memoId: string) => ({ items: await itemsOf(memoId), taxes: await taxesOf(memoId) });

describe('debit memo write-off', () => {
  it('writes off the full balance: a Posted credit memo mirrors the open lines and is applied line by line', async () => {
    const dm = await newDm();
    const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {
      memoDate: '2024-04-01',
      comment: 'uncollectible',
    });
    expect(res.status).toBe(200);
    const body = debitMemoWriteOffResponseSchema.parse(res.body);
    const cm = await memo(body.creditMemo.id);
    expect(cm).toMatchObject({
      kind: 'CreditMemo',
      status: 'Posted',
      source: 'API',
      source_type: 'Standalone',
      origin: 'DebitMemoWriteOff',
      revenue_impacting: true,
      written_off_memo_id: dm.id,
      reason_code: 'Write-off',
      comment: 'uncollectible',
      memo_date: '2024-04-01',
      account_id: account.id,
    });
    expect([dec(cm.amount), dec(cm.tax_amount), dec(cm.applied_amount), dec(cm.balance)]).toEqual([
      '141.58',
      '8.25',
      '141.58',
      '0',
    ]);
    const after = await memo(dm.id);
    expect([dec(after.balance), dec(after.applied_amount)]).toEqual(['0', '141.58']);
    const dmLines = await lines(dm.id);
    expect(dmLines.items.map((i) => dec(i.balance))).toEqual(['0', '0']);
    expect(dmLines.taxes.map((t) => [dec(t.balance), dec(t.credit_amount)])).toEqual([['0', '8.25']]);
    const cmLines = await lines(cm.id);
    expect(
      cmLines.items.map((i) => [
        i.sku_name,
        dec(i.amount),
        dec(i.balance),
        i.source_item_id,
        i.deferred_revenue_accounting_code,
      ]),
    ).toEqual([
      ['Charge 1', '100', '0', dmLines.items[0].id, 'Deferred Revenue'],
      ['Charge 2', '33.33', '0', dmLines.items[1].id, 'Deferred Revenue'],
    ]);
    expect(cmLines.taxes.map((t) => [dec(t.tax_amount), t.source_tax_item_id, dec(t.tax_rate)])).toEqual([
      ['8.25', dmLines.taxes[0].id, '0.0825'],
    ]);
    const apps = await db().selectFrom('applications').selectAll().where('target_id', '=', dm.id).execute();
    expect(apps.map((a) => [a.source_id, dec(a.amount), a.effective_date])).toEqual([[cm.id, '141.58', '2024-04-01']]);
    expect(
      await db().selectFrom('application_items').select('amount').where('application_id', '=', apps[0].id).execute(),
    ).toHaveLength(3);
    const events = await db()
      .selectFrom('memo_events')
      .select(['memo_id', 'event'])
      .where('memo_id', 'in', [dm.id, cm.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.memo_id === dm.id ? 'DM' : 'CM'}:${e.event}`)).toEqual([
      'DM:writtenOff',
      'CM:created',
      'CM:applied',
    ]);
    await expectInvariants(db());
  });

  it('writes off part of the balance in proportion to the open lines, as previewWriteOff computes', async () => {
    const dm = await newDm();
    const before = await lines(dm.id);
    const preview = previewWriteOff(
      { currency: 'USD', balance: '141.58' },
      before.items.map((i) => ({
        id: i.id,
        balance: i.balance,
        taxationItems: before.taxes.filter((t) => t.memo_item_id === i.id),
      })),
      '10',
    );
    const res = await h.call('PUT', `/v1/debitmemos/${dm.id}/write-off`, { amount: 10 });
    expect(res.status).toBe(200);
    const after = await lines(dm.id);
    expect(after.items.map((i) => dec(i.balance))).toEqual(preview.lines.map((l) => dec(l.balanceAfter)));
    expect(after.taxes.map((t) => dec(t.balance))).toEqual(
      preview.lines.flatMap((l) => l.taxationItems.map((t) => dec(t.balanceAfter))),
    );
    expect(dec((await memo(dm.id)).balance)).toBe('131.58');
    // the remaining balance can be written off in turn
    expect((await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {})).status).toBe(200);
    expect(dec((await memo(dm.id)).balance)).toBe('0');
    await expectInvariants(db());
  });

  it('takes explicit items[] covering every open line', async () => {
    const dm = await newDm();
    const { items, taxes } = await lines(dm.id);
    const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {
      amount: 20,
      items: [
        { debitMemoItemId: items[0].id, amount: 10 },
        { taxItemId: taxes[0].id, amount: 1 },
        { debitMemoItemId: items[1].id, amount: 9 },
      ],
    });
    expect(res.status).toBe(200);
    const after = await lines(dm.id);
    expect(after.items.map((i) => dec(i.balance))).toEqual(['90', '24.33']);
    expect(dec(after.taxes[0].balance)).toBe('7.25');
    await expectInvariants(db());
  });

  it('non-revenue write-off books the chosen expense code on the credit memo items', async () => {
    const dm = await newDm();
    const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {
      revenueImpacting: 'No',
      recognizedRevenueAccountingCode: 'Bad Debt Expense',
      custom__c: 'x',
    });
    expect(res.status).toBe(200);
    const cm = await memo(res.body.creditMemo.id);
    expect(cm.revenue_impacting).toBe(false);
    expect(cm.custom_fields).toEqual({ custom__c: 'x' });
    expect((await lines(cm.id)).items.map((i) => i.recognized_revenue_accounting_code)).toEqual([
      'Bad Debt Expense',
      'Bad Debt Expense',
    ]);
    await expectInvariants(db());
  });

  it('refuses, changing nothing (no credit memo, no number consumed)', async () => {
    const dm = await newDm();
    const { items } = await lines(dm.id);
    const put =
      (body: unknown, key: string = dm.number, role?: 'clerk') =>
      () =>
        h.call('PUT', `/v1/debit-memos/${key}/write-off`, body, { role });
    await expectRefusedUnchanged(db(), put({}, dm.number, 'clerk'), 10);
    await expectRefusedUnchanged(db(), put({ memoDate: '2024-02-29' }), 30, /earliest allowed date is 2024-03-01/);
    await expectRefusedUnchanged(db(), put({ amount: 141.59 }), 30, /cannot exceed the open balance 141.58/);
    await expectRefusedUnchanged(db(), put({ amount: 0 }), 20, /greater than 0/);
    await expectRefusedUnchanged(db(), put({ amount: 1.001 }), 20, /decimals/);
    await expectRefusedUnchanged(
      db(),
      put({ amount: 10, items: [{ debitMemoItemId: items[0].id, amount: 10, bogus: 1 }] }),
      21,
      /bogus/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ amount: 10, items: [{ debitMemoItemId: items[0].id, amount: 10 }] }),
      30,
      /every open item/,
    );
    await expectRefusedUnchanged(db(), put({ revenueImpacting: 'No' }), 22, /recognizedRevenueAccountingCode/);
    await expectRefusedUnchanged(db(), put({ revenueImpacting: 'No', recognizedRevenueAccountingCode: 'Nope' }), 20);
    await expectRefusedUnchanged(
      db(),
      put({ revenueImpacting: 'No', recognizedRevenueAccountingCode: 'Legacy Bad Debt' }),
      30,
      /not active/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ revenueImpacting: 'No', recognizedRevenueAccountingCode: 'Deferred Revenue' }),
      30,
      /BadDebt or OtherExpenses/,
    );
    await expectRefusedUnchanged(db(), put({ revenueImpacting: 'Maybe' }), 20);
    await expectRefusedUnchanged(db(), put({ reasonCode: 'Because' }), 20, /reason code/);
    await expectRefusedUnchanged(db(), put({ comment: 'x'.repeat(256) }), 20);
    await expectRefusedUnchanged(db(), put({ bogus: 1 }), 21);
    await expectRefusedUnchanged(db(), put('{"memoDate":'), 90);
    await expectRefusedUnchanged(db(), put({}, 'DM99999999'), 40);
    const draft = await newDm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), put({}, draft.number), 30, /Posted/);
    expect((await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {})).status).toBe(200);
    await expectRefusedUnchanged(db(), put({}), 30, /no open balance/);
  });

  it('a failure after the credit memo is created rolls it back with its number', async () => {
    const dm = await newDm([{ amount: '10.00' }]);
    // A header claiming more than its lines hold: the line settlement fails after the CM row exists.
    await db().updateTable('memos').set({ amount: '11.00', balance: '11.00' }).where('id', '=', dm.id).execute();
    const before = await snapshot(db());
    const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {});
    expect(res.body.reasons[0].code % 100).toBe(30);
    expect(await snapshot(db())).toBe(before);
    await db().updateTable('memos').set({ amount: '10.00', balance: '10.00' }).where('id', '=', dm.id).execute();
    await expectInvariants(db());
  });

  it('the credit memo of a write-off stays applied to its debit memo: unapply, refund, reverse and write-off are refused', async () => {
    for (const body of [{}, { revenueImpacting: 'No', recognizedRevenueAccountingCode: 'Bad Debt Expense' }]) {
      const dm = await newDm();
      const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, { amount: 50, ...body });
      expect(res.status).toBe(200);
      const cm = await memo(res.body.creditMemo.id);
      const because = new RegExp(`${cm.number}.*created by writing off ${dm.number} and stays applied to it`);
      const calls = [
        () =>
          h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, { debitMemos: [{ debitMemoId: dm.id, amount: 50 }] }),
        () =>
          h.call('POST', `/v1/credit-memos/${cm.number}/refunds`, {
            type: 'External',
            methodType: 'Check',
            totalAmount: 50,
          }),
        () => h.call('PUT', `/v1/credit-memos/${cm.number}/reverse`, {}),
        () => h.call('PUT', `/v1/credit-memos/${cm.id}/write-off`, {}),
      ];
      for (const call of calls) await expectRefusedUnchanged(db(), call, 30, because);
      expect(dec((await memo(dm.id)).balance)).toBe('91.58');
    }
  });

  it('20 parallel write-offs of one debit memo: exactly one succeeds, the others get a Zuora error', async () => {
    const dm = await newDm();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, {})),
    );
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 200)) expect([30, 50]).toContain(r.body.reasons[0].code % 100);
    const generated = await db().selectFrom('memos').select('id').where('written_off_memo_id', '=', dm.id).execute();
    expect(generated).toHaveLength(1);
    expect(dec((await memo(dm.id)).balance)).toBe('0');
    await expectInvariants(db());
  });
});
