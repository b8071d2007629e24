import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { expectRefused, fixtures } from '../testing/memo-writes-fixtures.ts';

// Update, post, unpost, cancel, delete, bulk create/update and the due-date batch (api-digest
// §4.5–4.12, §6.5–6.10, §7.1): every status rule, with the refusal's category and no change.

let h: Harness;
let f: Awaited<ReturnType<typeof fixtures>>;
beforeAll(async () => {
  h = await createHarness();
  f = await fixtures(h);
}, 120_000);
afterAll(() => h?.close());

async function draft(kind: 'debit-memos' | 'credit-memos' = 'debit-memos', amount = 100) {
  const res = await h.call('POST', `/v1/${kind}`, {
    accountId: f.usd.id,
    charges: [{ productRatePlanChargeId: f.taxable.id, amount }],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { id: string; number: string };
}
const items = (id: string) =>
  h.conn.db.selectFrom('memo_items').selectAll().where('memo_id', '=', id).orderBy('sort_order').execute();

describe('update', () => {
  test('a draft: header fields, item amount (tax follows), add from a charge and delete, exact totals, edited event', async () => {
    const dm = await draft();
    const [item] = await items(dm.id);
    const res = await h.call('PUT', `/v1/debitmemos/${dm.number}`, {
      comment: 'fixed',
      effectiveDate: '2026-02-01',
      dueDate: '2026-03-01',
      autoPay: false,
      transferredToAccounting: 'Yes',
      PO__c: '42',
      items: [
        { id: item.id, amount: 200.01, description: 'changed' },
        { productRatePlanChargeId: f.untaxed.id, amount: 0.1 },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      comment: 'fixed',
      debitMemoDate: '2026-02-01',
      dueDate: '2026-03-01',
      autoPay: false,
      transferredToAccounting: 'Yes',
      PO__c: '42',
    });
    expect(res.body).toMatchObject({ amount: 216.61, taxAmount: 16.5, balance: 216.61 }); // 200.01 + 16.50 + 0.10
    const after = await items(dm.id);
    expect(after.map((i) => [i.amount, i.tax_amount, i.description])).toEqual([
      ['200.01', '16.5', 'changed'],
      ['0.1', '0', null],
    ]);
    const del = await h.call('PUT', `/v1/debit-memos/${dm.id}`, { items: [{ id: after[1].id, delete: true }] });
    expect(del.body).toMatchObject({ amount: 216.51, taxAmount: 16.5 });
    const events = await h.conn.db.selectFrom('memo_events').select('event').where('memo_id', '=', dm.id).execute();
    expect(events.filter((e) => e.event === 'edited')).toHaveLength(2);
  });

  test('bad updates are refused with nothing changed', async () => {
    const dm = await draft();
    const [item] = await items(dm.id);
    const p = `/v1/debit-memos/${dm.id}`;
    const cases: [unknown, number][] = [
      [{ comment: 'x'.repeat(256) }, 20],
      [{ transferredToAccounting: 'Maybe' }, 20],
      [{ dueDate: '2000-01-01' }, 20],
      [{ effectiveDate: 'soon' }, 20],
      [{ autoApplyUponPosting: true }, 21], // a credit memo field
      [{ items: [{ id: item.id, amount: 1.001 }] }, 20],
      [{ items: [{ id: 'f'.repeat(32), amount: 1 }] }, 40],
      [{ items: [{ id: 'short', amount: 1 }] }, 20],
      [{ items: [{ amount: 1 }] }, 22],
      [{ items: [{ id: item.id, delete: true }] }, 30], // the last item
      [{ items: [{ id: item.id, delete: true, amount: 3 }] }, 20],
      [{ items: [{ id: item.id, colour: 'red' }] }, 21],
      [{ reasonCode: 'Nope' }, 20],
      ['{bad json', 90],
    ];
    for (const [body, category] of cases) await expectRefused(h, 'PUT', p, body, category);
    await expectRefused(h, 'PUT', '/v1/debit-memos/DM99999999', { comment: 'x' }, 40);
    await expectRefused(h, 'PUT', p, { comment: 'x' }, 10, { role: 'viewer' });
  });

  test('a posted memo takes only comment, transferredToAccounting and custom fields; a canceled one nothing', async () => {
    const dm = await draft();
    await h.call('PUT', `/v1/debit-memos/${dm.id}/post`);
    expect(
      (await h.call('PUT', `/v1/debit-memos/${dm.id}`, { comment: 'ok', transferredToAccounting: 'Yes', X__c: 'y' }))
        .body,
    ).toMatchObject({ comment: 'ok', X__c: 'y' });
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}`, { dueDate: '2030-01-01' }, 30, {
      message: /posted debit memo/,
    });
    const [item] = await items(dm.id);
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}`, { items: [{ id: item.id, amount: 1 }] }, 30);
    const other = await draft();
    await h.call('PUT', `/v1/debit-memos/${other.id}/cancel`);
    await expectRefused(h, 'PUT', `/v1/debit-memos/${other.id}`, { comment: 'x' }, 30);
  });

  test('items of a memo from an invoice cannot be added or deleted, and stay within the credit available', async () => {
    const item = f.invoiceItems[0];
    const cm = (
      await h.call('POST', `/v1/credit-memos/invoice/${f.invoice.id}`, {
        items: [{ invoiceItemId: item.id, amount: 1, skuName: 'x' }],
      })
    ).body;
    const [mi] = await items(cm.id);
    await expectRefused(h, 'PUT', `/v1/credit-memos/${cm.id}`, { items: [{ id: mi.id, delete: true }] }, 30);
    await expectRefused(
      h,
      'PUT',
      `/v1/credit-memos/${cm.id}`,
      { items: [{ productRatePlanChargeId: f.untaxed.id, amount: 1 }] },
      30,
    );
    await expectRefused(
      h,
      'PUT',
      `/v1/credit-memos/${cm.id}`,
      { items: [{ id: mi.id, amount: Number(item.charge_amount) + 1 }] },
      30,
    );
  });
});

describe('post, unpost, cancel, delete', () => {
  test('draft → posted → draft → canceled → deleted, with events and Zuora status messages', async () => {
    const dm = await draft();
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/unpost`, undefined, 30, {
      message: /Only debit memos with the Posted status can be unposted/,
    });
    await expectRefused(h, 'DELETE', `/v1/debit-memos/${dm.id}`, undefined, 30, {
      message: /Canceled status can be deleted/,
    });
    expect((await h.call('PUT', `/v1/debitmemos/${dm.number}/post`)).body).toMatchObject({
      status: 'Posted',
      postedById: expect.any(String),
    });
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/post`, undefined, 30, {
      message: /Draft status can be posted/,
    });
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/cancel`, undefined, 30, {
      message: /Only debit memos with the Draft status can be cancelled/,
    });
    const unposted = (await h.call('PUT', `/v1/debit-memos/${dm.id}/unpost`)).body;
    expect(unposted).toMatchObject({ status: 'Draft' });
    // No posting date: null, or left out by a tenant that drops null fields (SANDBOX_NULL_FIELDS=omit).
    expect(unposted.postedOn ?? null).toBeNull();
    expect((await h.call('PUT', `/v1/debit-memos/${dm.id}/cancel`)).body).toMatchObject({
      status: 'Canceled',
      cancelledById: expect.any(String),
    });
    expect((await h.call('DELETE', `/v1/debit-memos/${dm.id}`)).body).toEqual({ success: true });
    expect((await h.call('GET', `/v1/debit-memos/${dm.id}`)).status).toBe(404);
    expect(await items(dm.id)).toEqual([]);
    const events = await h.conn.db
      .selectFrom('memo_events')
      .select('event')
      .where('memo_id', '=', dm.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.event)).toEqual(['created', 'posted', 'unposted', 'canceled', 'deleted']);
  });

  test('posting a credit memo with autoApplyUponPosting applies it to its invoice, up to the invoice balance', async () => {
    const db = h.conn.db;
    const inv = await db
      .selectFrom('invoices')
      .selectAll()
      .where('status', '=', 'Posted')
      .where('balance', '>', '5')
      .orderBy('invoice_number')
      .executeTakeFirstOrThrow();
    const item = await db
      .selectFrom('invoice_items')
      .selectAll()
      .where('invoice_id', '=', inv.id)
      .where('charge_amount', '>=', '2')
      .orderBy('sort_order')
      .executeTakeFirstOrThrow();
    const cm = (
      await h.call('POST', `/v1/credit-memos/invoice/${inv.id}`, {
        autoApplyToInvoiceUponPosting: true,
        taxAutoCalculation: false,
        items: [{ invoiceItemId: item.id, amount: 2, skuName: item.charge_name }],
      })
    ).body;
    expect(cm).toMatchObject({ autoApplyUponPosting: true, amount: 2, status: 'Draft' });
    const posted = await h.call('PUT', `/v1/credit-memos/${cm.id}/post`);
    expect(posted.body).toMatchObject({ status: 'Posted', appliedAmount: 2, unappliedAmount: 0 });
    const after = await db.selectFrom('invoices').select('balance').where('id', '=', inv.id).executeTakeFirstOrThrow();
    expect(Number(after.balance)).toBeCloseTo(Number(inv.balance) - 2, 6);
    await expectRefused(h, 'PUT', `/v1/credit-memos/${cm.id}/unpost`, undefined, 30, {
      message: new RegExp(`applied to ${inv.invoice_number}`),
    });
  });

  test('unpost is refused for a debit memo something was applied to, naming the document; for a credit memo applied or refunded', async () => {
    const appliedDm = await h.conn.db
      .selectFrom('memos')
      .selectAll()
      .where('kind', '=', 'DebitMemo')
      .where('status', '=', 'Posted')
      .where('applied_amount', '>', '0')
      .executeTakeFirstOrThrow();
    const app = await h.conn.db
      .selectFrom('applications')
      .selectAll()
      .where('target_id', '=', appliedDm.id)
      .orderBy('created_date')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const source =
      app.source_type === 'Payment'
        ? (
            await h.conn.db
              .selectFrom('payments')
              .select('number')
              .where('id', '=', app.source_id)
              .executeTakeFirstOrThrow()
          ).number
        : (
            await h.conn.db
              .selectFrom('memos')
              .select('number')
              .where('id', '=', app.source_id)
              .executeTakeFirstOrThrow()
          ).number;
    await expectRefused(h, 'PUT', `/v1/debit-memos/${appliedDm.id}/unpost`, undefined, 30, {
      message: new RegExp(`Cannot unpost: applied to ${source}`),
    });
    const appliedCm = await h.conn.db
      .selectFrom('memos')
      .select('id')
      .where('kind', '=', 'CreditMemo')
      .where('status', '=', 'Posted')
      .where('applied_amount', '>', '0')
      .executeTakeFirstOrThrow();
    await expectRefused(h, 'PUT', `/v1/credit-memos/${appliedCm.id}/unpost`, undefined, 30, {
      message: /Cannot unpost: applied to/,
    });
    const refundedCm = await h.conn.db
      .selectFrom('memos')
      .select('id')
      .where('kind', '=', 'CreditMemo')
      .where('status', '=', 'Posted')
      .where('applied_amount', '=', '0')
      .where('refund_amount', '>', '0')
      .executeTakeFirst();
    if (refundedCm)
      await expectRefused(h, 'PUT', `/v1/credit-memos/${refundedCm.id}/unpost`, undefined, 30, { message: /refunded/ });
  });

  test('permissions: the clerk cannot delete, the viewer cannot post; unknown memos are 40', async () => {
    const dm = await draft();
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/post`, undefined, 10, { role: 'viewer' });
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/cancel`, undefined, 10, { role: 'viewer' });
    await expectRefused(h, 'PUT', `/v1/debit-memos/${dm.id}/unpost`, undefined, 10, { role: 'viewer' });
    await h.call('PUT', `/v1/debit-memos/${dm.id}/cancel`, undefined, { role: 'clerk' });
    await expectRefused(h, 'DELETE', `/v1/debit-memos/${dm.id}`, undefined, 10, { role: 'clerk' });
    for (const action of ['post', 'unpost', 'cancel'])
      await expectRefused(h, 'PUT', `/v1/credit-memos/CM99999999/${action}`, undefined, 40);
    await expectRefused(h, 'DELETE', '/v1/credit-memos/CM99999999', undefined, 40);
  });
});

describe('bulk and batch', () => {
  test('bulk create: one entry per memo in order, failures carry objectIndex, successes are committed', async () => {
    const res = await h.call('POST', '/v1/credit-memos/bulk', {
      sourceType: 'Standalone',
      memos: [
        { accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 5 }] },
        { accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.discount.id, amount: 5 }] },
        { accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 5 }], bogus: 1 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.success).toBe(true);
    expect(res.body.memos.map((m: { success: boolean }) => m.success)).toEqual([true, false, false]);
    expect(res.body.memos[1]).toMatchObject({ objectIndex: 1, processId: expect.any(String) });
    expect(res.body.memos[1].reasons[0].code % 100).toBe(30);
    expect(res.body.memos[2].reasons[0].code % 100).toBe(21);
    expect((await h.call('GET', `/v1/credit-memos/${res.body.memos[0].id}`)).status).toBe(200);

    const inv = await h.call('POST', '/v1/debit-memos/bulk', {
      sourceType: 'Invoice',
      memos: [
        { invoiceId: f.invoice.id, items: [{ amount: 1, skuName: 'x' }] },
        { items: [{ amount: 1, skuName: 'x' }] },
      ],
    });
    expect(inv.body.memos.map((m: { success: boolean }) => m.success)).toEqual([true, false]);
    expect(inv.body.memos[1].reasons[0].code % 100).toBe(22);
  });

  test('bulk envelopes: sourceType required and an enum, at most 50 memos', async () => {
    const memo = { accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 1 }] };
    await expectRefused(h, 'POST', '/v1/debit-memos/bulk', { memos: [memo] }, 22);
    await expectRefused(h, 'POST', '/v1/debit-memos/bulk', { sourceType: 'Order', memos: [memo] }, 20);
    await expectRefused(
      h,
      'POST',
      '/v1/debit-memos/bulk',
      { sourceType: 'Standalone', memos: Array(51).fill(memo) },
      20,
    );
    await expectRefused(h, 'PUT', '/v1/debit-memos/bulk', { memos: Array(51).fill({ id: 'x' }) }, 20);
    await expectRefused(h, 'POST', '/v1/debit-memos/bulk', { sourceType: 'Standalone', memos: [memo] }, 10, {
      role: 'viewer',
    });
  });

  test('bulk update: per-memo outcome with id; due-date batch is all or nothing', async () => {
    const a = await draft();
    const res = await h.call('PUT', '/v1/debitmemos/bulk', {
      memos: [
        { id: a.id, comment: 'bulk' },
        { id: 'DM99999999', comment: 'x' },
      ],
    });
    expect(res.body.memos[0]).toMatchObject({ success: true, comment: 'bulk' });
    expect(res.body.memos[1]).toMatchObject({ success: false, objectIndex: 1, id: 'DM99999999' });
    expect(res.body.memos[1].reasons[0].code % 100).toBe(40);

    expect(
      (await h.call('PUT', '/v1/debit-memos', { debitMemos: [{ id: a.number, dueDate: '2031-01-31' }] })).body,
    ).toEqual({ success: true });
    expect((await h.call('GET', `/v1/debit-memos/${a.id}`)).body.dueDate).toBe('2031-01-31');
    await expectRefused(
      h,
      'PUT',
      '/v1/debit-memos',
      {
        debitMemos: [
          { id: a.id, dueDate: '2032-01-01' },
          { id: 'DM99999999', dueDate: '2032-01-01' },
        ],
      },
      40,
    );
    await expectRefused(h, 'PUT', '/v1/debit-memos', { debitMemos: [{ id: a.id, dueDate: '31/01/2032' }] }, 20);
    await expectRefused(h, 'PUT', '/v1/debit-memos', { debitMemos: [{ id: a.id }] }, 22);
  });
});
