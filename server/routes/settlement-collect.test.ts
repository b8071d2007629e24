import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debitMemoCollectResponseSchema, paymentSchema } from '../../src/contract/settlement-responses.ts';
import { money } from '../../src/lib/money.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  dec,
  insertAccount,
  insertInvoice,
  insertMemo,
  insertPayment,
  insertReferenceData,
  rowReaders,
  type LineSpec,
} from '../testing/settlement-fixtures.ts';
import { expectInvariants, expectRefusedUnchanged } from '../testing/settlement-assert.ts';

// POST /v1/debit-memos/{key}/collect and PUT /v1/payments/{key}/apply.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
});
afterAll(() => h.close());

const db = () => h.conn.db;
const { memo, payment } = rowReaders(db);
const cmOf = (accountId: string, lines: LineSpec[], memoDate = '2024-01-01') =>
  insertMemo(db(), { kind: 'CreditMemo', accountId, lines, memoDate });
const dmOf = (accountId: string, lines: LineSpec[], status = 'Posted') =>
  insertMemo(db(), { kind: 'DebitMemo', accountId, lines, status, memoDate: '2024-03-01' });
const ones = (n: number): LineSpec[] => Array.from({ length: n }, () => ({ amount: '1.00' }));

describe('debit memo collect', () => {
  it('applies credit memos then payments, each oldest first then largest first, until the balance is 0', async () => {
    const acc = await insertAccount(db());
    const newSmall = await cmOf(acc.id, [{ amount: '20.00' }], '2024-02-01');
    const old = await cmOf(acc.id, [{ amount: '30.00' }], '2024-01-01');
    const newBig = await cmOf(acc.id, [{ amount: '45.00', taxes: ['5.00'] }], '2024-02-01');
    const pLate = await insertPayment(db(), { accountId: acc.id, amount: '100.00', effectiveDate: '2024-02-15' });
    const pEarly = await insertPayment(db(), { accountId: acc.id, amount: '40.00', effectiveDate: '2024-01-15' });
    const dm = await dmOf(acc.id, [{ amount: '110.00', taxes: ['10.00'] }]);
    const res = await h.call('POST', `/v1/debit-memos/${dm.number}/collect`, { applyCredit: true });
    expect(res.status).toBe(200);
    const body = debitMemoCollectResponseSchema.parse(res.body);
    expect(body.appliedCreditMemos?.map((c) => [c.id, c.appliedAmount, c.unappliedAmount])).toEqual([
      [old.id, 30, 0],
      [newBig.id, 50, 0],
      [newSmall.id, 20, 0],
    ]);
    expect(body.appliedPayments?.map((p) => [p.id, p.appliedAmount, p.unappliedAmount])).toEqual([[pEarly.id, 20, 20]]);
    expect(body.debitMemo).toEqual({ id: dm.id, number: dm.number });
    expect(dec((await memo(dm.id)).balance)).toBe('0');
    expect(dec((await payment(pLate.id)).applied_amount)).toBe('0');
    const tax = await db()
      .selectFrom('memo_taxation_items')
      .selectAll()
      .where('memo_id', '=', dm.id)
      .executeTakeFirstOrThrow();
    expect(dec(money(tax.credit_amount).plus(tax.payment_amount))).toBe('10');
    await expectInvariants(db());
  });

  it('follows applicationOrder, and without applyCredit changes nothing', async () => {
    const acc = await insertAccount(db());
    const cm = await cmOf(acc.id, [{ amount: '30.00' }]);
    const p = await insertPayment(db(), { accountId: acc.id, amount: '25.00' });
    const dm = await dmOf(acc.id, [{ amount: '50.00' }]);
    const nothing = await h.call('POST', `/v1/debitmemos/${dm.id}/collect`, {});
    expect(nothing.body).toMatchObject({ appliedCreditMemos: [], appliedPayments: [], success: true });
    expect(dec((await memo(dm.id)).balance)).toBe('50');
    const res = await h.call('POST', `/v1/debit-memos/${dm.number}/collect`, {
      applyCredit: true,
      applicationOrder: ['UnappliedPayment', 'CreditMemo'],
    });
    expect(res.body.appliedPayments.map((x: { appliedAmount: number }) => x.appliedAmount)).toEqual([25]);
    expect(
      res.body.appliedCreditMemos.map((x: { appliedAmount: number; unappliedAmount: number }) => [
        x.appliedAmount,
        x.unappliedAmount,
      ]),
    ).toEqual([[25, 5]]);
    expect(dec((await memo(cm.id)).balance)).toBe('5');
    expect(dec((await payment(p.id)).unapplied_amount)).toBe('0');
    await expectInvariants(db());
  });

  it('refuses, changing nothing: limits, electronic collection, wrong status, bad bodies', async () => {
    const acc = await insertAccount(db());
    await cmOf(acc.id, [{ amount: '10.00' }]);
    const dm = await dmOf(acc.id, [{ amount: '50.00' }]);
    const post =
      (body: unknown, key: string = dm.number, role?: 'viewer') =>
      () =>
        h.call('POST', `/v1/debit-memos/${key}/collect`, body, { role });
    await expectRefusedUnchanged(db(), post({ applyCredit: true }, dm.number, 'viewer'), 10);
    await expectRefusedUnchanged(db(), post({ applyCredit: true, collect: true }), 30, /no gateway is configured/);
    await expectRefusedUnchanged(db(), post({ applicationOrder: ['CreditMemo'] }), 20, /applyCredit/);
    await expectRefusedUnchanged(db(), post({ payment: { gatewayId: 'g' } }), 20, /collect/);
    await expectRefusedUnchanged(db(), post({ applyCredit: true, applicationOrder: ['Cash'] }), 20);
    await expectRefusedUnchanged(db(), post({ applyCredit: 'yes' }), 20);
    await expectRefusedUnchanged(db(), post({ bogus: 1 }), 21);
    await expectRefusedUnchanged(db(), post({}, 'DM99999999'), 40);
    const draft = await dmOf(acc.id, [{ amount: '5.00' }], 'Draft');
    await expectRefusedUnchanged(db(), post({ applyCredit: true }, draft.number), 30, /Posted/);
    const wide = await dmOf(acc.id, ones(11));
    await expectRefusedUnchanged(db(), post({ applyCredit: true }, wide.number), 30, /at most 10/);

    const many = await insertAccount(db());
    for (let i = 0; i < 26; i++) await cmOf(many.id, [{ amount: '1.00' }]);
    const dmMany = await dmOf(many.id, [{ amount: '26.00' }]);
    await expectRefusedUnchanged(db(), post({ applyCredit: true }, dmMany.number), 30, /26 credit memos; at most 25/);

    const itemy = await insertAccount(db());
    for (let i = 0; i < 3; i++) await cmOf(itemy.id, ones(35));
    const dmItemy = await dmOf(itemy.id, [{ amount: '105.00' }]);
    await expectRefusedUnchanged(
      db(),
      post({ applyCredit: true }, dmItemy.number),
      30,
      /105 credit memo items; at most 100/,
    );

    const payers = await insertAccount(db());
    for (let i = 0; i < 26; i++) await insertPayment(db(), { accountId: payers.id, amount: '1.00' });
    const dmPaid = await dmOf(payers.id, [{ amount: '30.00' }]);
    await expectRefusedUnchanged(db(), post({ applyCredit: true }, dmPaid.number), 30, /26 payments; at most 25/);
    // collect: true is fine when the credits settle everything
    const enough = await insertAccount(db());
    await cmOf(enough.id, [{ amount: '10.00' }]);
    const dmSmall = await dmOf(enough.id, [{ amount: '10.00' }]);
    expect(
      (await h.call('POST', `/v1/debit-memos/${dmSmall.number}/collect`, { applyCredit: true, collect: true })).status,
    ).toBe(200);
    await expectInvariants(db());
  });
});

