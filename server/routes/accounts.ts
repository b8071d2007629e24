import type { Hono } from 'hono';
import { sql } from 'kysely';
import { money, toWire } from '../../src/lib/money.ts';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { Database } from '../db/connect.ts';
import { notFound, Resource } from '../errors.ts';
import { likeContains, pageEnvelope, parsePaging } from './list-params.ts';
import { isZuoraId } from '../../src/contract/ids.ts';

// Accounts (docs/zuora/api-digest.md §8.2): retrieve by id or number, the sandbox's account search
// (`GET /v1/accounts?search=`, name or number contains; Zuora has no v1 search) and a minimal payment-methods
// read. The Object Query account list is served by server/object-query/.

export function registerAccountRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/accounts', async (c) => c.json(await search(c)));
  app.get('/v1/accounts/:key', async (c) => c.json(await retrieve(c)));
  app.get('/v1/accounts/:key/payment-methods', async (c) => c.json(await paymentMethods(c)));
}

export async function findAccount(db: Database, key: string) {
  const q = db.selectFrom('accounts').selectAll();
  const row = await (isZuoraId(key) ? q.where('id', '=', key) : q.where('account_number', '=', key)).executeTakeFirst();
  if (!row) throw notFound('Account', key, Resource.Account);
  return row;
}

async function search(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, { size: 20, max: 40 });
  const text = c.req.query('search')?.trim() ?? '';
  let q = c.get('db').selectFrom('accounts').select(['id', 'account_number', 'name', 'currency', 'status']);
  if (text) {
    const like = likeContains(text);
    q = q.where(sql<boolean>`lower(name) like ${like} or lower(account_number) like ${like}`);
  }
  const rows = await q
    .orderBy('name')
    .orderBy('account_number')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const accounts = rows.map((a) => ({
    id: a.id,
    accountNumber: a.account_number,
    name: a.name,
    currency: a.currency,
    status: a.status,
  }));
  return pageEnvelope(c, 'accounts', accounts, paging);
}

function contactOf(
  ct:
    | {
        id: string;
        first_name: string;
        last_name: string;
        work_email: string | null;
        personal_email: string | null;
        address1: string | null;
        address2: string | null;
        city: string | null;
        state: string | null;
        zip_code: string | null;
        country: string | null;
        work_phone: string | null;
      }
    | undefined,
) {
  if (!ct) return null;
  return {
    id: ct.id,
    firstName: ct.first_name,
    lastName: ct.last_name,
    workEmail: ct.work_email,
    personalEmail: ct.personal_email,
    address1: ct.address1,
    address2: ct.address2,
    city: ct.city,
    state: ct.state,
    zipCode: ct.zip_code,
    country: ct.country,
    county: null,
    workPhone: ct.work_phone,
    homePhone: null,
    mobilePhone: null,
    otherPhone: null,
    otherPhoneType: null,
    fax: null,
    nickname: null,
    taxRegion: null,
  };
}

/** Account metrics from the documents: open invoices, Posted debit memo balances, unapplied credit and payments. */
async function metricsOf(db: Database, accountId: string) {
  const r = await sql<{ inv: string; dm: string; cm: string; pay: string }>`
    select
      (select coalesce(sum(balance), 0) from invoices where account_id = ${accountId} and status = 'Posted') as inv,
      (select coalesce(sum(balance), 0) from memos where account_id = ${accountId} and kind = 'DebitMemo' and status = 'Posted') as dm,
      (select coalesce(sum(balance), 0) from memos where account_id = ${accountId} and kind = 'CreditMemo' and status = 'Posted') as cm,
      (select coalesce(sum(unapplied_amount), 0) from payments where account_id = ${accountId} and status = 'Processed') as pay`.execute(
    db,
  );
  const m = r.rows[0];
  return {
    balance: toWire(money(m.inv).plus(m.dm)),
    creditBalance: 0,
    totalInvoiceBalance: toWire(m.inv),
    totalDebitMemoBalance: toWire(m.dm),
    unappliedCreditMemoAmount: toWire(m.cm),
    unappliedPaymentAmount: toWire(m.pay),
    contractedMrr: 0,
    reservedPaymentAmount: 0,
  };
}

async function retrieve(c: AppContext) {
  requirePermission(c, 'memo.view');
  const db = c.get('db');
  const a = await findAccount(db, c.req.param('key')!);
  const contacts = await db.selectFrom('contacts').selectAll().where('account_id', '=', a.id).execute();
  const billTo = contacts.find((x) => x.id === a.bill_to_contact_id);
  const soldTo = contacts.find((x) => x.id === a.sold_to_contact_id) ?? billTo;
  const metrics = await metricsOf(db, a.id);
  return {
    basicInfo: {
      id: a.id,
      accountNumber: a.account_number,
      name: a.name,
      status: a.status,
      batch: 'Batch1',
      crmId: null,
      notes: a.notes,
      parentId: null,
      salesRep: null,
      invoiceTemplateId: null,
      creditMemoTemplateId: null,
      debitMemoTemplateId: null,
      sequenceSetId: null,
      communicationProfileId: null,
      profileNumber: null,
      purchaseOrderNumber: null,
      tags: null,
    },
    billingAndPayment: {
      currency: a.currency,
      billCycleDay: String(a.bill_cycle_day),
      paymentTerm: a.payment_term,
      autoPay: a.auto_pay,
      defaultPaymentMethodId: a.default_payment_method_id,
      paymentGateway: null,
      invoiceDeliveryPrefsEmail: true,
      invoiceDeliveryPrefsPrint: false,
      additionalEmailAddresses: a.additional_email_addresses
        ? a.additional_email_addresses
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : [],
    },
    billToContact: contactOf(billTo),
    soldToContact: contactOf(soldTo),
    taxInfo: null,
    metrics,
    success: true,
  };
}

async function paymentMethods(c: AppContext) {
  requirePermission(c, 'memo.view');
  const a = await findAccount(c.get('db'), c.req.param('key')!);
  // The sandbox keeps no payment methods: external payments and refunds (check, wire) need none.
  return { defaultPaymentMethodId: a.default_payment_method_id, returnedPaymentMethodTypes: [], success: true };
}
