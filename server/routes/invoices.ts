import type { Hono } from 'hono';
import { sql } from 'kysely';
import { money, toWire } from '../../src/lib/money.ts';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { Database } from '../db/connect.ts';
import { ErrorCategory, notFound, Resource, ZuoraError } from '../errors.ts';
import { findAccount } from './accounts.ts';
import { filterCondition, pageEnvelope, parsePaging, parseSort } from './list-params.ts';
import { isZuoraId } from '../../src/contract/ids.ts';

// Invoices and billing documents (docs/zuora/api-digest.md §8.3): the documents of an account, an invoice, its items
// with taxation items and what can still be credited from them, and what is applied to it.

const SUB_LIST = { size: 20, max: 40, clamp: true } as const;

export function registerInvoiceRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/billing-documents', async (c) => c.json(await billingDocuments(c)));
  app.get('/v1/invoices/:key', async (c) => c.json(await retrieve(c)));
  app.get('/v1/invoices/:key/items', async (c) => c.json(await items(c)));
  app.get('/v1/invoices/:key/items/:itemId/taxation-items', async (c) => c.json(await itemTaxationItems(c)));
  app.get('/v1/invoices/:key/application-parts', async (c) => c.json(await applicationParts(c)));
}

export async function findInvoice(db: Database, key: string) {
  const q = db.selectFrom('invoices').selectAll();
  const row = await (isZuoraId(key) ? q.where('id', '=', key) : q.where('invoice_number', '=', key)).executeTakeFirst();
  if (!row) throw notFound('Invoice', key, Resource.Invoice);
  return row;
}

async function billingDocuments(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, { size: 20, max: 40 });
  const db = c.get('db');
  const accountId = c.req.query('accountId');
  const accountNumber = c.req.query('accountNumber');
  if (!accountId && !accountNumber) {
    throw new ZuoraError(ErrorCategory.MissingQueryParameter, "Either 'accountId' or 'accountNumber' is required.", {
      resource: Resource.Invoice,
    });
  }
  const account = await findAccount(db, (accountId ?? accountNumber)!);
  const sort = parseSort(c.req.query('sort'), { documentDate: 'document_date', documentType: 'document_type' });
  const conds = [];
  const status = c.req.query('status');
  if (status !== undefined)
    conds.push(
      filterCondition('status', status, {
        column: 'status',
        type: 'enum',
        values: ['Draft', 'Posted', 'Canceled', 'Error'],
      }),
    );
  const date = c.req.query('documentDate');
  if (date !== undefined) conds.push(filterCondition('documentDate', date, { column: 'document_date', type: 'date' }));
  const where = conds.length ? sql`where ${sql.join(conds, sql` and `)}` : sql``;
  const order = (sort.length ? sort : [{ column: 'document_date', direction: 'desc' }])
    .map((s) => `${s.column} ${s.direction}`)
    .join(', ');
  const rows = await sql<{
    id: string;
    document_number: string;
    document_type: string;
    document_date: string;
    amount: string;
    balance: string;
    status: string;
    account_id: string;
    currency: string;
  }>`
    select * from (
      select id, invoice_number as document_number, 'Invoice' as document_type, invoice_date as document_date, amount, balance, status, account_id, currency
      from invoices where account_id = ${account.id}
      union all
      select id, number, kind, memo_date, amount, balance, status, account_id, currency from memos where account_id = ${account.id}
    ) d ${where} order by ${sql.raw(order)}, document_number desc limit ${paging.pageSize + 1} offset ${paging.offset}`.execute(
    db,
  );
  const documents = rows.rows.map((d) => ({
    id: d.id,
    documentNumber: d.document_number,
    documentType: d.document_type,
    documentDate: d.document_date,
    amount: toWire(d.amount),
    balance: toWire(d.balance),
    status: d.status,
    accountId: d.account_id,
    currency: d.currency,
  }));
  return pageEnvelope(c, 'documents', documents, paging);
}

