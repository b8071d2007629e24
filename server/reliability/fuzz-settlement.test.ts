import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  expectNoViolations,
  fuzz,
  fuzzBody,
  fuzzKey,
  fuzzObject,
  hostileAmount,
  hostileDate,
  runs,
  validDate,
  type FuzzRequest,
  NO_RATE_LIMIT,
} from './fuzz-kit.ts';
import { keysOf, loadTargets, memosOf, orNone, type FuzzTargets, type TargetMemo } from './fuzz-targets.ts';

// Fuzzing the settlement endpoints: debit memo write-off and collect, credit memo apply, unapply,
// refund, reverse and write-off, payment apply. Bodies pair a memo with documents of its own account
// and use small amounts, so that many generated requests succeed and move money; the balance
// invariants must hold at the end.

let h: Harness;
let t: FuzzTargets;
beforeAll(async () => {
  h = await createHarness({ env: NO_RATE_LIMIT });
  t = await loadTargets(h);
}, 180_000);
afterAll(async () => {
  await expectNoViolations(h);
  await h?.close();
}, 60_000);

const amount = fc.integer({ min: 1, max: 500 }).map((n) => n / 100);
const text = fc.string({ maxLength: 30 });
const H = {
  amount: hostileAmount,
  totalAmount: hostileAmount,
  memoDate: hostileDate,
  effectiveDate: hostileDate,
  refundDate: hostileDate,
  applyEffectiveDate: hostileDate,
  type: fc.constantFrom('Cash', '', null),
  methodType: fc.constantFrom('Bitcoin', 1),
  revenueImpacting: fc.constantFrom('Maybe', true),
};
const DM = ['/v1/debit-memos', '/v1/debitmemos'];
const CM = ['/v1/credit-memos', '/v1/creditmemos'];

/** A request on one memo (by id or number, or a hostile key) with a body built for that memo. */
function onMemo(
  memos: TargetMemo[],
  bases: string[],
  op: string,
  body: (m: TargetMemo) => fc.Arbitrary<unknown>,
  method = 'PUT',
): fc.Arbitrary<FuzzRequest> {
  return fc
    .constantFrom(...memos)
    .chain((m) =>
      fc
        .record({ base: fc.constantFrom(...bases), key: fuzzKey([m.id, m.number]), body: fuzzBody(body(m)) })
        .map(({ base, key, body }) => ({ method, path: `${base}/${key}/${op}`, body })),
    );
}

const sameAccount = (m: TargetMemo) => ({
  invoices: orNone(t.invoices.filter((i) => i.accountId === m.accountId).map((i) => i.id)),
  debitMemos: orNone(
    memosOf(t, 'DebitMemo', { status: 'Posted', open: true, limit: 1000 })
      .filter((d) => d.accountId === m.accountId)
      .map((d) => d.id),
  ),
});

