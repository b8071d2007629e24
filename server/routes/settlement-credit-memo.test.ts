import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creditMemoReverseResponseSchema,
  creditMemoWriteOffResponseSchema,
  refundSchema,
} from '../../src/contract/settlement-responses.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  dec,
  insertAccount,
  insertMemo,
  insertReferenceData,
  rowReaders,
  type LineSpec,
} from '../testing/settlement-fixtures.ts';
import { expectCategory, expectInvariants, expectRefusedUnchanged } from '../testing/settlement-assert.ts';

// POST …/refunds, PUT …/reverse, PUT …/write-off of a credit memo; GET /v1/refunds/{key}.

let h: Harness;
let account: { id: string; number: string };
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
  account = await insertAccount(h.conn.db);
});
afterAll(() => h.close());

const db = () => h.conn.db;
const newCm = (lines: LineSpec[] = [{ amount: '60.00', taxes: ['5.00'] }, { amount: '40.00' }], status = 'Posted') =>
  insertMemo(db(), { kind: 'CreditMemo', accountId: account.id, lines, status });
const { memo, itemsOf, taxesOf } = rowReaders(db);
const refund = (cm: { number: string }, body: unknown, role?: 'clerk') =>
  h.call('POST', `/v1/credit-memos/${cm.number}/refunds`, body, { role });

