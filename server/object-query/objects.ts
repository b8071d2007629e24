import { MEMO_STATUSES } from '../../src/contract/common.ts';
import type { MemoKind } from '../db/types.ts';
import type { FieldDef, FieldType, ObjectDef } from './fields.ts';

// The six Object Query objects the sandbox serves, and the contact and application objects they expand to,
// mapped onto the sandbox's tables. Field names and filter/sort lists: docs/zuora/tenant-read-contract.md A4,
// A5 (Zuora's ExpandedDebitMemo / ExpandedCreditMemo examples). Documented filter fields the sandbox keeps no
// data for (e-invoicing, CRM, batches…) are `null` columns: they filter and sort like Zuora's, and are left
// out of rows like any null field.

const f = (name: string, sql: string, type: FieldType, filter = false): FieldDef => ({ name, sql, type, filter });
const stamps = (alias: string): FieldDef[] => [
  f('createdById', `${alias}.created_by_id`, 'id'),
  f('createdDate', `${alias}.created_date`, 'timestamp'),
  f('updatedById', `${alias}.updated_by_id`, 'id'),
  f('updatedDate', `${alias}.updated_date`, 'timestamp', true),
];

function memoObject(kind: MemoKind): ObjectDef {
  const debit = kind === 'DebitMemo';
  return {
    label: debit ? 'debit memo' : 'credit memo',
    from: 'memos m',
    where: `m.kind = '${kind}'`,
    id: 'm.id',
    number: 'm.number',
    custom: 'm.custom_fields',
    fields: [
      f('id', 'm.id', 'id', true),
      f('memoNumber', 'm.number', 'text', true),
      f('memoDate', 'm.memo_date', 'date', true),
      f('accountId', 'm.account_id', 'id', true),
      { name: 'status', sql: 'm.status', type: 'enum', filter: true, values: MEMO_STATUSES },
      f('totalAmount', 'm.amount', 'number', true),
      f('totalAmountWithoutTax', '(m.amount - m.tax_amount)', 'number'),
      f('taxAmount', 'm.tax_amount', 'number'),
      f('totalTaxExemptAmount', 'm.total_tax_exempt_amount', 'number'),
      f('balance', 'm.balance', 'number', true),
      f('currency', 'm.currency', 'text'),
      f('sourceType', 'm.source_type', 'text', true),
      f('source', 'm.source', 'text'),
      f('invoiceId', 'm.referred_invoice_id', 'id', true),
      f('eInvoiceStatus', 'null::text', 'text', true),
      f('reasonCode', 'm.reason_code', 'text'),
      f('comments', 'm.comment', 'text'),
      f('targetDate', 'm.target_date', 'date'),
      f('taxStatus', "coalesce(m.tax_status, 'Complete')", 'text'),
      f('taxMessage', 'm.tax_message', 'text'),
      f('transferredToAccounting', 'm.transferred_to_accounting', 'text'),
      f('billToContactId', 'm.bill_to_contact_id', 'id'),
      f('postedById', 'm.posted_by_id', 'id'),
      f('postedOn', 'm.posted_on', 'timestamp'),
      f('cancelledById', 'm.cancelled_by_id', 'id'),
      f('cancelledOn', 'm.cancelled_on', 'timestamp'),
      ...(debit
        ? [
            f('dueDate', 'm.due_date', 'date'),
            f('autoPay', 'coalesce(m.auto_pay, true)', 'boolean'),
            f('creditMemoId', 'm.referred_credit_memo_id', 'id', true),
          ]
        : [
            f('appliedAmount', 'm.applied_amount', 'number'),
            f('refundAmount', 'm.refund_amount', 'number'),
            f('autoApplyUponPosting', 'coalesce(m.auto_apply_upon_posting, false)', 'boolean'),
            f('excludeFromAutoApplyRules', 'coalesce(m.exclude_from_auto_apply_rules, false)', 'boolean'),
            f('reversed', 'm.reversed', 'boolean'),
            f('revenueImpacting', "case m.revenue_impacting when true then 'Yes' when false then 'No' end", 'text'),
          ]),
      ...stamps('m'),
    ],
    expands: {},
  };
}

