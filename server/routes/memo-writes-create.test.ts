import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addDays, today } from '../../src/lib/dates.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { expectRefused, fixtures } from '../testing/memo-writes-fixtures.ts';

// Create from charge and create from invoice (docs/zuora/api-digest.md §4.3, §4.4, §6.3, §6.4): the happy paths
// with their derived amounts, and every refusal with its category and an unchanged database.

let h: Harness;
let f: Awaited<ReturnType<typeof fixtures>>;
beforeAll(async () => {
  h = await createHarness();
  f = await fixtures(h);
}, 120_000);
afterAll(() => h?.close());

const itemsOf = (memoId: string) =>
  h.conn.db.selectFrom('memo_items').selectAll().where('memo_id', '=', memoId).orderBy('sort_order').execute();
const taxesOf = (memoId: string) =>
  h.conn.db.selectFrom('memo_taxation_items').selectAll().where('memo_id', '=', memoId).execute();

describe('create from charge', () => {
  test('a debit memo: tax from the charge rate, totals, due date from the payment term, default reason, custom field, history', async () => {
    const res = await h.call('POST', '/v1/debit-memos', {
      accountNumber: f.usd.account_number,
      charges: [
        { productRatePlanChargeId: f.taxable.id, amount: 100.1, description: 'Setup' },
        { productRatePlanChargeId: f.untaxed.id, amount: 50 },
      ],
      comment: 'goodwill',
      Region__c: 'West',
    });
    expect(res.status).toBe(200);
    const term = Number(/\d+/.exec(f.usd.payment_term)![0]);
    expect(res.body).toMatchObject({
      success: true,
      status: 'Draft',
      accountId: f.usd.id,
      accountNumber: f.usd.account_number,
      currency: 'USD',
      amount: 158.36,
      taxAmount: 8.26,
      balance: 158.36,
      beAppliedAmount: 0,
      debitMemoDate: today(),
      dueDate: addDays(today(), term),
      reasonCode: 'Correcting Invoice Error',
      sourceType: 'Standalone',
      comment: 'goodwill',
      autoPay: true,
      Region__c: 'West',
    });
    expect(res.body.number).toMatch(/^DM\d{8}$/);
    const items = await itemsOf(res.body.id);
    expect(items.map((i) => [i.amount, i.tax_amount, i.sku_name, i.description, i.source_item_type])).toEqual([
      ['100.1', '8.26', 'Platform Fee', 'Setup', 'ProductRatePlanCharge'],
      ['50', '0', 'Enterprise Licence', null, 'ProductRatePlanCharge'],
    ]);
    const taxes = await taxesOf(res.body.id);
    expect(taxes.map((t) => [t.tax_amount, t.balance, t.tax_rate])).toEqual([['8.26', '8.26', '0.0825']]);
    const events = await h.conn.db
      .selectFrom('memo_events')
      .select('event')
      .where('memo_id', '=', res.body.id)
      .execute();
    expect(events.map((e) => e.event)).toEqual(['created']);
  });

  test('a credit memo with autoPost is Posted, by the caller, source AdhocFromPrpc; old field names are accepted', async () => {
    const res = await h.call('POST', '/v1/creditmemos', {
      accountId: f.usd.id,
      accountNumber: f.usd.account_number,
      autoPost: true,
      effectiveDate: '2026-01-15',
      reasonCode: 'charge dispute',
      charges: [{ chargeId: f.untaxed.id, memoItemAmount: 20, comment: 'old names' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'Posted',
      creditMemoDate: '2026-01-15',
      amount: 20,
      unappliedAmount: 20,
      reasonCode: 'Charge Dispute',
      source: 'AdhocFromPrpc',
      postedById: 'a0000000000000000000000000000001',
    });
    expect(res.body.postedOn).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const events = await h.conn.db
      .selectFrom('memo_events')
      .select('event')
      .where('memo_id', '=', res.body.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => e.event)).toEqual(['created', 'posted']);
  });

  test('price from the catalog when no amount: per-unit × quantity; usage quantity defaults to 1; JPY has no decimals', async () => {
    const res = await h.call('POST', '/v1/debitmemos', {
      accountId: f.jpy.id,
      charges: [{ productRatePlanChargeId: f.perUnit.id, quantity: 3 }, { productRatePlanChargeId: f.usage.id }],
    });
    expect(res.status).toBe(200);
    const items = await itemsOf(res.body.id);
    expect(items.map((i) => [i.amount, i.quantity])).toEqual([
      [String(3 * Number(f.perUnit.pricing.JPY)), '3'],
      [f.usage.pricing.JPY, '1'],
    ]);
    const tax = Math.round(3 * Number(f.perUnit.pricing.JPY) * 0.0825);
    expect(res.body.taxAmount).toBe(tax);
    expect(res.body.amount).toBe(3 * Number(f.perUnit.pricing.JPY) + Number(f.usage.pricing.JPY) + tax);
  });

  test('a custom number is used once; its second use is refused (30)', async () => {
    const body = {
      accountId: f.usd.id,
      number: 'DM-CUSTOM_1',
      charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 1 }],
    };
    expect((await h.call('POST', '/v1/debit-memos', body)).body).toMatchObject({ number: 'DM-CUSTOM_1' });
    await expectRefused(h, 'POST', '/v1/debit-memos', body, 30, { message: /already used/ });
  });

  test('a custom number the sequence reaches later is stepped over, for creates and write-offs alike', async () => {
    const charges = [{ productRatePlanChargeId: f.untaxed.id, amount: 1 }];
    const drawn = await h.call('POST', '/v1/debit-memos', { accountId: f.usd.id, charges });
    const next = (n: string, by: number) => `${n.slice(0, 2)}${String(Number(n.slice(2)) + by).padStart(8, '0')}`;
    const taken = next(drawn.body.number as string, 1);
    expect((await h.call('POST', '/v1/debit-memos', { accountId: f.usd.id, number: taken, charges })).status).toBe(200);
    const after = await h.call('POST', '/v1/debit-memos', { accountId: f.usd.id, charges });
    expect(after.status).toBe(200);
    expect(after.body.number).toBe(next(drawn.body.number as string, 2));
  });

  test('an amount or a total a JSON number cannot carry exactly is refused (20), never rounded', async () => {
    const base = { accountNumber: f.usd.account_number };
    // 999999999999999.99 arrives as the double 1e15: refused, not stored as 1,000,000,000,000,000.
    await expectRefused(
      h,
      'POST',
      '/v1/debit-memos',
      { ...base, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: Number('999999999999999.99') }] },
      20,
      { message: /charges\[0\]\.amount.*largest amount accepted, \$9,999,999,999,999\.99/ },
    );
    // Within the limit, but its tax takes the memo's total beyond it.
    await expectRefused(
      h,
      'POST',
      '/v1/credit-memos',
      { ...base, charges: [{ productRatePlanChargeId: f.taxable.id, amount: 9999999999999.99 }] },
      20,
      { message: /total.*largest amount accepted/ },
    );
    const res = await h.call('POST', '/v1/debit-memos', {
      ...base,
      charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 9999999999999.99 }],
    });
    expect(res.status).toBe(200);
    expect(res.body.amount).toBe(9999999999999.99);
  });

  test('blank service dates of a one-time charge are the memo date, not the rate plan’s 2020–2066', async () => {
    const oneTime = (
      await h.conn.db
        .selectFrom('product_rate_plan_charges')
        .select('id')
        .where('name', '=', 'Implementation Fee')
        .executeTakeFirstOrThrow()
    ).id;
    const res = await h.call('POST', '/v1/debit-memos', {
      accountNumber: f.usd.account_number,
      effectiveDate: '2026-03-10',
      charges: [
        { productRatePlanChargeId: oneTime, amount: 10 },
        { productRatePlanChargeId: f.untaxed.id, amount: 5 },
      ],
    });
    expect(res.status).toBe(200);
    const [one, recurring] = await itemsOf(res.body.id);
    expect([one.service_start_date, one.service_end_date]).toEqual(['2026-03-10', '2026-03-10']);
    expect(recurring.service_start_date).not.toBe('2026-03-10');
  });

  test('every bad field is refused with its category and nothing is stored', async () => {
    const ok = () => ({ accountId: f.usd.id, charges: [{ productRatePlanChargeId: f.taxable.id, amount: 10 }] });
    const charge = (extra: Record<string, unknown>) => ({
      ...ok(),
      charges: [{ productRatePlanChargeId: f.taxable.id, amount: 10, ...extra }],
    });
    const cases: [string, unknown, number][] = [
      ['missing charges', { accountId: f.usd.id }, 22],
      ['empty charges', { ...ok(), charges: [] }, 20],
      [
        'too many charges',
        {
          ...ok(),
          charges: Array.from({ length: 1001 }, () => ({ productRatePlanChargeId: f.taxable.id, amount: 1 })),
        },
        20,
      ],
      ['no account', { charges: ok().charges }, 22],
      ['unknown field', { ...ok(), colour: 'red' }, 21],
      ['unknown charge field', charge({ colour: 'red' }), 21],
      ['comment too long', { ...ok(), comment: 'x'.repeat(256) }, 20],
      ['comment wrong type', { ...ok(), comment: 5 }, 20],
      ['number too long', { ...ok(), number: 'N'.repeat(33) }, 20],
      ['number bad characters', { ...ok(), number: 'DM 1' }, 20],
      ['effectiveDate not a date', { ...ok(), effectiveDate: '15/01/2026' }, 20],
      ['effectiveDate impossible', { ...ok(), effectiveDate: '2026-02-30' }, 20],
      ['dueDate before effectiveDate', { ...ok(), effectiveDate: '2026-03-01', dueDate: '2026-02-01' }, 20],
      ['currency lower case', { ...ok(), currency: 'usd' }, 20],
      ['currency not configured', { ...ok(), currency: 'CHF' }, 20],
      ['autoPost wrong type', { ...ok(), autoPost: 'yes' }, 20],
      ['autoPay wrong type', { ...ok(), autoPay: 1 }, 20],
      ['amount as string', charge({ amount: '10' }), 20],
      ['amount negative', charge({ amount: -1 }), 20],
      ['USD amount with 3 decimals', charge({ amount: 1.005 }), 20],
      ['quantity zero', charge({ quantity: 0 }), 20],
      ['description too long', charge({ description: 'd'.repeat(256) }), 20],
      ['both charge id names', charge({ chargeId: f.untaxed.id }), 20],
      ['service end before start', charge({ serviceStartDate: '2026-02-01', serviceEndDate: '2026-01-01' }), 20],
      [
        'accounting code too long',
        charge({ financeInformation: { recognizedRevenueAccountingCode: 'c'.repeat(101) } }),
        20,
      ],
      [
        'accounting code unknown',
        charge({ financeInformation: { recognizedRevenueAccountingCode: 'No Such Code' } }),
        20,
      ],
      [
        'accounting code inactive',
        charge({ financeInformation: { deferredRevenueAccountingCode: 'Legacy Bad Debt' } }),
        20,
      ],
      [
        'onAccount code on a debit memo charge',
        charge({ financeInformation: { onAccountAccountingCode: 'Cash' } }),
        21,
      ],
      ['custom field not a scalar', { ...ok(), Region__c: { a: 1 } }, 20],
      ['reason code unknown', { ...ok(), reasonCode: 'Because' }, 20],
      ['reason code of the other memo type', { ...ok(), reasonCode: 'Ad hoc Credit' }, 20],
      ['account id unknown', { ...ok(), accountId: 'f'.repeat(32) }, 40],
      ['account number unknown', { charges: ok().charges, accountNumber: 'A99999999' }, 40],
      ['account id and number disagree', { ...ok(), accountNumber: f.jpy.account_number }, 20],
      ['charge unknown', charge({ productRatePlanChargeId: 'e'.repeat(32) }), 40],
      ['discount charge', { ...ok(), charges: [{ productRatePlanChargeId: f.discount.id, amount: 5 }] }, 30],
    ];
    for (const [name, body, category] of cases) {
      const res = await expectRefused(h, 'POST', '/v1/debit-memos', body, category);
      expect(res.body.reasons[0].message, name).toBeTruthy();
    }
    await expectRefused(
      h,
      'POST',
      '/v1/debit-memos',
      { accountId: f.jpy.id, charges: [{ productRatePlanChargeId: f.untaxed.id, amount: 1.5 }] },
      20,
      { message: /JPY/ },
    );
    await expectRefused(h, 'POST', '/v1/debit-memos', '{"accountId": ', 90);
    await expectRefused(h, 'POST', '/v1/credit-memos', { ...ok(), autoPay: true }, 21); // DM-only field
    await expectRefused(h, 'POST', '/v1/credit-memos', ok(), 10, { role: 'viewer' });
  }, 60_000);
});

