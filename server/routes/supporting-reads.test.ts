import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'kysely';
import { createHarness, type Harness } from '../testing/harness.ts';
import { money } from '../../src/lib/money.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const get = (path: string, opts: { role?: 'admin' | 'clerk' | 'viewer'; headers?: Record<string, string> } = {}) =>
  h.call('GET', path, undefined, opts);
const category = (body: { reasons: { code: number }[] }) => body.reasons[0].code % 100;
const one = async <T>(q: string) => (await sql.raw<T>(q).execute(h.conn.db)).rows[0];

describe('accounts', () => {
  test('retrieve by number or id: basic info, billing, bill-to contact, metrics from the documents', async () => {
    const r = await get('/v1/accounts/A00000021');
    expect(r.status).toBe(200);
    expect(r.body.basicInfo).toMatchObject({
      accountNumber: 'A00000021',
      name: 'Sakura Robotics KK',
      status: 'Active',
    });
    expect(r.body.billingAndPayment.currency).toBe('JPY');
    expect(r.body.billToContact.workEmail).toMatch(/@/);
    const m = await one<{ dm: string; cm: string; inv: string }>(`
      select (select coalesce(sum(balance),0) from memos where account_id = a.id and kind = 'DebitMemo' and status = 'Posted') as dm,
             (select coalesce(sum(balance),0) from memos where account_id = a.id and kind = 'CreditMemo' and status = 'Posted') as cm,
             (select coalesce(sum(balance),0) from invoices where account_id = a.id) as inv
      from accounts a where account_number = 'A00000021'`);
    expect(money(r.body.metrics.totalDebitMemoBalance).eq(m.dm)).toBe(true);
    expect(money(r.body.metrics.unappliedCreditMemoAmount).eq(m.cm)).toBe(true);
    expect(money(r.body.metrics.totalInvoiceBalance).eq(m.inv)).toBe(true);
    const byId = await get(`/v1/accounts/${r.body.basicInfo.id}`, { role: 'viewer' });
    expect(byId.body.basicInfo).toEqual(r.body.basicInfo);
    const missing = await get('/v1/accounts/A99999999');
    expect(missing.status).toBe(404);
    expect(category(missing.body)).toBe(40);
  });

  test('search: name or number contains, case-insensitive', async () => {
    const r = await get('/v1/accounts?search=KYO');
    expect(r.body.accounts).toEqual([
      expect.objectContaining({
        accountNumber: 'A00000022',
        name: 'Kyoto Textiles',
        currency: 'JPY',
        status: 'Active',
      }),
    ]);
    expect((await get('/v1/accounts?search=00000024')).body.accounts.map((a: { name: string }) => a.name)).toEqual([
      'Gulf Petro Services',
    ]);
    expect((await get('/v1/accounts')).body.accounts).toHaveLength(20);
    expect((await get('/v1/accounts?pageSize=99')).status).toBe(400);
  });

  test('object query: filter[] with SW and EQ (case-insensitive), IN; cursor paging; pageSize 1..99', async () => {
    // docs/zuora/tenant-read-contract.md A3: EQ, NE, IN and SW match case-insensitively.
    const sw = await get('/object-query/accounts?filter[]=name.SW:Ky');
    expect(sw.body.data.map((a: { name: string }) => a.name)).toEqual(['Kyoto Textiles']);
    expect((await get('/object-query/accounts?filter[]=name.SW:ky')).body.data).toEqual(sw.body.data);
    const eq = await get('/object-query/accounts?filter[]=accountnumber.EQ:a00000002&filter[]=currency.EQ:USD');
    expect(eq.body.data).toHaveLength(1);
    expect((await get('/object-query/accounts?filter[]=currency.IN:[JPY,KWD]&pageSize=50')).body.data).toHaveLength(4);
    const first = await get('/object-query/accounts?pageSize=10&sort[]=accountnumber.asc');
    expect(first.body.data).toHaveLength(10);
    const second = await get(
      `/object-query/accounts?pageSize=10&sort[]=accountnumber.asc&cursor=${encodeURIComponent(first.body.nextPage)}`,
    );
    expect(second.body.data[0].accountNumber).toBe('A00000011');
    for (const [bad, cat] of [
      ['pageSize=100', 20],
      ['pageSize=0', 20],
      ['filter[]=name.XX:a', 27],
      ['filter[]=bogus.EQ:a', 27],
    ] as const) {
      const r = await get(`/object-query/accounts?${bad}`);
      expect(r.status).toBe(400);
      expect(category(r.body)).toBe(cat);
    }
  });

  test('payment methods (none kept by the sandbox)', async () => {
    const r = await get('/v1/accounts/A00000001/payment-methods');
    expect(r.body).toMatchObject({ returnedPaymentMethodTypes: [], success: true });
  });
});