function memoItemObject(kind: MemoKind): ObjectDef {
  const debit = kind === 'DebitMemo';
  return {
    label: debit ? 'debit memo item' : 'credit memo item',
    from: 'memo_items i join memos m on m.id = i.memo_id',
    where: `m.kind = '${kind}'`,
    id: 'i.id',
    custom: 'i.custom_fields',
    fields: [
      f('id', 'i.id', 'id', true),
      f(debit ? 'debitMemoId' : 'creditMemoId', 'i.memo_id', 'id', true),
      f('amount', 'i.amount', 'number'),
      f('amountWithoutTax', 'i.amount_without_tax', 'number'),
      f('taxAmount', 'i.tax_amount', 'number'),
      f('balance', 'i.balance', 'number'),
      f(debit ? 'beAppliedAmount' : 'appliedAmount', 'i.applied_amount', 'number'),
      f('quantity', 'i.quantity', 'number'),
      f('unitPrice', 'i.unit_price', 'number'),
      f('unitOfMeasure', 'i.unit_of_measure', 'text'),
      f('sku', 'i.sku', 'text'),
      f('skuName', 'i.sku_name', 'text'),
      f('description', 'i.description', 'text'),
      f('serviceStartDate', 'i.service_start_date', 'date'),
      f('serviceEndDate', 'i.service_end_date', 'date'),
      f('sourceItemType', 'i.source_item_type', 'text', true),
      f('sourceItemId', 'i.source_item_id', 'id'),
      f('invoiceItemId', "case when i.source_item_type = 'InvoiceDetail' then i.source_item_id end", 'id', true),
      f(
        'productRatePlanChargeId',
        "case when i.source_item_type = 'ProductRatePlanCharge' then i.source_item_id end",
        'id',
        true,
      ),
      f('subscriptionId', 'i.subscription_id', 'id', true),
      f('subscriptionNumber', 'null::text', 'text', true),
      f('chargeNumber', 'null::text', 'text', true),
      f('ratePlanChargeId', 'null::text', 'id', true),
      f('appliedToItemId', 'i.applied_to_item_id', 'id'),
      // Object Query writes the processing type as its code (A5: '0' for a charge).
      f(
        'processingType',
        "case i.processing_type when 'Charge' then '0' when 'Discount' then '1' else i.processing_type end",
        'text',
      ),
      f('taxMode', 'i.tax_mode', 'text'),
      f('excludeItemBillingFromRevenueAccounting', 'i.exclude_item_billing_from_revenue_accounting', 'boolean', true),
      ...(debit
        ? [f('creditMemoItemId', 'null::text', 'id', true)]
        : [
            f('refundAmount', 'i.refund_amount', 'number'),
            f('creditFromItemSource', 'i.credit_from_item_source', 'text'),
            f('creditFromItemId', 'i.credit_from_item_id', 'id'),
            f('debitMemoItemId', 'null::text', 'id', true),
          ]),
      ...stamps('i'),
    ],
    expands: {},
  };
}

const contactObject: ObjectDef = {
  label: 'contact',
  from: 'contacts ct',
  id: 'ct.id',
  fields: [
    f('id', 'ct.id', 'id', true),
    f('accountId', 'ct.account_id', 'id', true),
    f('firstName', 'ct.first_name', 'text', true),
    f('lastName', 'ct.last_name', 'text', true),
    f('workEmail', 'ct.work_email', 'text', true),
    f('personalEmail', 'ct.personal_email', 'text'),
    f('address1', 'ct.address1', 'text'),
    f('address2', 'ct.address2', 'text'),
    f('city', 'ct.city', 'text'),
    f('state', 'ct.state', 'text'),
    f('postalCode', 'ct.zip_code', 'text'),
    f('country', 'ct.country', 'text'),
    f('workPhone', 'ct.work_phone', 'text'),
  ],
  expands: {},
};

const accountBalance = `((select coalesce(sum(x.balance), 0) from invoices x where x.account_id = a.id and x.status = 'Posted')
  + (select coalesce(sum(y.balance), 0) from memos y where y.account_id = a.id and y.kind = 'DebitMemo' and y.status = 'Posted'))`;

