import { z } from 'zod';
import { COMMENT_MAX } from './comment.ts';
import { REFUND_METHOD_TYPES, zDate, zMoney } from './common.ts';

// Request bodies of the settlement operations (docs/zuora/api-digest.md §4.14, §6.11–6.15, §8.4). Strict objects:
// an unknown field is refused (category 21); custom fields (`…__c`, `…__NS`) are split off first by
// the server. The debit memo write-off body lives in `write-off.ts` with its shared allocation rule.

const id = z.string().min(1).max(64);
const comment = z.string().max(COMMENT_MAX, `comment must be at most ${COMMENT_MAX} characters`);

/** One item-level line of an apply/unapply to an invoice: CM item → invoice item, CM tax item → invoice tax item. */
export const applyInvoiceItemSchema = z.strictObject({
  amount: zMoney,
  creditMemoItemId: id.optional(),
  creditTaxItemId: id.optional(),
  invoiceItemId: id.optional(),
  taxItemId: id.optional(),
});
export const applyDebitMemoItemSchema = z.strictObject({
  amount: zMoney,
  creditMemoItemId: id.optional(),
  creditTaxItemId: id.optional(),
  debitMemoItemId: id.optional(),
  taxItemId: id.optional(),
});

export const applyInvoiceSchema = z.strictObject({
  invoiceId: id,
  amount: zMoney,
  items: z.array(applyInvoiceItemSchema).max(1000).optional(),
});
export const applyDebitMemoSchema = z.strictObject({
  debitMemoId: id,
  amount: zMoney,
  items: z.array(applyDebitMemoItemSchema).max(1000).optional(),
});

/** PUT /v1/credit-memos/{key}/apply and …/unapply (same shape). */
export const creditMemoApplyRequestSchema = z.strictObject({
  effectiveDate: zDate.optional(),
  invoices: z.array(applyInvoiceSchema).max(1000).optional(),
  debitMemos: z.array(applyDebitMemoSchema).max(1000).optional(),
});
export type CreditMemoApplyRequest = z.infer<typeof creditMemoApplyRequestSchema>;
export const creditMemoUnapplyRequestSchema = creditMemoApplyRequestSchema;
export type CreditMemoUnapplyRequest = CreditMemoApplyRequest;
export type ApplyTargetItem = z.infer<typeof applyInvoiceItemSchema> | z.infer<typeof applyDebitMemoItemSchema>;

/** PUT /v1/payments/{key}/apply: a payment's lines are not itemised, so items name target lines only. */
export const paymentApplyRequestSchema = z.strictObject({
  effectiveDate: zDate.optional(),
  invoices: z
    .array(
      z.strictObject({
        invoiceId: id,
        amount: zMoney,
        items: z
          .array(z.strictObject({ amount: zMoney, invoiceItemId: id.optional(), taxItemId: id.optional() }))
          .max(1000)
          .optional(),
      }),
    )
    .max(1000)
    .optional(),
  debitMemos: z
    .array(
      z.strictObject({
        debitMemoId: id,
        amount: zMoney,
        items: z
          .array(z.strictObject({ amount: zMoney, debitMemoItemId: id.optional(), taxItemId: id.optional() }))
          .max(1000)
          .optional(),
      }),
    )
    .max(1000)
    .optional(),
});
export type PaymentApplyRequest = z.infer<typeof paymentApplyRequestSchema>;

export const REFUND_TYPES = ['External', 'Electronic'] as const;

/** POST /v1/credit-memos/{key}/refunds. */
export const creditMemoRefundRequestSchema = z.strictObject({
  type: z.enum(REFUND_TYPES),
  totalAmount: zMoney,
  methodType: z.enum(REFUND_METHOD_TYPES).optional(),
  paymentMethodId: id.optional(),
  gatewayId: id.optional(),
  gatewayOptions: z.record(z.string(), z.string()).optional(),
  refundDate: zDate.optional(),
  comment: comment.nullish(),
  reasonCode: z.string().max(100).nullish(),
  referenceId: z.string().max(100).optional(),
  secondRefundReferenceId: z.string().max(100).optional(),
  softDescriptor: z.string().max(35).optional(),
  softDescriptorPhone: z.string().max(20).optional(),
  items: z
    .array(z.strictObject({ amount: zMoney, creditMemoItemId: id.optional(), creditTaxItemId: id.optional() }))
    .max(1000)
    .optional(),
  financeInformation: z
    .strictObject({
      bankAccountAccountingCode: z.string().max(100).optional(),
      onAccountAccountingCode: z.string().max(100).optional(),
      unappliedPaymentAccountingCode: z.string().max(100).optional(),
      transferredToAccounting: z.enum(['Processing', 'Yes', 'No', 'Error', 'Ignore']).optional(),
    })
    .optional(),
});
export type CreditMemoRefundRequest = z.infer<typeof creditMemoRefundRequestSchema>;

/** PUT /v1/credit-memos/{key}/reverse. Reason code and comment are the UI dialog's extra fields. */
export const creditMemoReverseRequestSchema = z.strictObject({
  memoDate: zDate.optional(),
  applyEffectiveDate: zDate.optional(),
  reasonCode: z.string().max(100).nullish(),
  comment: comment.nullish(),
});
export type CreditMemoReverseRequest = z.infer<typeof creditMemoReverseRequestSchema>;

/** PUT /v1/credit-memos/{creditMemoId}/write-off. */
export const creditMemoWriteOffRequestSchema = z.strictObject({
  memoDate: zDate.optional(),
  comment: comment.nullish(),
  reasonCode: z.string().max(100).nullish(),
});
export type CreditMemoWriteOffRequest = z.infer<typeof creditMemoWriteOffRequestSchema>;

export const APPLICATION_ORDER = ['CreditMemo', 'UnappliedPayment'] as const;

/** POST /v1/debit-memos/{key}/collect. */
export const debitMemoCollectRequestSchema = z.strictObject({
  applyCredit: z.boolean().optional(),
  applicationOrder: z.array(z.enum(APPLICATION_ORDER)).min(1).max(2).optional(),
  collect: z.boolean().optional(),
  payment: z.strictObject({ gatewayId: id.optional(), paymentMethodId: id.optional() }).optional(),
});
export type DebitMemoCollectRequest = z.infer<typeof debitMemoCollectRequestSchema>;
