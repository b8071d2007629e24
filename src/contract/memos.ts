import { z } from 'zod';
import { zDate, zDateTime, zId, zMemoStatus, zMoney, listEnvelope } from './common.ts';

// Response shapes of credit memos, debit memos and their items (docs/zuora/api-digest.md §3, §5). Field names are
// Zuora's. Objects are `loose`: a real tenant sends more fields than the UI reads, and that is fine.

const audit = {
  createdDate: zDateTime,
  createdById: z.string().nullable(),
  updatedDate: zDateTime,
  updatedById: z.string().nullable(),
};

const memoCommon = {
  id: zId,
  number: z.string(),
  accountId: zId,
  accountNumber: z.string().nullish(),
  currency: z.string(),
  targetDate: zDate.nullable(),
  status: zMemoStatus,
  amount: zMoney,
  taxAmount: zMoney,
  totalTaxExemptAmount: zMoney,
  comment: z.string().nullable(),
  reasonCode: z.string().nullable(),
  referredInvoiceId: z.string().nullable(),
  transferredToAccounting: z.string().nullable(),
  taxStatus: z.string().nullable(),
  taxMessage: z.string().nullable(),
  latestPDFFileId: z.string().nullable(),
  postedOn: zDateTime.nullable(),
  postedById: z.string().nullable(),
  cancelledOn: zDateTime.nullable(),
  cancelledById: z.string().nullable(),
  billToContactId: z.string().nullable(),
  sourceType: z.string(),
  ...audit,
};

export const debitMemoSchema = z
  .object({
    ...memoCommon,
    debitMemoDate: zDate,
    dueDate: zDate.nullable(),
    balance: zMoney,
    beAppliedAmount: zMoney,
    autoPay: z.boolean(),
    referredCreditMemoId: z.string().nullable(),
  })
  .loose();
export type DebitMemo = z.infer<typeof debitMemoSchema>;

export const creditMemoSchema = z
  .object({
    ...memoCommon,
    creditMemoDate: zDate,
    appliedAmount: zMoney,
    unappliedAmount: zMoney,
    refundAmount: zMoney,
    autoApplyUponPosting: z.boolean(),
    excludeFromAutoApplyRules: z.boolean(),
    reversed: z.boolean(),
    source: z.string().nullable(),
    sourceId: z.string().nullable(),
  })
  .loose();
export type CreditMemo = z.infer<typeof creditMemoSchema>;

export const financeInformationSchema = z
  .object({
    deferredRevenueAccountingCode: z.string().nullish(),
    deferredRevenueAccountingCodeType: z.string().nullish(),
    recognizedRevenueAccountingCode: z.string().nullish(),
    recognizedRevenueAccountingCodeType: z.string().nullish(),
    onAccountAccountingCode: z.string().nullish(),
    onAccountAccountingCodeType: z.string().nullish(),
    revenueRecognitionRuleName: z.string().nullish(),
    revenueScheduleNumber: z.string().nullish(),
  })
  .loose();

const taxItemCommon = {
  id: zId,
  name: z.string(),
  taxAmount: zMoney,
  exemptAmount: zMoney,
  jurisdiction: z.string().nullable(),
  locationCode: z.string().nullable(),
  sourceTaxItemId: z.string().nullable(),
  taxCode: z.string().nullable(),
  taxCodeDescription: z.string().nullable(),
  taxDate: zDate.nullable(),
  taxRate: z.number(),
  taxRateDescription: z.string().nullable(),
  taxRateType: z.string(),
  financeInformation: z
    .object({ salesTaxPayableAccountingCode: z.string().nullish(), onAccountAccountingCode: z.string().nullish() })
    .loose()
    .nullish(),
};

/** DM taxation item (zuora-version ≥ 239.0). */
export const debitMemoTaxationItemSchema = z
  .object({ ...taxItemCommon, balance: zMoney, creditAmount: zMoney, paymentAmount: zMoney })
  .loose();
export type DebitMemoTaxationItem = z.infer<typeof debitMemoTaxationItemSchema>;

/** CM taxation item. */
export const creditMemoTaxationItemSchema = z
  .object({ ...taxItemCommon, appliedAmount: zMoney, unappliedAmount: zMoney, refundAmount: zMoney })
  .loose();
export type CreditMemoTaxationItem = z.infer<typeof creditMemoTaxationItemSchema>;