describe('billing documents and invoices', () => {
  test('documents of an account: invoices, credit and debit memos, newest first; status filter; account required', async () => {
    const r = await get('/v1/billing-documents?accountNumber=A00000003&pageSize=40');
    const docs = r.body.documents as { documentType: string; documentDate: string; accountId: string }[];
    expect(new Set(docs.map((d) => d.documentType))).toEqual(new Set(['Invoice', 'CreditMemo', 'DebitMemo']));
    expect(docs.map((d) => d.documentDate)).toEqual([...docs.map((d) => d.documentDate)].sort().reverse());
    const posted = await get(
      `/v1/billing-documents?accountId=${docs[0].accountId}&status=Posted&sort=-documentDate&pageSize=40`,
    );
    expect(posted.body.documents.every((d: { status: string }) => d.status === 'Posted')).toBe(true);
    const dates = posted.body.documents.map((d: { documentDate: string }) => d.documentDate);
    expect(dates).toEqual([...dates].sort());
    const none = await get('/v1/billing-documents');
    expect(none.status).toBe(400);
    expect(category(none.body)).toBe(23);
    expect(category((await get('/v1/billing-documents?accountNumber=A00000003&status=Open')).body)).toBe(20);
  });

  test('invoice with items, taxation items and available-to-credit (minus Draft/Posted credit memos)', async () => {
    const row = await one<{ invoice_id: string; item_id: string; credited: string; charge: string }>(`
      select ii.invoice_id, ii.id as item_id, sum(mi.amount_without_tax) as credited, ii.charge_amount as charge
      from invoice_items ii join memo_items mi on mi.credit_from_item_id = ii.id join memos m on m.id = mi.memo_id
      where m.status in ('Draft', 'Posted') group by ii.id order by ii.id limit 1`);
    const inv = await get(`/v1/invoices/${row.invoice_id}`);
    expect(inv.body).toMatchObject({
      id: row.invoice_id,
      invoiceNumber: expect.stringMatching(/^INV\d{8}$/),
      status: 'Posted',
      success: true,
    });
    expect((await get(`/v1/invoices/${inv.body.invoiceNumber}`)).body.id).toBe(row.invoice_id);
    const items = await get(`/v1/invoices/${inv.body.invoiceNumber}/items`);
    const item = items.body.invoiceItems.find((i: { id: string }) => i.id === row.item_id);
    expect(money(item.availableToCreditAmount).eq(money(row.charge).minus(row.credited))).toBe(true);
    const sumLines = items.body.invoiceItems.reduce(
      (s: ReturnType<typeof money>, i: { balance: number; taxationItems: { data: { balance: number }[] } }) =>
        s.plus(i.balance).plus(i.taxationItems.data.reduce((t, x) => t.plus(x.balance), money(0))),
      money(0),
    );
    expect(sumLines.eq(inv.body.balance)).toBe(true);
    const taxed = items.body.invoiceItems.find(
      (i: { taxationItems: { data: unknown[] } }) => i.taxationItems.data.length,
    );
    if (taxed) {
      const tax = await get(`/v1/invoices/${row.invoice_id}/items/${taxed.id}/taxation-items`);
      expect(tax.body.data).toEqual(taxed.taxationItems.data);
    }
    expect(
      (await get(`/v1/invoices/${row.invoice_id}/items/0123456789abcdef0123456789abcdef/taxation-items`)).status,
    ).toBe(404);
    expect((await get('/v1/invoices/INV99999999')).status).toBe(404);
  });

  test('invoice application parts sum to payments + credits', async () => {
    const inv = await one<{ id: string; paid: string }>(
      `select id, payment_amount + credit_memo_amount as paid from invoices where credit_memo_amount > 0 order by invoice_number limit 1`,
    );
    const parts = (await get(`/v1/invoices/${inv.id}/application-parts`)).body.applicationParts as {
      appliedAmount: number;
      creditMemoId?: string;
    }[];
    expect(parts.some((p) => p.creditMemoId)).toBe(true);
    expect(parts.reduce((s, p) => s.plus(p.appliedAmount), money(0)).eq(inv.paid)).toBe(true);
  });
});