describe('payment apply', () => {
  it('applies a payment to a debit memo and an invoice', async () => {
    const acc = await insertAccount(db());
    const p = await insertPayment(db(), { accountId: acc.id, amount: '100.00' });
    const dm = await dmOf(acc.id, [{ amount: '50.00', taxes: ['4.00'] }]);
    const inv = await insertInvoice(db(), { accountId: acc.id, lines: [{ amount: '30.00' }] });
    const res = await h.call('PUT', `/v1/payments/${p.number}/apply`, {
      effectiveDate: '2024-03-02',
      debitMemos: [{ debitMemoId: dm.id, amount: 54 }],
      invoices: [{ invoiceId: inv.id, amount: 30 }],
    });
    expect(res.status).toBe(200);
    expect(paymentSchema.parse(res.body)).toMatchObject({ appliedAmount: 84, unappliedAmount: 16, amount: 100 });
    const tax = await db()
      .selectFrom('memo_taxation_items')
      .selectAll()
      .where('memo_id', '=', dm.id)
      .executeTakeFirstOrThrow();
    expect([dec(tax.payment_amount), dec(tax.credit_amount), dec(tax.balance)]).toEqual(['4', '0', '0']);
    const invoice = await db().selectFrom('invoices').selectAll().where('id', '=', inv.id).executeTakeFirstOrThrow();
    expect([dec(invoice.payment_amount), dec(invoice.balance)]).toEqual(['30', '0']);
    await expectInvariants(db());
  });

  it('refuses, changing nothing', async () => {
    const acc = await insertAccount(db());
    const stranger = await insertAccount(db());
    const p = await insertPayment(db(), { accountId: acc.id, amount: '10.00' });
    const draftPayment = await insertPayment(db(), { accountId: acc.id, amount: '10.00', status: 'Draft' });
    const dm = await dmOf(acc.id, [{ amount: '50.00' }]);
    const foreign = await dmOf(stranger.id, [{ amount: '50.00' }]);
    const put =
      (body: unknown, key: string = p.number, role?: 'viewer') =>
      () =>
        h.call('PUT', `/v1/payments/${key}/apply`, body, { role });
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }, p.number, 'viewer'),
      10,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 10.01 }] }),
      30,
      /unapplied amount 10/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: foreign.id, amount: 1 }] }),
      30,
      /another account/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }, draftPayment.number),
      30,
      /Processed/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 1, items: [{ creditMemoItemId: 'x', amount: 1 }] }] }),
      21,
    );
    await expectRefusedUnchanged(db(), put({ debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }, 'P-99999999'), 40);
  });
});
