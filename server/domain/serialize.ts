import { toWire } from '../../src/lib/money.ts';
import type {
  CreditMemo,
  CreditMemoItem,
  CreditMemoTaxationItem,
  DebitMemo,
  DebitMemoItem,
  DebitMemoTaxationItem,
} from '../../src/contract/memos.ts';
import type { MemoItemRow, MemoRow, MemoTaxationItemRow } from '../db/types.ts';

// Row → Zuora wire JSON in the shapes of the version the SPA pins (src/contract/version.ts, 257.0: `description`,
// `taxationItems: {data}`).
// The one place that maps the shared memos table onto the two Zuora objects.
// Object.assign rather than `{ ...common(row), … }`: V8 (Node 20) spreads these ~45-key objects on a
// slow path, ~20x slower, which dominated list responses.

const num = (v: string | null | undefined) => (v === null || v === undefined ? null : toWire(v));
const money = (v: string) => toWire(v);

function common(row: MemoRow, accountNumber: string | null) {
  return {
    id: row.id,
    number: row.number,
    accountId: row.account_id,
    accountNumber,
    currency: row.currency,
    targetDate: row.target_date,
    status: row.status as DebitMemo['status'],
    amount: money(row.amount),
    taxAmount: money(row.tax_amount),
    totalTaxExemptAmount: money(row.total_tax_exempt_amount),
    comment: row.comment,
    reasonCode: row.reason_code,
    referredInvoiceId: row.referred_invoice_id,
    transferredToAccounting: row.transferred_to_accounting,
    taxStatus: row.tax_status ?? 'Complete',
    taxMessage: row.tax_message,
    latestPDFFileId: row.latest_pdf_file_id,
    postedOn: row.posted_on,
    postedById: row.posted_by_id,
    cancelledOn: row.cancelled_on,
    cancelledById: row.cancelled_by_id,
    billToContactId: row.bill_to_contact_id,
    billToContactSnapshotId: null,
    invoiceGroupNumber: null,
    sequenceSetId: null,
    einvoiceStatus: null,
    einvoiceFileId: null,
    einvoiceErrorCode: null,
    einvoiceErrorMessage: null,
    excludeItemBillingFromRevenueAccounting: false,
    sourceType: row.source_type,
    createdDate: row.created_date,
    createdById: row.created_by_id,
    updatedDate: row.updated_date,
    updatedById: row.updated_by_id,
    ...(row.custom_fields ?? {}),
  };
}

export function serializeDebitMemo(row: MemoRow, accountNumber: string | null): DebitMemo {
  return Object.assign(common(row, accountNumber), {
    debitMemoDate: row.memo_date,
    dueDate: row.due_date,
    balance: money(row.balance),
    beAppliedAmount: money(row.applied_amount),
    autoPay: row.auto_pay ?? true,
    paymentTerm: null,
    referredCreditMemoId: row.referred_credit_memo_id,
  });
}

export function serializeCreditMemo(row: MemoRow, accountNumber: string | null): CreditMemo {
  return Object.assign(common(row, accountNumber), {
    creditMemoDate: row.memo_date,
    appliedAmount: money(row.applied_amount),
    unappliedAmount: money(row.balance),
    refundAmount: money(row.refund_amount),
    autoApplyUponPosting: row.auto_apply_upon_posting ?? false,
    excludeFromAutoApplyRules: row.exclude_from_auto_apply_rules ?? false,
    reversed: row.reversed,
    source: row.source,
    sourceId: row.source_id,
  });
}

export function serializeMemo(row: MemoRow, accountNumber: string | null): DebitMemo | CreditMemo {
  return row.kind === 'DebitMemo' ? serializeDebitMemo(row, accountNumber) : serializeCreditMemo(row, accountNumber);
}

function taxCommon(t: MemoTaxationItemRow) {
  return {
    id: t.id,
    name: t.name,
    taxAmount: money(t.tax_amount),
    exemptAmount: money(t.exempt_amount),
    jurisdiction: t.jurisdiction,
    locationCode: t.location_code,
    sourceTaxItemId: t.source_tax_item_id,
    taxCode: t.tax_code,
    taxCodeDescription: t.tax_code_description,
    taxDate: t.tax_date,
    taxRate: money(t.tax_rate),
    taxRateDescription: t.tax_rate_description,
    taxRateType: t.tax_rate_type,
  };
}