async function retrieve(c: AppContext) {
  requirePermission(c, 'memo.view');
  const db = c.get('db');
  const inv = await findInvoice(db, c.req.param('key')!);
  const account = await db
    .selectFrom('accounts')
    .select(['bill_to_contact_id', 'sold_to_contact_id', 'auto_pay', 'payment_term'])
    .where('id', '=', inv.account_id)
    .executeTakeFirst();
  const types = await db
    .selectFrom('invoice_items')
    .select('charge_type')
    .distinct()
    .where('invoice_id', '=', inv.id)
    .execute();
  const has = (t: string) => types.some((x) => x.charge_type === t);
  return {
    id: inv.id,
    invoiceNumber: inv.invoice_number,
    accountId: inv.account_id,
    invoiceDate: inv.invoice_date,
    dueDate: inv.due_date,
    targetDate: inv.invoice_date,
    status: inv.status,
    currency: inv.currency,
    amount: toWire(inv.amount),
    amountWithoutTax: toWire(inv.amount_without_tax),
    taxAmount: toWire(inv.tax_amount),
    taxExemptAmount: 0,
    balance: toWire(inv.balance),
    creditMemoAmount: toWire(inv.credit_memo_amount),
    paymentAmount: toWire(inv.payment_amount),
    refundAmount: toWire(inv.refund_amount),
    adjustmentAmount: 0,
    creditBalanceAdjustmentAmount: 0,
    discount: 0,
    comments: inv.comments,
    autoPay: account?.auto_pay ?? false,
    paymentTerm: account?.payment_term ?? null,
    source: 'BillRun',
    sourceId: null,
    sourceType: 'Subscription',
    postedBy: inv.posted_date ? 'a0000000000000000000000000000001' : null,
    postedDate: inv.posted_date ? inv.posted_date.slice(0, 10) : null,
    transferredToAccounting: 'No',
    taxStatus: 'Complete',
    taxMessage: null,
    billRunId: null,
    templateId: null,
    billToContactId: account?.bill_to_contact_id ?? null,
    soldToContactId: account?.sold_to_contact_id ?? null,
    billToContactSnapshotId: null,
    soldToContactSnapshotId: null,
    sequenceSetId: null,
    includesOneTime: has('OneTime'),
    includesRecurring: has('Recurring'),
    includesUsage: has('Usage'),
    einvoiceStatus: null,
    einvoiceFileId: null,
    einvoiceErrorCode: null,
    einvoiceErrorMessage: null,
    createdById: 'a0000000000000000000000000000001',
    createdDate: inv.created_date,
    updatedById: 'a0000000000000000000000000000001',
    updatedDate: inv.updated_date,
    success: true,
  };
}

/** Amounts of invoice (tax) items already promised by Draft or Posted credit memos (as server/domain/invoice-credit.ts counts them). */
async function creditedBySource(db: Database, invoiceId: string) {
  const r = await sql<{ source: string; amount: string }>`
    select i.credit_from_item_id as source, sum(i.amount_without_tax) as amount
    from memo_items i join memos m on m.id = i.memo_id
    where m.kind = 'CreditMemo' and m.status in ('Draft', 'Posted') and m.referred_invoice_id = ${invoiceId} and i.credit_from_item_id is not null
    group by i.credit_from_item_id
    union all
    select t.source_tax_item_id, sum(t.tax_amount)
    from memo_taxation_items t join memos m on m.id = t.memo_id
    where m.kind = 'CreditMemo' and m.status in ('Draft', 'Posted') and m.referred_invoice_id = ${invoiceId} and t.source_tax_item_id is not null
    group by t.source_tax_item_id`.execute(db);
  return new Map(r.rows.map((x) => [x.source, x.amount]));
}

type TaxRow = Awaited<ReturnType<typeof taxRows>>[number];
const taxRows = (db: Database, itemIds: string[]) =>
  itemIds.length
    ? db
        .selectFrom('invoice_taxation_items')
        .selectAll()
        .where('invoice_item_id', 'in', itemIds)
        .orderBy('id')
        .execute()
    : Promise.resolve([]);