describe('create from invoice', () => {
  test('a credit memo for a whole invoice item gives back exactly its tax; both paths; autoApplyUponPosting', async () => {
    const item = f.taxedItem;
    const srcTax = await h.conn.db
      .selectFrom('invoice_taxation_items')
      .selectAll()
      .where('invoice_item_id', '=', item.id)
      .execute();
    const res = await h.call('POST', `/v1/invoices/${f.invoice.invoice_number}/creditmemos`, {
      autoApplyToInvoiceUponPosting: true,
      effectiveDate: f.invoice.invoice_date,
      items: [{ invoiceItemId: item.id, amount: Number(item.charge_amount), skuName: item.charge_name }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const tax = srcTax.reduce((s, t) => s + Number(t.tax_amount), 0);
    expect(res.body).toMatchObject({
      sourceType: 'Invoice',
      referredInvoiceId: f.invoice.id,
      source: 'AdhocFromInvoice',
      autoApplyUponPosting: true,
      taxAmount: tax,
    });
    const taxes = await taxesOf(res.body.id);
    expect(taxes.map((t) => t.source_tax_item_id).sort()).toEqual(srcTax.map((t) => t.id).sort());
    // The item is fully credited (by a Draft): one more cent is refused; cancelling gives it back.
    const more = { items: [{ invoiceItemId: item.id, amount: 0.01, skuName: item.charge_name }] };
    await expectRefused(h, 'POST', `/v1/credit-memos/invoice/${f.invoice.id}`, more, 30, {
      message: /available to credit/,
    });
    expect((await h.call('PUT', `/v1/credit-memos/${res.body.id}/cancel`)).status).toBe(200);
    expect((await h.call('POST', `/v1/credit-memos/invoice/${f.invoice.id}`, more)).body).toMatchObject({
      amount: expect.any(Number),
      success: true,
    });
  });

  test('a debit memo from an invoice: due date, no credit limit, item without invoice item', async () => {
    const res = await h.call('POST', `/v1/debit-memos/invoice/${f.invoice.id}`, {
      items: [
        { invoiceItemId: f.invoiceItems[0].id, amount: Number(f.invoiceItems[0].charge_amount) * 3, skuName: 'More' },
        { amount: 5, skuName: 'Fee' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ sourceType: 'Invoice', referredInvoiceId: f.invoice.id, status: 'Draft' });
    expect(
      (
        await h.call('POST', `/v1/invoices/${f.invoice.id}/debitmemos`, {
          autoPost: true,
          items: [{ amount: 1, skuName: 'x' }],
        })
      ).body.status,
    ).toBe('Posted');
  });

  test('bad input and rules are refused with nothing stored', async () => {
    const item = f.invoiceItems[0];
    const ok = () => ({ items: [{ invoiceItemId: item.id, amount: 1, skuName: item.charge_name }] });
    const path = `/v1/credit-memos/invoice/${f.invoice.id}`;
    const other = await h.conn.db
      .selectFrom('invoice_items')
      .select('id')
      .where('invoice_id', '!=', f.invoice.id)
      .executeTakeFirstOrThrow();
    const cases: [string, string, unknown, number][] = [
      ['unknown invoice', '/v1/credit-memos/invoice/INV99999999', ok(), 40],
      ['missing items', path, {}, 22],
      ['missing invoiceItemId (CM)', path, { items: [{ amount: 1, skuName: 'x' }] }, 22],
      ['missing skuName', path, { items: [{ invoiceItemId: item.id, amount: 1 }] }, 22],
      ['missing amount', path, { items: [{ invoiceItemId: item.id, skuName: 'x' }] }, 22],
      ['taxMode enum', path, { items: [{ ...ok().items[0], taxMode: 'Gross' }] }, 20],
      ['item of another invoice', path, { items: [{ ...ok().items[0], invoiceItemId: other.id }] }, 20],
      ['invoiceId differs from the path', path, { ...ok(), invoiceId: 'a'.repeat(32) }, 20],
      ['effectiveDate before the invoice', path, { ...ok(), effectiveDate: addDays(f.invoice.invoice_date, -1) }, 20],
      [
        'amount over the invoice item',
        path,
        { items: [{ ...ok().items[0], amount: Number(item.charge_amount) + 1 }] },
        30,
      ],
      ['too many decimals', path, { items: [{ ...ok().items[0], amount: 0.333 }] }, 20],
      ['unknown item field', path, { items: [{ ...ok().items[0], price: 1 }] }, 21],
      ['autoApply wrong type', path, { ...ok(), autoApplyToInvoiceUponPosting: 'true' }, 20],
    ];
    for (const [, p, body, category] of cases) await expectRefused(h, 'POST', p, body, category);
    const exempt = {
      items: [{ ...ok().items[0], taxItems: [{ taxName: 'T', amount: 0.1, taxExemptAmount: 1.23456 }] }],
    };
    await expectRefused(h, 'POST', path, exempt, 20, { message: /taxExemptAmount/ });
    await h.conn.db.updateTable('invoices').set({ status: 'Draft' }).where('id', '=', f.invoice.id).execute();
    await expectRefused(h, 'POST', path, ok(), 30, { message: /Posted/ });
    await h.conn.db.updateTable('invoices').set({ status: 'Posted' }).where('id', '=', f.invoice.id).execute();
  }, 60_000);
});