const accountObject: ObjectDef = {
  label: 'account',
  from: 'accounts a',
  id: 'a.id',
  number: 'a.account_number',
  fields: [
    f('id', 'a.id', 'id', true),
    f('accountNumber', 'a.account_number', 'text', true),
    f('name', 'a.name', 'text', true),
    f('status', 'a.status', 'text', true),
    f('currency', 'a.currency', 'text', true),
    f('balance', accountBalance, 'number', true),
    f('batch', "'Batch1'", 'text', true),
    f('billCycleDay', 'a.bill_cycle_day', 'integer', true),
    f('billToId', 'a.bill_to_contact_id', 'id', true),
    f('soldToId', 'coalesce(a.sold_to_contact_id, a.bill_to_contact_id)', 'id', true),
    f('shipToId', 'null::text', 'id', true),
    f('communicationProfileId', 'null::text', 'id', true),
    f('crmId', 'null::text', 'text', true),
    f('defaultPaymentMethodId', 'a.default_payment_method_id', 'id', true),
    f('invoiceTemplateId', 'null::text', 'id', true),
    f('lastInvoiceDate', '(select max(x.invoice_date) from invoices x where x.account_id = a.id)', 'date', true),
    f('parentId', 'null::text', 'id', true),
    f('autoPay', 'a.auto_pay', 'boolean'),
    f('paymentTerm', 'a.payment_term', 'text'),
    f('notes', 'a.notes', 'text'),
    f('createdDate', 'a.created_date', 'timestamp'),
    f('updatedDate', 'a.updated_date', 'timestamp', true),
  ],
  expands: {},
};

const invoiceObject: ObjectDef = {
  label: 'invoice',
  from: 'invoices v',
  id: 'v.id',
  number: 'v.invoice_number',
  fields: [
    f('id', 'v.id', 'id', true),
    f('invoiceNumber', 'v.invoice_number', 'text', true),
    f('accountId', 'v.account_id', 'id', true),
    f('invoiceDate', 'v.invoice_date', 'date', true),
    f('dueDate', 'v.due_date', 'date', true),
    f('status', 'v.status', 'text', true),
    f('currency', 'v.currency', 'text'),
    f('amount', 'v.amount', 'number', true),
    f('amountWithoutTax', 'v.amount_without_tax', 'number'),
    f('taxAmount', 'v.tax_amount', 'number'),
    f('balance', 'v.balance', 'number', true),
    f('creditMemoAmount', 'v.credit_memo_amount', 'number'),
    f('paymentAmount', 'v.payment_amount', 'number'),
    f('refundAmount', 'v.refund_amount', 'number'),
    f('comments', 'v.comments', 'text'),
    f('postedDate', 'v.posted_date', 'timestamp'),
    f('reversed', 'false', 'boolean', true),
    f('sourceId', 'null::text', 'id', true),
    f('sourceType', "'Subscription'", 'text', true),
    f('eInvoiceStatus', 'null::text', 'text', true),
    f('createdDate', 'v.created_date', 'timestamp'),
    f('updatedDate', 'v.updated_date', 'timestamp', true),
  ],
  expands: {},
};

const creditMemoApplicationObject: ObjectDef = {
  label: 'credit memo application',
  from: 'applications ap',
  where: "ap.source_type = 'CreditMemo'",
  id: 'ap.id',
  fields: [
    f('id', 'ap.id', 'id', true),
    f('creditMemoId', 'ap.source_id', 'id', true),
    f('invoiceId', "case when ap.target_type = 'Invoice' then ap.target_id end", 'id', true),
    f('debitMemoId', "case when ap.target_type = 'DebitMemo' then ap.target_id end", 'id', true),
    f('amount', 'ap.amount', 'number'),
    f('effectiveDate', 'ap.effective_date', 'date'),
    ...stamps('ap'),
  ],
  expands: {},
};

const taxationItemObject = (memoField: string): ObjectDef => ({
  label: 'taxation item',
  from: 'memo_taxation_items t',
  id: 't.id',
  fields: [
    f('id', 't.id', 'id', true),
    f(memoField, 't.memo_item_id', 'id', true),
    f('name', 't.name', 'text'),
    f('taxAmount', 't.tax_amount', 'number'),
    f('balance', 't.balance', 'number'),
    f('exemptAmount', 't.exempt_amount', 'number'),
    f('jurisdiction', 't.jurisdiction', 'text'),
    f('locationCode', 't.location_code', 'text'),
    f('taxCode', 't.tax_code', 'text'),
    f('taxCodeDescription', 't.tax_code_description', 'text'),
    f('taxDate', 't.tax_date', 'date'),
    f('taxRate', 't.tax_rate', 'number'),
    f('taxRateDescription', 't.tax_rate_description', 'text'),
    f('taxRateType', 't.tax_rate_type', 'text'),
    ...stamps('t'),
  ],
  expands: {},
});