function serializeTax(t: TaxRow, credited: Map<string, string>) {
  return {
    id: t.id,
    name: t.name,
    taxAmount: toWire(t.tax_amount),
    balance: toWire(t.balance),
    creditAmount: toWire(t.credit_amount),
    paymentAmount: toWire(t.payment_amount),
    availableToCreditAmount: toWire(money(t.tax_amount).minus(credited.get(t.id) ?? '0')),
    exemptAmount: toWire(t.exempt_amount),
    jurisdiction: t.jurisdiction,
    locationCode: t.location_code,
    taxCode: t.tax_code,
    taxCodeDescription: t.tax_code_description,
    taxDate: t.tax_date,
    taxRate: toWire(t.tax_rate),
    taxRateType: t.tax_rate_type,
    taxRateDescription: t.tax_rate_description,
  };
}

async function items(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, SUB_LIST);
  const db = c.get('db');
  const inv = await findInvoice(db, c.req.param('key')!);
  const rows = await db
    .selectFrom('invoice_items')
    .selectAll()
    .where('invoice_id', '=', inv.id)
    .orderBy('sort_order')
    .orderBy('id')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const [taxes, credited] = await Promise.all([
    taxRows(
      db,
      rows.map((r) => r.id),
    ),
    creditedBySource(db, inv.id),
  ]);
  const invoiceItems = rows.map((i) => ({
    id: i.id,
    chargeName: i.charge_name,
    chargeId: null,
    chargeType: i.charge_type,
    chargeDescription: i.description ?? '',
    chargeAmount: toWire(i.charge_amount),
    taxAmount: toWire(i.tax_amount),
    balance: toWire(i.balance),
    availableToCreditAmount: toWire(money(i.charge_amount).minus(credited.get(i.id) ?? '0')),
    quantity: toWire(i.quantity),
    unitPrice: toWire(i.unit_price),
    unitOfMeasure: i.unit_of_measure,
    serviceStartDate: i.service_start_date,
    serviceEndDate: i.service_end_date,
    chargeDate: `${inv.invoice_date} 00:00:00`,
    sku: i.sku,
    productName: i.product_name,
    productRatePlanChargeId: i.product_rate_plan_charge_id,
    subscriptionId: null,
    subscriptionName: null,
    processingType: i.processing_type,
    appliedToItemId: null,
    taxMode: i.tax_mode,
    taxCode: i.tax_code,
    sourceItemType: 'SubscriptionComponent',
    accountingCode: null,
    deferredRevenueAccountingCode: i.deferred_revenue_accounting_code,
    recognizedRevenueAccountingCode: i.recognized_revenue_accounting_code,
    revenueRecognitionRuleName: i.revenue_recognition_rule_name,
    excludeItemBillingFromRevenueAccounting: false,
    taxationItems: { data: taxes.filter((t) => t.invoice_item_id === i.id).map((t) => serializeTax(t, credited)) },
  }));
  return pageEnvelope(c, 'invoiceItems', invoiceItems, paging);
}

async function itemTaxationItems(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, SUB_LIST);
  const db = c.get('db');
  const inv = await findInvoice(db, c.req.param('key')!);
  const itemId = c.req.param('itemId')!;
  const item = await db
    .selectFrom('invoice_items')
    .select('id')
    .where('invoice_id', '=', inv.id)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw notFound('InvoiceItem', itemId, Resource.Invoice);
  const [taxes, credited] = await Promise.all([taxRows(db, [item.id]), creditedBySource(db, inv.id)]);
  const data = taxes.slice(paging.offset, paging.offset + paging.pageSize + 1).map((t) => serializeTax(t, credited));
  return pageEnvelope(c, 'data', data, paging);
}

async function applicationParts(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, SUB_LIST);
  const db = c.get('db');
  const inv = await findInvoice(db, c.req.param('key')!);
  const apps = await db
    .selectFrom('applications')
    .selectAll()
    .where('target_id', '=', inv.id)
    .orderBy('created_date')
    .orderBy('id')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const parts = apps.map((a) => ({
    appliedAmount: toWire(a.amount),
    ...(a.source_type === 'CreditMemo' ? { creditMemoId: a.source_id } : { paymentId: a.source_id }),
    createdById: a.created_by_id,
    createdDate: a.created_date,
    updatedById: a.updated_by_id,
    updatedDate: a.updated_date,
  }));
  return pageEnvelope(c, 'applicationParts', parts, paging);
}
