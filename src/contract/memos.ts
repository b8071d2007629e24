import { z } from 'zod';
import { listEnvelope, zDate, zMoney, zReadDateTime, zReadId } from './common.ts';

// Response shapes of credit memos, debit memos and their items (docs/zuora/api-digest.md §3, §5). Field names are
// Zuora's. A tolerant reader (docs/zuora/tenant-read-contract.md A5, A12): Zuora's spec marks no response field
// required, tenants on other minor versions omit fields and Object Query drops nulls, so a schema requires only
// what the screen cannot work without (id, number, account, status, memo date, amount, open balance) and takes
// every other field absent or null. Objects are `loose`: a tenant sends more fields than the UI reads.

const str = z.string().nullish();
const money = zMoney.nullish();
const bool = z.boolean().nullish();
const date = zDate.nullish();
const dateTime = zReadDateTime.nullish();

const audit = {
  createdDate: dateTime,
  createdById: str,
  updatedDate: dateTime,
  updatedById: str,
};

const memoCommon = {
  id: zReadId,
  number: z.string(),
  accountId: zReadId,
  accountNumber: str,
  /** Zuora's list example of debit memos leaves it out; the list then takes it from the account. */
  currency: str,
  targetDate: date,
  /** A status this UI does not know is shown as it comes, with no action offered (memo-status.ts). */
  status: z.string(),
  amount: zMoney,
  taxAmount: money,
  totalTaxExemptAmount: money,
  comment: str,
  reasonCode: str,
  referredInvoiceId: str,
  transferredToAccounting: str,
  taxStatus: str,
  taxMessage: str,
  latestPDFFileId: str,
  postedOn: dateTime,
  postedById: str,
  cancelledOn: dateTime,
  cancelledById: str,
  billToContactId: str,
  sourceType: str,
  ...audit,
};

export const debitMemoSchema = z
  .object({
    ...memoCommon,
    debitMemoDate: zDate,
    dueDate: date,
    balance: zMoney,
    beAppliedAmount: money,
    autoPay: bool,
    referredCreditMemoId: str,
  })
  .loose();
/** A list row as it comes; the list fills a missing currency from the account (src/api/memos/row-currency.ts). */
export type DebitMemoRow = z.infer<typeof debitMemoSchema>;
export type DebitMemo = DebitMemoRow & { currency: string };

export const creditMemoSchema = z
  .object({
    ...memoCommon,
    creditMemoDate: zDate,
    appliedAmount: money,
    unappliedAmount: zMoney,
    refundAmount: money,
    autoApplyUponPosting: bool,
    excludeFromAutoApplyRules: bool,
    reversed: bool,
    source: str,
    sourceId: str,
  })
  .loose();
export type CreditMemoRow = z.infer<typeof creditMemoSchema>;
export type CreditMemo = CreditMemoRow & { currency: string };

export const financeInformationSchema = z
  .object({
    deferredRevenueAccountingCode: str,
    deferredRevenueAccountingCodeType: str,
    recognizedRevenueAccountingCode: str,
    recognizedRevenueAccountingCodeType: str,
    onAccountAccountingCode: str,
    onAccountAccountingCodeType: str,
    revenueRecognitionRuleName: str,
    revenueScheduleNumber: str,
  })
  .loose();

const taxItemCommon = {
  id: zReadId,
  name: str,
  taxAmount: zMoney,
  exemptAmount: money,
  jurisdiction: str,
  locationCode: str,
  sourceTaxItemId: str,
  taxCode: str,
  taxCodeDescription: str,
  taxDate: date,
  taxRate: z.number().nullish(),
  taxRateDescription: str,
  taxRateType: str,
  financeInformation: z.object({ salesTaxPayableAccountingCode: str, onAccountAccountingCode: str }).loose().nullish(),
};

/** DM taxation item (zuora-version ≥ 239.0). */
export const debitMemoTaxationItemSchema = z
  .object({ ...taxItemCommon, balance: zMoney, creditAmount: money, paymentAmount: money })
  .loose();
export type DebitMemoTaxationItem = z.infer<typeof debitMemoTaxationItemSchema>;

/** CM taxation item. */
export const creditMemoTaxationItemSchema = z
  .object({ ...taxItemCommon, appliedAmount: money, unappliedAmount: zMoney, refundAmount: money })
  .loose();
export type CreditMemoTaxationItem = z.infer<typeof creditMemoTaxationItemSchema>;

const itemCommon = {
  id: zReadId,
  amount: zMoney,
  amountWithoutTax: money,
  quantity: z.number().nullish(),
  unitPrice: z.number().nullish(),
  unitOfMeasure: str,
  sku: str,
  skuName: str,
  serviceStartDate: date,
  serviceEndDate: date,
  sourceItemType: str,
  sourceItemId: str,
  subscriptionId: str,
  appliedToItemId: str,
  processingType: str,
  taxMode: str,
  /** `description` from zuora-version 257.0, the version the SPA pins (src/contract/version.ts); `comment` before. */
  description: str,
  financeInformation: financeInformationSchema.nullish(),
  ...audit,
};

const taxationItemsOf = <T extends z.ZodType>(item: T) =>
  z
    .object({ data: z.array(item), nextPage: str })
    .loose()
    .nullish();

export const debitMemoItemSchema = z
  .object({
    ...itemCommon,
    balance: zMoney,
    beAppliedAmount: money,
    taxationItems: taxationItemsOf(debitMemoTaxationItemSchema),
  })
  .loose();
export type DebitMemoItem = z.infer<typeof debitMemoItemSchema>;

export const creditMemoItemSchema = z
  .object({
    ...itemCommon,
    appliedAmount: money,
    unappliedAmount: zMoney,
    refundAmount: money,
    creditFromItemSource: str,
    creditFromItemId: str,
    taxationItems: taxationItemsOf(creditMemoTaxationItemSchema),
  })
  .loose();
export type CreditMemoItem = z.infer<typeof creditMemoItemSchema>;

/** A CM part: the unapplied part has both invoiceId and debitMemoId null (docs/zuora/api-digest.md §5.3). */
export const creditMemoPartSchema = z
  .object({ id: z.string(), amount: zMoney, invoiceId: str, debitMemoId: str, ...audit })
  .loose();
export type CreditMemoPart = z.infer<typeof creditMemoPartSchema>;

/** A payment or credit memo applied to a debit memo (docs/zuora/api-digest.md §4.18). */
export const debitMemoApplicationPartSchema = z
  .object({ appliedAmount: zMoney, creditMemoId: str, paymentId: str, ...audit })
  .loose();
export type DebitMemoApplicationPart = z.infer<typeof debitMemoApplicationPartSchema>;

export const memoFileSchema = z
  .object({ id: z.string(), pdfFileUrl: z.string(), versionNumber: z.number().int().nullish() })
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

// One memo read by key: Zuora sends its currency there, and every amount on the page is shown in it.
export const debitMemoResponseSchema = debitMemoSchema.extend({ currency: z.string(), success: z.literal(true) });
export const creditMemoResponseSchema = creditMemoSchema.extend({ currency: z.string(), success: z.literal(true) });