export function serializeDebitMemoTaxItem(t: MemoTaxationItemRow): DebitMemoTaxationItem {
  return Object.assign(taxCommon(t), {
    balance: money(t.balance),
    creditAmount: money(t.credit_amount),
    paymentAmount: money(t.payment_amount),
    financeInformation: {
      salesTaxPayableAccountingCode: t.sales_tax_payable_accounting_code,
      salesTaxPayableAccountingCodeType: t.sales_tax_payable_accounting_code ? 'SalesTaxPayable' : null,
    },
  });
}

export function serializeCreditMemoTaxItem(t: MemoTaxationItemRow): CreditMemoTaxationItem {
  return Object.assign(taxCommon(t), {
    appliedAmount: money(t.applied_amount),
    unappliedAmount: money(t.balance),
    refundAmount: money(t.refund_amount),
    financeInformation: {
      salesTaxPayableAccountingCode: t.sales_tax_payable_accounting_code,
      salesTaxPayableAccountingCodeType: t.sales_tax_payable_accounting_code ? 'SalesTaxPayable' : null,
      onAccountAccountingCode: t.on_account_accounting_code,
      onAccountAccountingCodeType: t.on_account_accounting_code ? 'CustomerCashOnAccount' : null,
    },
  });
}

function itemCommon(i: MemoItemRow) {
  return {
    id: i.id,
    amount: money(i.amount),
    amountWithoutTax: money(i.amount_without_tax),
    quantity: num(i.quantity),
    unitPrice: num(i.unit_price),
    unitOfMeasure: i.unit_of_measure,
    sku: i.sku,
    skuName: i.sku_name,
    serviceStartDate: i.service_start_date,
    serviceEndDate: i.service_end_date,
    sourceItemType: i.source_item_type,
    sourceItemId: i.source_item_id,
    subscriptionId: i.subscription_id,
    appliedToItemId: i.applied_to_item_id,
    processingType: i.processing_type,
    taxMode: i.tax_mode,
    description: i.description,
    excludeItemBillingFromRevenueAccounting: i.exclude_item_billing_from_revenue_accounting,
    soldToContactId: null,
    soldToContactSnapshotId: null,
    financeInformation: {
      deferredRevenueAccountingCode: i.deferred_revenue_accounting_code,
      deferredRevenueAccountingCodeType: i.deferred_revenue_accounting_code ? 'DeferredRevenue' : null,
      recognizedRevenueAccountingCode: i.recognized_revenue_accounting_code,
      recognizedRevenueAccountingCodeType: i.recognized_revenue_accounting_code ? 'SalesRevenue' : null,
      onAccountAccountingCode: i.on_account_accounting_code,
      onAccountAccountingCodeType: i.on_account_accounting_code ? 'CustomerCashOnAccount' : null,
      revenueRecognitionRuleName: i.revenue_recognition_rule_name,
      revenueScheduleNumber: i.revenue_schedule_number,
    },
    createdDate: i.created_date,
    createdById: i.created_by_id,
    updatedDate: i.updated_date,
    updatedById: i.updated_by_id,
    ...(i.custom_fields ?? {}),
  };
}

export function serializeDebitMemoItem(i: MemoItemRow, taxes: MemoTaxationItemRow[]): DebitMemoItem {
  const common = itemCommon(i);
  // Debit memo items have no on-account accounting code in Zuora's DebitMemoItem (docs/zuora/api-digest.md §3.2).
  const {
    onAccountAccountingCode: _code,
    onAccountAccountingCodeType: _type,
    ...financeInformation
  } = common.financeInformation;
  void _code;
  void _type;
  return Object.assign(common, {
    financeInformation,
    balance: money(i.balance),
    beAppliedAmount: money(i.applied_amount),
    taxationItems: { data: taxes.map(serializeDebitMemoTaxItem) },
  });
}

export function serializeCreditMemoItem(i: MemoItemRow, taxes: MemoTaxationItemRow[]): CreditMemoItem {
  return Object.assign(itemCommon(i), {
    appliedAmount: money(i.applied_amount),
    unappliedAmount: money(i.balance),
    refundAmount: money(i.refund_amount),
    creditFromItemSource: i.credit_from_item_source,
    creditFromItemId: i.credit_from_item_id,
    taxationItems: { data: taxes.map(serializeCreditMemoTaxItem) },
  });
}