const itemCommon = {
  id: zId,
  amount: zMoney,
  amountWithoutTax: zMoney,
  quantity: z.number().nullable(),
  unitPrice: z.number().nullable(),
  unitOfMeasure: z.string().nullable(),
  sku: z.string().nullable(),
  skuName: z.string(),
  serviceStartDate: zDate.nullable(),
  serviceEndDate: zDate.nullable(),
  sourceItemType: z.string().nullable(),
  sourceItemId: z.string().nullable(),
  subscriptionId: z.string().nullable(),
  appliedToItemId: z.string().nullable(),
  processingType: z.string().nullable(),
  taxMode: z.string(),
  description: z.string().nullable(),
  financeInformation: financeInformationSchema.nullable(),
  ...audit,
};

export const debitMemoItemSchema = z
  .object({
    ...itemCommon,
    balance: zMoney,
    beAppliedAmount: zMoney,
    taxationItems: z.object({ data: z.array(debitMemoTaxationItemSchema), nextPage: z.string().nullish() }),
  })
  .loose();
export type DebitMemoItem = z.infer<typeof debitMemoItemSchema>;

export const creditMemoItemSchema = z
  .object({
    ...itemCommon,
    appliedAmount: zMoney,
    unappliedAmount: zMoney,
    refundAmount: zMoney,
    creditFromItemSource: z.string().nullable(),
    creditFromItemId: z.string().nullable(),
    taxationItems: z.object({ data: z.array(creditMemoTaxationItemSchema), nextPage: z.string().nullish() }),
  })
  .loose();
export type CreditMemoItem = z.infer<typeof creditMemoItemSchema>;

/** A CM part: the unapplied part has both invoiceId and debitMemoId null (docs/zuora/api-digest.md §5.3). */
export const creditMemoPartSchema = z
  .object({
    id: z.string(),
    amount: zMoney,
    invoiceId: z.string().nullable(),
    debitMemoId: z.string().nullable(),
    ...audit,
  })
  .loose();
export type CreditMemoPart = z.infer<typeof creditMemoPartSchema>;

/** A payment or credit memo applied to a debit memo (docs/zuora/api-digest.md §4.18). */
export const debitMemoApplicationPartSchema = z
  .object({
    appliedAmount: zMoney,
    creditMemoId: z.string().nullish(),
    paymentId: z.string().nullish(),
    ...audit,
  })
  .loose();
export type DebitMemoApplicationPart = z.infer<typeof debitMemoApplicationPartSchema>;

export const memoFileSchema = z
  .object({ id: z.string(), pdfFileUrl: z.string(), versionNumber: z.number().int() })
  .loose();
export type MemoFile = z.infer<typeof memoFileSchema>;

export const debitMemoListSchema = listEnvelope('debitmemos', debitMemoSchema);
export const creditMemoListSchema = listEnvelope('creditmemos', creditMemoSchema);
export const debitMemoItemListSchema = listEnvelope('items', debitMemoItemSchema);
export const creditMemoItemListSchema = listEnvelope('items', creditMemoItemSchema);
export const creditMemoPartListSchema = listEnvelope('parts', creditMemoPartSchema);
export const debitMemoApplicationPartListSchema = listEnvelope('applicationParts', debitMemoApplicationPartSchema);
export const debitMemoFileListSchema = listEnvelope('debitMemoFiles', memoFileSchema);
export const creditMemoFileListSchema = listEnvelope('creditMemoFiles', memoFileSchema);

export const debitMemoResponseSchema = debitMemoSchema.extend({ success: z.literal(true) });
export const creditMemoResponseSchema = creditMemoSchema.extend({ success: z.literal(true) });

/** PUT /v1/debit-memos/{key}/write-off response (seed 002). */
export const writeOffDebitMemoResponseSchema = z.object({
  creditMemo: z.object({ id: zId }),
  success: z.literal(true),
});
/** PUT /v1/credit-memos/{id}/write-off response. */
export const writeOffCreditMemoResponseSchema = z.object({
  debitMemo: z.object({ id: zId }),
  success: z.literal(true),
});
export const reverseCreditMemoResponseSchema = z.object({
  creditMemo: z.object({ id: zId }),
  debitMemo: z.object({ id: zId }),
  success: z.literal(true),
});