describe('settlement never answers 5xx and refuses in Zuora envelope', () => {
  test('debit memo write-off', async () => {
    const body = (m: TargetMemo) =>
      fuzzObject(
        {
          amount,
          memoDate: validDate,
          comment: text,
          reasonCode: fc.constantFrom('Write-off', 'Correcting Invoice Error'),
          revenueImpacting: fc.constantFrom('Yes', 'No'),
          recognizedRevenueAccountingCode: fc.constantFrom(
            'Bad Debt Expense',
            'Legacy Bad Debt',
            'Subscription Revenue',
          ),
          items: fc.array(
            fuzzObject(
              {
                debitMemoItemId: fc.constantFrom(...orNone(m.items)),
                taxItemId: fc.constantFrom(...orNone(m.taxItems)),
                amount,
              },
              H,
            ),
            { maxLength: 2 },
          ),
        },
        H,
      );
    const memos = [
      ...memosOf(t, 'DebitMemo', { status: 'Posted', open: true }),
      ...memosOf(t, 'DebitMemo', { limit: 10 }),
    ];
    const s = await fuzz(h, 'DM write-off', onMemo(memos, DM, 'write-off', body), runs(300));
    expect(s.byStatus[200] ?? 0, JSON.stringify(s.byStatus)).toBeGreaterThan(0);
  });

  test('credit memo apply and unapply', async () => {
    const body = (m: TargetMemo) => {
      const to = sameAccount(m);
      return fuzzObject(
        {
          effectiveDate: validDate,
          invoices: fc.array(fuzzObject({ invoiceId: fc.constantFrom(...to.invoices), amount }, H), { maxLength: 2 }),
          debitMemos: fc.array(fuzzObject({ debitMemoId: fc.constantFrom(...to.debitMemos), amount }, H), {
            maxLength: 2,
          }),
        },
        H,
      );
    };
    const memos = memosOf(t, 'CreditMemo', { status: 'Posted', limit: 60 });
    const s = await fuzz(
      h,
      'CM apply/unapply',
      fc.oneof(onMemo(memos, CM, 'apply', body), onMemo(memos, CM, 'unapply', body)),
      runs(400),
    );
    expect(s.byStatus[200] ?? 0, JSON.stringify(s.byStatus)).toBeGreaterThan(0);
  });

  test('credit memo refund', async () => {
    const body = (m: TargetMemo) =>
      fuzzObject(
        {
          type: fc.constant('External'),
          totalAmount: amount,
          methodType: fc.constantFrom('Check', 'Cash', 'CreditCard'),
          refundDate: validDate,
          comment: text,
          reasonCode: fc.constantFrom('Standard Refund', 'Customer Request'),
          referenceId: text,
          items: fc.array(
            fuzzObject(
              {
                creditMemoItemId: fc.constantFrom(...orNone(m.items)),
                creditTaxItemId: fc.constantFrom(...orNone(m.taxItems)),
                amount,
              },
              H,
            ),
            { maxLength: 2 },
          ),
        },
        H,
      );
    const memos = memosOf(t, 'CreditMemo', { status: 'Posted', open: true });
    const s = await fuzz(h, 'CM refund', onMemo(memos, CM, 'refunds', body, 'POST'), runs(300));
    expect(s.byStatus[200] ?? 0, JSON.stringify(s.byStatus)).toBeGreaterThan(0);
  });

  test('credit memo reverse and write-off', async () => {
    const reverse = () =>
      fuzzObject(
        {
          memoDate: validDate,
          applyEffectiveDate: validDate,
          reasonCode: fc.constantFrom('Credit memo reversal'),
          comment: text,
        },
        H,
      );
    const writeOff = () =>
      fuzzObject({ memoDate: validDate, comment: text, reasonCode: fc.constantFrom('Write-off') }, H);
    const memos = [
      ...memosOf(t, 'CreditMemo', { status: 'Posted', open: true }),
      ...memosOf(t, 'CreditMemo', { limit: 10 }),
    ];
    await fuzz(
      h,
      'CM reverse/write-off',
      fc.oneof(onMemo(memos, CM, 'reverse', reverse), onMemo(memos, CM, 'write-off', writeOff)),
      runs(250),
    );
  });

  test('debit memo collect and payment apply', async () => {
    const collect = () =>
      fuzzObject({
        applyCredit: fc.boolean(),
        applicationOrder: fc.array(fc.constantFrom('CreditMemo', 'UnappliedPayment'), { minLength: 1, maxLength: 2 }),
        collect: fc.boolean(),
        payment: fuzzObject({ gatewayId: text, paymentMethodId: text }),
      });
    const payment = (accountId: string) => {
      const to = sameAccount({ accountId } as TargetMemo);
      return fuzzObject(
        {
          effectiveDate: validDate,
          invoices: fc.array(fuzzObject({ invoiceId: fc.constantFrom(...to.invoices), amount }, H), { maxLength: 2 }),
          debitMemos: fc.array(fuzzObject({ debitMemoId: fc.constantFrom(...to.debitMemos), amount }, H), {
            maxLength: 2,
          }),
        },
        H,
      );
    };
    const payments = fc
      .constantFrom(...(t.payments.length ? t.payments : [{ number: 'none', accountId: 'none' }]))
      .chain((p) => fc.record({ key: fuzzKey([p.number]), body: fuzzBody(payment(p.accountId)) }))
      .map(({ key, body }): FuzzRequest => ({ method: 'PUT', path: `/v1/payments/${key}/apply`, body }));
    const dms = memosOf(t, 'DebitMemo', { status: 'Posted', open: true });
    await fuzz(
      h,
      'DM collect/payment apply',
      fc.oneof(onMemo(dms, DM, 'collect', collect, 'POST'), payments),
      runs(250),
    );
  });

  test('refused everywhere for a memo key that is hostile', async () => {
    const keys = keysOf(memosOf(t, 'CreditMemo', { limit: 3 }));
    const arb = fc
      .record({ key: fuzzKey(keys), op: fc.constantFrom('apply', 'unapply', 'reverse', 'write-off') })
      .map(({ key, op }): FuzzRequest => ({ method: 'PUT', path: `/v1/credit-memos/${key}/${op}`, body: {} }));
    await fuzz(h, 'CM keys', arb, runs(100));
  });
});