describe('catalog', () => {
  test('products: default page of 10 (6 seeded); rate plans and charges inline up to zuora-version 229.0, a URL from 230.0', async () => {
    const inline = await get('/v1/catalog/products?pageSize=40', { headers: { 'zuora-version': '229.0' } });
    const products = inline.body.products as {
      name: string;
      productRatePlans: {
        productRatePlanCharges: { model: string; pricing: { currency: string; price: number | null }[] }[];
      }[];
    }[];
    expect(products).toHaveLength(6);
    const promo = products.find((p) => p.name === 'Promotions')!;
    expect(
      promo.productRatePlans.flatMap((p) => p.productRatePlanCharges).every((c) => c.model.startsWith('Discount')),
    ).toBe(true);
    const charge = products[0].productRatePlans[0].productRatePlanCharges[0];
    expect(charge.pricing.find((p) => p.currency === 'JPY')?.price).toSatisfy(Number.isInteger);
    const url = await get('/v1/catalog/products', { headers: { 'zuora-version': '257.0' } });
    expect(url.body.products[0].productRatePlans).toMatch(/^\/v1\/products\/[0-9a-f]{32}\/product-rate-plans$/);
    const plans = await get(url.body.products[0].productRatePlans);
    expect(plans.body.productRatePlans[0].productRatePlanCharges.length).toBeGreaterThan(0);
    expect((await get('/v1/catalog/products?pageSize=41')).status).toBe(400);
  });

  test('a charge by id or number', async () => {
    const c = await one<{ id: string; num: string }>(
      `select id, product_rate_plan_charge_number as num from product_rate_plan_charges order by 2 limit 1`,
    );
    const byId = await get(`/v1/product-rate-plan-charges/${c.id}`);
    expect(byId.body).toMatchObject({ id: c.id, productRatePlanChargeNumber: c.num, success: true });
    expect((await get(`/v1/product-rate-plan-charges/${c.num}`)).body.id).toBe(c.id);
    expect((await get('/v1/product-rate-plan-charges/PRPC-99999999')).status).toBe(404);
  });
});

describe('accounting codes, payments, reason codes', () => {
  test('accounting codes: all in one page of up to 300; retrieve; unknown → 40', async () => {
    const r = await get('/v1/accounting-codes');
    expect(r.body.accountingCodes.length).toBeGreaterThan(10);
    expect(r.body).not.toHaveProperty('nextPage');
    const code = r.body.accountingCodes.find((a: { name: string }) => a.name === 'Write-off Expense');
    expect(code).toMatchObject({ type: 'OtherExpenses', category: 'Expenses', status: 'Active' });
    expect((await get(`/v1/accounting-codes/${code.id}`)).body).toEqual({ ...code, success: true });
    expect((await get('/v1/accounting-codes/0123456789abcdef0123456789abcdef')).status).toBe(404);
    expect((await get('/v1/accounting-codes?pageSize=301')).status).toBe(400);
  });

  test('payments: filters, sort, retrieve by id or number', async () => {
    const acc = await one<{ id: string }>(`select account_id as id from payments where unapplied_amount > 0 limit 1`);
    const list = await get(`/v1/payments?accountId=${acc.id}&status=Processed&sort=-effectiveDate&pageSize=40`);
    const rows = list.body.payments as {
      accountId: string;
      effectiveDate: string;
      number: string;
      unappliedAmount: number;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((p) => p.accountId === acc.id)).toBe(true);
    expect(rows.map((p) => p.effectiveDate)).toEqual([...rows.map((p) => p.effectiveDate)].sort());
    expect(rows.some((p) => p.unappliedAmount > 0)).toBe(true);
    const one1 = await get(`/v1/payments/${rows[0].number}`);
    expect(one1.body).toMatchObject({ number: rows[0].number, success: true });
    expect((await get(`/v1/payments/${one1.body.id}`)).body.number).toBe(rows[0].number);
    expect((await get('/v1/payments/P-99999999')).status).toBe(404);
    expect(category((await get('/v1/payments?status=Paid')).body)).toBe(20);
  });

  test('reason codes per transaction type under /settings, bearer required', async () => {
    const cm = await get('/settings/reason-codes?transactionType=CreditMemo', { role: 'viewer' });
    expect(cm.body.success).toBe(true);
    expect(cm.body.reasonCodes.find((r: { isDefault: boolean }) => r.isDefault).name).toBe('Correcting Invoice Error');
    expect(cm.body.reasonCodes.every((r: { transactionType: string }) => r.transactionType === 'CreditMemo')).toBe(
      true,
    );
    expect(cm.body.reasonCodes.some((r: { active: boolean }) => !r.active)).toBe(true);
    const refund = await get('/settings/reason-codes?transactionType=CreditMemoRefund');
    expect(refund.body.reasonCodes[0]).toMatchObject({ name: 'Standard Refund', isDefault: true });
    expect(category((await get('/settings/reason-codes?transactionType=Invoice')).body)).toBe(20);
    const anonymous = await h.app.request('/settings/reason-codes');
    expect(anonymous.status).toBe(401);
  });
});