describe('credit memo refund', () => {
  it('creates a Processed External refund and takes it from the open lines proportionally', async () => {
    const cm = await newCm();
    const res = await refund(cm, {
      type: 'External',
      methodType: 'Check',
      totalAmount: 21,
      refundDate: '2024-03-02',
      comment: 'cheque 42',
      referenceId: 'CHK-42',
    });
    expect(res.status).toBe(200);
    const r = refundSchema.parse(res.body);
    expect(r).toMatchObject({
      status: 'Processed',
      type: 'External',
      methodType: 'Check',
      amount: 21,
      refundDate: '2024-03-02',
      creditMemoId: cm.id,
      reasonCode: 'Standard Refund',
      gatewayState: 'NotSubmitted',
      accountId: account.id,
      comment: 'cheque 42',
      success: true,
    });
    // Not from a payment: null, or left out by a tenant that drops null fields (SANDBOX_NULL_FIELDS=omit).
    expect(r.paymentId ?? null).toBeNull();
    expect(r.number).toMatch(/^R-\d{8}$/);
    const after = await memo(cm.id);
    expect([dec(after.refund_amount), dec(after.balance), dec(after.applied_amount)]).toEqual(['21', '84', '0']);
    // 21 × (60, 5, 40)/105 = 12, 1, 8
    expect((await itemsOf(cm.id)).map((i) => [dec(i.refund_amount), dec(i.balance)])).toEqual([
      ['12', '48'],
      ['8', '32'],
    ]);
    expect((await taxesOf(cm.id)).map((t) => [dec(t.refund_amount), dec(t.balance)])).toEqual([['1', '4']]);
    for (const key of [r.id, r.number])
      expect((await h.call('GET', `/v1/refunds/${key}`, undefined, { role: 'viewer' })).body).toEqual(res.body);
    const events = await db().selectFrom('memo_events').select('event').where('memo_id', '=', cm.id).execute();
    expect(events.map((e) => e.event)).toEqual(['refunded']);
    await expectInvariants(db());
  });

  it('refunds named lines with items[] and accepts the refund reason codes', async () => {
    const cm = await newCm();
    const [, second] = await itemsOf(cm.id);
    const res = await h.call('POST', `/v1/creditmemos/${cm.id}/refunds`, {
      type: 'External',
      methodType: 'Cash',
      totalAmount: 40,
      reasonCode: 'customer request',
      items: [{ creditMemoItemId: second.id, amount: 40 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.reasonCode).toBe('Customer Request');
    expect((await itemsOf(cm.id)).map((i) => dec(i.balance))).toEqual(['60', '0']);
    await expectInvariants(db());
  });

  it('refuses, changing nothing', async () => {
    const cm = await newCm();
    const post =
      (body: unknown, role?: 'clerk', key = cm.number) =>
      () =>
        h.call('POST', `/v1/credit-memos/${key}/refunds`, body, { role });
    const ok = { type: 'External', methodType: 'Check', totalAmount: 10 };
    await expectRefusedUnchanged(db(), post(ok, 'clerk'), 10);
    await expectRefusedUnchanged(
      db(),
      post({ ...ok, type: 'Electronic', methodType: undefined }),
      30,
      /no gateway is configured/,
    );
    await expectRefusedUnchanged(db(), post({ type: 'External', totalAmount: 10 }), 22, /methodType/);
    await expectRefusedUnchanged(db(), post({ methodType: 'Check', totalAmount: 10 }), 22);
    await expectRefusedUnchanged(db(), post({ ...ok, methodType: 'Barter' }), 20);
    await expectRefusedUnchanged(db(), post({ ...ok, totalAmount: 105.01 }), 30, /exceeds the unapplied amount 105/);
    await expectRefusedUnchanged(db(), post({ ...ok, totalAmount: 0 }), 20);
    await expectRefusedUnchanged(db(), post({ ...ok, totalAmount: 1.234 }), 20);
    await expectRefusedUnchanged(
      db(),
      post({ ...ok, refundDate: '2024-02-28' }),
      30,
      /earliest allowed date is 2024-03-01/,
    );
    await expectRefusedUnchanged(db(), post({ ...ok, reasonCode: 'Write-off' }), 20, /reason code/);
    await expectRefusedUnchanged(db(), post({ ...ok, comment: 'x'.repeat(256) }), 20);
    await expectRefusedUnchanged(db(), post({ ...ok, paymentMethodId: 'pm' }), 20, /Electronic/);
    await expectRefusedUnchanged(db(), post({ ...ok, bogus: 1 }), 21);
    await expectRefusedUnchanged(db(), post(ok, undefined, 'CM99999999'), 40);
    const draft = await newCm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), post(ok, undefined, draft.number), 30, /Posted/);
    expectCategory(await h.call('GET', '/v1/refunds/R-99999999'), 40);
  });
});

describe('credit memo reverse', () => {
  it('creates a Posted debit memo mirroring the credit memo and applies the credit memo to it in full', async () => {
    const cm = await newCm();
    const res = await h.call('PUT', `/v1/credit-memos/${cm.number}/reverse`, {
      memoDate: '2024-03-15',
      applyEffectiveDate: '2024-03-16',
      comment: 'reversed',
    });
    expect(res.status).toBe(200);
    const body = creditMemoReverseResponseSchema.parse(res.body);
    expect(body.creditMemo?.id).toBe(cm.id);
    const dm = await memo(body.debitMemo.id);
    expect(dm).toMatchObject({
      kind: 'DebitMemo',
      status: 'Posted',
      source_type: 'CreditMemo',
      referred_credit_memo_id: cm.id,
      origin: 'Reversal',
      reason_code: 'Credit memo reversal',
      comment: 'reversed',
      memo_date: '2024-03-15',
    });
    expect([dec(dm.amount), dec(dm.tax_amount), dec(dm.balance)]).toEqual(['105', '5', '0']);
    const after = await memo(cm.id);
    expect([after.reversed, dec(after.applied_amount), dec(after.balance)]).toEqual([true, '105', '0']);
    expect((await itemsOf(dm.id)).map((i) => [i.sku_name, dec(i.amount), i.source_item_type])).toEqual([
      ['Charge 1', '60', 'CreditMemoItem'],
      ['Charge 2', '40', 'CreditMemoItem'],
    ]);
    const app = await db()
      .selectFrom('applications')
      .selectAll()
      .where('source_id', '=', cm.id)
      .executeTakeFirstOrThrow();
    expect([app.target_id, app.effective_date]).toEqual([dm.id, '2024-03-16']);
    await expectInvariants(db());
  });

  it('reverses what is left of a partly refunded credit memo', async () => {
    const cm = await newCm();
    expect((await refund(cm, { type: 'External', methodType: 'Check', totalAmount: 5 })).status).toBe(200);
    const res = await h.call('PUT', `/v1/creditmemos/${cm.id}/reverse`, {});
    expect(res.status).toBe(200);
    expect(dec((await memo(res.body.debitMemo.id)).amount)).toBe('100');
    await expectInvariants(db());
  });

  it('refuses, changing nothing', async () => {
    const cm = await newCm();
    const dm = await insertMemo(db(), { kind: 'DebitMemo', accountId: account.id, lines: [{ amount: '10.00' }] });
    const put =
      (body: unknown, key = cm.number, role?: 'clerk') =>
      () =>
        h.call('PUT', `/v1/credit-memos/${key}/reverse`, body, { role });
    await expectRefusedUnchanged(db(), put({}, cm.number, 'clerk'), 10);
    await expectRefusedUnchanged(db(), put({ memoDate: '2024-02-01' }), 30, /earliest allowed date is 2024-03-01/);
    await expectRefusedUnchanged(
      db(),
      put({ memoDate: '2024-03-10', applyEffectiveDate: '2024-03-09' }),
      30,
      /earliest allowed date is 2024-03-10/,
    );
    await expectRefusedUnchanged(db(), put({ reasonCode: 'Ad hoc Credit' }), 20);
    await expectRefusedUnchanged(db(), put({ bogus: 1 }), 21);
    const draft = await newCm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), put({}, draft.number), 30, /Posted/);
    expect(
      (await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }))
        .status,
    ).toBe(200);
    await expectRefusedUnchanged(db(), put({}), 30, /unapply it before reversing/);
    const done = await newCm();
    expect((await h.call('PUT', `/v1/credit-memos/${done.number}/reverse`, {})).status).toBe(200);
    await expectRefusedUnchanged(db(), put({}, done.number), 30, /already reversed/);
  });
});

