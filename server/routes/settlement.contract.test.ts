import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertAccount, insertMemo, insertPayment, insertReferenceData } from '../testing/settlement-fixtures.ts';
import { checkResponse, haveOpenApi, loadSpec, OPENAPI_DIR } from '../testing/swagger-check.ts';

// The sandbox's settlement responses against Zuora's published spec (../shared/zuora-openapi). The
// debit memo write-off is not in that spec (docs/zuora/api-digest.md §1): its response follows seed 002 exactly.
if (!haveOpenApi()) console.warn(`Skipping settlement contract tests: ${OPENAPI_DIR} is absent.`);

describe('debit memo write-off response (seed 002)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness({ seed: 'none' });
    await insertReferenceData(h.conn.db);
  });
  afterAll(() => h.close());

  it('is exactly { creditMemo: { id }, success: true }', async () => {
    const acc = await insertAccount(h.conn.db);
    const dm = await insertMemo(h.conn.db, { kind: 'DebitMemo', accountId: acc.id, lines: [{ amount: '10.00' }] });
    const res = await h.call('PUT', `/v1/debit-memos/${dm.number}/write-off`, { memoDate: '2024-03-02' });
    expect(Object.keys(res.body).sort()).toEqual(['creditMemo', 'success']);
    expect(res.body.creditMemo).toEqual({ id: expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(res.body.success).toBe(true);
  });
});

describe.runIf(haveOpenApi())('settlement responses match Zuora’s spec', () => {
  let h: Harness;
  let acc: { id: string };
  beforeAll(async () => {
    h = await createHarness({ seed: 'none' });
    await insertReferenceData(h.conn.db);
    acc = await insertAccount(h.conn.db);
  });
  afterAll(() => h.close());
  const cmOf = () =>
    insertMemo(h.conn.db, {
      kind: 'CreditMemo',
      accountId: acc.id,
      lines: [{ amount: '60.00', taxes: ['5.00'] }, { amount: '40.00' }],
    });
  const dmOf = () =>
    insertMemo(h.conn.db, { kind: 'DebitMemo', accountId: acc.id, lines: [{ amount: '50.00', taxes: ['4.00'] }] });

  it('credit memo apply, unapply, refund, reverse, write-off; GET refund', async () => {
    const spec = loadSpec('credit-memos.json');
    const cm = await cmOf();
    const dm = await dmOf();
    const apply = await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, {
      debitMemos: [{ debitMemoId: dm.id, amount: 10 }],
    });
    expect(apply.status).toBe(200);
    expect(checkResponse(spec, 'PUT', '/v1/creditmemos/{creditMemoKey}/apply', apply.body)).toEqual([]);
    const unapply = await h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, {
      debitMemos: [{ debitMemoId: dm.id, amount: 10 }],
    });
    expect(checkResponse(spec, 'PUT', '/v1/creditmemos/{creditMemoKey}/unapply', unapply.body)).toEqual([]);
    const refund = await h.call('POST', `/v1/credit-memos/${cm.number}/refunds`, {
      type: 'External',
      methodType: 'Check',
      totalAmount: 5,
    });
    expect(refund.status).toBe(200);
    expect(checkResponse(spec, 'POST', '/v1/creditmemos/{creditMemoKey}/refunds', refund.body)).toEqual([]);
    const read = await h.call('GET', `/v1/refunds/${refund.body.number}`);
    expect(checkResponse(loadSpec('refunds.json'), 'GET', '/v1/refunds/{refundKey}', read.body)).toEqual([]);
    const reverse = await h.call('PUT', `/v1/credit-memos/${cm.number}/reverse`, {});
    expect(reverse.status).toBe(200);
    expect(checkResponse(spec, 'PUT', '/v1/creditmemos/{creditMemoKey}/reverse', reverse.body)).toEqual([]);
    const other = await cmOf();
    const writeOff = await h.call('PUT', `/v1/credit-memos/${other.id}/write-off`, {});
    expect(writeOff.status).toBe(200);
    expect(checkResponse(spec, 'PUT', '/v1/creditmemos/{creditMemoId}/write-off', writeOff.body)).toEqual([]);
  });

  it('debit memo collect and payment apply', async () => {
    await cmOf();
    const p = await insertPayment(h.conn.db, { accountId: acc.id, amount: '500.00' });
    const dm = await insertMemo(h.conn.db, { kind: 'DebitMemo', accountId: acc.id, lines: [{ amount: '200.00' }] });
    const collect = await h.call('POST', `/v1/debit-memos/${dm.number}/collect`, { applyCredit: true });
    expect(collect.status).toBe(200);
    expect(collect.body.appliedCreditMemos.length + collect.body.appliedPayments.length).toBeGreaterThan(0);
    expect(
      checkResponse(loadSpec('debit-memos.json'), 'POST', '/v1/debitmemos/{debitMemoKey}/collect', collect.body),
    ).toEqual([]);
    const target = await dmOf();
    const applied = await h.call('PUT', `/v1/payments/${p.number}/apply`, {
      debitMemos: [{ debitMemoId: target.id, amount: 54 }],
    });
    expect(applied.status).toBe(200);
    expect(checkResponse(loadSpec('payments.json'), 'PUT', '/v1/payments/{paymentKey}/apply', applied.body)).toEqual(
      [],
    );
  });
});
