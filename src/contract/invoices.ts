import { z } from 'zod';
import { zDate, zMoney, zReadId } from './common.ts';

// Invoices and billing documents as the memo pages read them (docs/zuora/api-digest.md §8.3): the one home of each
// wire shape, read tolerantly like the memos (memos.ts): what a screen needs is required, the rest may be absent or
// null. Zuora's own examples carry ids that are not 32-hex, and a discount item without `balance`.

const str = z.string().nullish();
const money = zMoney.nullish();

/** A row of `GET /v1/billing-documents`: invoices, credit and debit memos of an account. */
export const billingDocumentSchema = z
  .object({
    id: zReadId,
    documentNumber: z.string(),
    documentType: z.string(),
    documentDate: zDate,
    amount: zMoney,
    balance: zMoney,
    status: z.string(),
    accountId: str,
    currency: str,
  })
  .loose();
export type BillingDocument = z.infer<typeof billingDocumentSchema>;
export const billingDocumentListSchema = z
  .object({ documents: z.array(billingDocumentSchema), nextPage: str, success: z.literal(true) })
  .loose();

/** `GET /v1/invoices/{key}`: the from-invoice form (its date bounds the memo date) and every invoice number shown. */
export const invoiceSchema = z
  .object({
    id: zReadId,
    invoiceNumber: z.string(),
    accountId: zReadId,
    invoiceDate: zDate,
    currency: z.string(),
    amount: zMoney,
    balance: zMoney,
    status: z.string(),
    success: z.literal(true),
  })
  .loose();
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceTaxationItemSchema = z
  .object({
    id: zReadId,
    name: str,
    taxAmount: zMoney,
    balance: money,
    availableToCreditAmount: money,
    taxRate: z.number().nullish(),
    taxRateType: str,
    taxCode: str,
    jurisdiction: str,
  })
  .loose();

/** `GET /v1/invoices/{key}/items`: the from-invoice item table and the lines an apply can settle. */
export const invoiceItemSchema = z
  .object({
    id: zReadId,
    chargeName: str,
    chargeType: str,
    chargeAmount: zMoney,
    taxAmount: money,
    balance: money,
    availableToCreditAmount: money,
    quantity: z.number().nullish(),
    unitOfMeasure: str,
    serviceStartDate: zDate.nullish(),
    serviceEndDate: zDate.nullish(),
    processingType: str,
    taxMode: str,
    taxationItems: z
      .object({ data: z.array(invoiceTaxationItemSchema) })
      .loose()
      .nullish(),
  })
  .loose();
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;
export const invoiceItemListSchema = z
  .object({ invoiceItems: z.array(invoiceItemSchema), nextPage: str, success: z.literal(true) })
  .loose();