describe('credit memo write-off', () => {
  it('creates a Posted debit memo for the unapplied balance and applies the credit memo to it', async () => {
    const cm = await newCm();
    const res = await h.call('PUT', `/v1/credit-memos/${cm.id}/write-off`, {
      memoDate: '2024-04-01',
      comment: 'stranded credit',
    });
    expect(res.status).toBe(200);
    const dm = await memo(creditMemoWriteOffResponseSchema.parse(res.body).debitMemo.id);
    expect(dm).toMatchObject({
      status: 'Posted',
      source_type: 'CreditMemo',
      referred_credit_memo_id: cm.id,
      origin: 'CreditMemoWriteOff',
      reason_code: 'Write-off',
      comment: 'stranded credit',
      memo_date: '2024-04-01',
    });
    expect([dec(dm.amount), dec(dm.balance), dec((await memo(cm.id)).balance)]).toEqual(['105', '0', '0']);
    const events = await db()
      .selectFrom('memo_events')
      .select('event')
      .where('memo_id', '=', cm.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.event)).toEqual(['applied', 'writtenOff']);
    await expectInvariants(db());
  });

  it('writes off what is left of a partly refunded credit memo', async () => {
    const cm = await newCm();
    expect((await refund(cm, { type: 'External', methodType: 'Check', totalAmount: 100 })).status).toBe(200);
    const res = await h.call('PUT', `/v1/creditmemos/${cm.id}/write-off`, {});
    expect(res.status).toBe(200);
    expect(dec((await memo(res.body.debitMemo.id)).amount)).toBe('5');
    await expectInvariants(db());
  });

  it('refuses, changing nothing', async () => {
    const cm = await newCm();
    const dm = await insertMemo(db(), { kind: 'DebitMemo', accountId: account.id, lines: [{ amount: '10.00' }] });
    const put =
      (body: unknown, key: string = cm.id, role?: 'clerk') =>
      () =>
        h.call('PUT', `/v1/credit-memos/${key}/write-off`, body, { role });
    await expectRefusedUnchanged(db(), put({}, cm.id, 'clerk'), 10);
    await expectRefusedUnchanged(db(), put({}, cm.number), 40); // the id only, not the number
    await expectRefusedUnchanged(db(), put({ memoDate: '2024-01-01' }), 30, /earliest allowed date/);
    await expectRefusedUnchanged(db(), put({ amount: 5 }), 21);
    const draft = await newCm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), put({}, draft.id), 30, /Posted/);
    expect(
      (await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }))
        .status,
    ).toBe(200);
    await expectRefusedUnchanged(db(), put({}), 30, /fully unapplied/);
    const refunded = await newCm([{ amount: '10.00' }]);
    expect((await refund(refunded, { type: 'External', methodType: 'Check', totalAmount: 10 })).status).toBe(200);
    await expectRefusedUnchanged(db(), put({}, refunded.id), 30, /no unapplied amount/);
    // A credit memo from a debit memo write-off stays applied to it, so it cannot be written off either.
    const bad = await insertMemo(db(), { kind: 'DebitMemo', accountId: account.id, lines: [{ amount: '10.00' }] });
    const wo = await h.call('PUT', `/v1/debit-memos/${bad.number}/write-off`, {
      revenueImpacting: 'No',
      recognizedRevenueAccountingCode: 'Write-off Expense',
    });
    expect(wo.status).toBe(200);
    const generated = wo.body.creditMemo.id as string;
    await expectRefusedUnchanged(db(), put({}, generated), 30, /created by writing off .* stays applied to it/);
  });
});