export const debitMemoObject = memoObject('DebitMemo');
export const creditMemoObject = memoObject('CreditMemo');
export const debitMemoItemObject = memoItemObject('DebitMemo');
export const creditMemoItemObject = memoItemObject('CreditMemo');

// Expansions. `null`: documented, accepted, and empty in the sandbox, which keeps no subscriptions, rate
// plans, contact snapshots, payment methods or usage.
const one = (key: string, object: ObjectDef, parentField: string) => ({
  key,
  object,
  link: { kind: 'one' as const, parentField },
});
const many = (key: string, object: ObjectDef, childField: string, order: string) => ({
  key,
  object,
  link: { kind: 'many' as const, childField, order },
});

for (const [memo, item, items] of [
  [debitMemoObject, debitMemoItemObject, 'debitmemoitems'],
  [creditMemoObject, creditMemoItemObject, 'creditmemoitems'],
] as const) {
  const itemOf = item === debitMemoItemObject ? 'debitMemoId' : 'creditMemoId';
  memo.expands = {
    account: one('account', accountObject, 'accountId'),
    billtocontact: one('billToContact', contactObject, 'billToContactId'),
    billtocontactsnapshot: null,
    soldtocontactsnapshot: null,
    shiptocontactsnapshot: null,
    [items]: many(items === 'debitmemoitems' ? 'debitMemoItems' : 'creditMemoItems', item, itemOf, 'i.sort_order'),
    [`${items}.subscription`]: null,
    [`${items}.subscription.account`]: null,
  };
}
creditMemoObject.expands.creditmemoapplications = many(
  'creditMemoApplications',
  creditMemoApplicationObject,
  'creditMemoId',
  'ap.created_date, ap.id',
);
const itemExpands = (taxKey: string, taxField: string) => ({
  subscription: null,
  rateplancharge: null,
  subscriptionowner: null,
  [taxKey.toLowerCase()]: many(taxKey, taxationItemObject(taxField), taxField, 't.id'),
});
debitMemoItemObject.expands = itemExpands('debitTaxationItems', 'debitMemoItemId');
creditMemoItemObject.expands = itemExpands('creditTaxationItems', 'creditMemoItemId');
accountObject.expands = {
  billto: one('billTo', contactObject, 'billToId'),
  soldto: one('soldTo', contactObject, 'soldToId'),
  shipto: null,
  defaultpaymentmethod: null,
  subscriptions: null,
  'subscriptions.rateplans': null,
  'subscriptions.rateplans.rateplancharges': null,
  payments: null,
  refunds: null,
  usages: null,
  paymentmethods: null,
  creditmemos: many('creditMemos', creditMemoObject, 'accountId', 'm.memo_date desc, m.id desc'),
  debitmemos: many('debitMemos', debitMemoObject, 'accountId', 'm.memo_date desc, m.id desc'),
  invoices: many('invoices', invoiceObject, 'accountId', 'v.invoice_date desc, v.id desc'),
};
invoiceObject.expands = {
  account: one('account', accountObject, 'accountId'),
  billtocontact: null,
  billtocontactsnapshot: null,
  soldtocontactsnapshot: null,
  shiptocontactsnapshot: null,
  creditmemoapplications: many(
    'creditMemoApplications',
    creditMemoApplicationObject,
    'invoiceId',
    'ap.created_date, ap.id',
  ),
};

/** The objects served under `/object-query/<path>`. */
export const OBJECTS: Record<string, ObjectDef> = {
  'debit-memos': debitMemoObject,
  'credit-memos': creditMemoObject,
  'debit-memo-items': debitMemoItemObject,
  'credit-memo-items': creditMemoItemObject,
  accounts: accountObject,
  invoices: invoiceObject,
};
