import { z } from 'zod';
import { isIsoDate } from '../lib/dates.ts';
import { TAX_MODES, TAX_RATE_TYPES, TRANSFERRED_TO_ACCOUNTING, zId } from './common.ts';
import { COMMENT_MAX } from './comment.ts';
import { creditMemoSchema, debitMemoSchema } from './memos.ts';

// Request bodies of the memo write endpoints (docs/zuora/api-digest.md §4.3–4.8, §6.3–6.6), zuora-version 257.0
// names, with the older names Zuora still accepts by version (chargeId, memoItemAmount, comment).
// Objects are strict: an unknown field is refused (category 21), except custom fields (`name__c`,
// NetSuite `name__NS`) on the memo itself. Decimal places per currency are checked where the
// currency is known (server domain, `assertFitsCurrency`); here money is just a finite number.

/**
 * A custom field's name: `<name>__c`, or a NetSuite connector field `<name>__NS` (docs/zuora/api-digest.md §0,
 * "Custom fields"). The create forms, the server's body validation and its settlement routes all use this one.
 */
export const CUSTOM_FIELD_RE = /^[A-Za-z][A-Za-z0-9_]*__(c|NS)$/;

/** A real calendar date in yyyy-mm-dd (2024-02-30 is refused). */
export const zValidDate = z.string().refine(isIsoDate, 'must be a valid date in yyyy-mm-dd format');
const zAmount = z.number().finite();
const zNonNegativeAmount = zAmount.nonnegative();
const zComment = z.string().max(COMMENT_MAX);
const zAccountingCode = z.string().max(100);
const zKey = z.string().min(1).max(64);
export const zMemoNumber = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, _ and -');
const zCurrency = z.string().regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO currency code');
const zReasonCode = z.string().max(255);

type Shape = Record<string, z.ZodType>;

/**
 * A strict object that also accepts custom fields: any other key is an unknown field (category 21);
 * custom field values are scalars (NetSuite fields ≤ 255 characters).
 */
function withCustomFields<S extends Shape>(shape: S) {
  const known = new Set(Object.keys(shape));
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      const unknown = Object.keys(value).filter((k) => !known.has(k) && !CUSTOM_FIELD_RE.test(k));
      if (unknown.length) ctx.addIssue({ code: 'unrecognized_keys', keys: unknown, input: value });
      for (const [k, v] of Object.entries(value)) {
        if (known.has(k) || !CUSTOM_FIELD_RE.test(k)) continue;
        const ok =
          v === null ||
          typeof v === 'boolean' ||
          (typeof v === 'number' && Number.isFinite(v)) ||
          (typeof v === 'string' && v.length <= 255);
        if (!ok)
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: 'a custom field must be a string of at most 255 characters, a number or a boolean',
            input: v,
          });
      }
    });
}

/** The custom fields (`*__c`, `*__NS`) of a parsed body. */
export function customFieldsOf(body: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([k]) => CUSTOM_FIELD_RE.test(k)));
}

const missing = (ctx: z.RefinementCtx, path: string) =>
  ctx.addIssue({
    code: 'invalid_type',
    expected: 'string',
    path: [path],
    message: `'${path}' is required.`,
    input: undefined,
  });
const conflict = (ctx: z.RefinementCtx, a: string, b: string) =>
  ctx.addIssue({
    code: 'custom',
    path: [b],
    message: `'${a}' and '${b}' are the same field under different API versions; send only one.`,
  });

function checkServicePeriod(v: { serviceStartDate?: string; serviceEndDate?: string }, ctx: z.RefinementCtx) {
  if (v.serviceStartDate && v.serviceEndDate && v.serviceEndDate < v.serviceStartDate) {
    ctx.addIssue({
      code: 'custom',
      path: ['serviceEndDate'],
      message: 'serviceEndDate must not be before serviceStartDate',
    });
  }
}

// ---------- create from charge (§4.3, §6.3) ----------

const dmChargeFinance = z.strictObject({
  deferredRevenueAccountingCode: zAccountingCode.optional(),
  recognizedRevenueAccountingCode: zAccountingCode.optional(),
  revenueRecognitionRuleName: zAccountingCode.optional(),
});
const cmChargeFinance = dmChargeFinance.extend({ onAccountAccountingCode: zAccountingCode.optional() });

function chargeSchema<F extends z.ZodType>(finance: F) {
  return z
    .strictObject({
      productRatePlanChargeId: zKey.optional(),
      /** zuora-version ≤ 256.0 name of productRatePlanChargeId. */
      chargeId: zKey.optional(),
      amount: zNonNegativeAmount.optional(),
      /** zuora-version ≤ 223.0 name of amount. */
      memoItemAmount: zNonNegativeAmount.optional(),
      quantity: z.number().finite().positive().optional(),
      description: zComment.optional(),
      /** zuora-version ≤ 256.0 name of description. */
      comment: zComment.optional(),
      serviceStartDate: zValidDate.optional(),
      serviceEndDate: zValidDate.optional(),
      financeInformation: finance.optional(),
    })
    .superRefine((v, ctx) => {
      if (v.productRatePlanChargeId === undefined && v.chargeId === undefined) missing(ctx, 'productRatePlanChargeId');
      if (v.productRatePlanChargeId !== undefined && v.chargeId !== undefined)
        conflict(ctx, 'productRatePlanChargeId', 'chargeId');
      if (v.amount !== undefined && v.memoItemAmount !== undefined) conflict(ctx, 'amount', 'memoItemAmount');
      if (v.description !== undefined && v.comment !== undefined) conflict(ctx, 'description', 'comment');
      checkServicePeriod(v, ctx);
    });
}

export const debitMemoChargeSchema = chargeSchema(dmChargeFinance);
export const creditMemoChargeSchema = chargeSchema(cmChargeFinance);
export type MemoChargeRequest = z.infer<typeof creditMemoChargeSchema>;

const customRateSchema = z.strictObject({
  currency: zCurrency,
  customFxRate: z.number().finite().positive(),
  rateDate: zValidDate.optional(),
});

const fromChargeCommon = {
  accountId: zKey.optional(),
  accountNumber: z.string().min(1).max(70).optional(),
  autoPost: z.boolean().optional(),
  comment: zComment.optional(),
  currency: zCurrency.optional(),
  customRates: z.array(customRateSchema).max(2).optional(),
  effectiveDate: zValidDate.optional(),
  number: zMemoNumber.optional(),
  reasonCode: zReasonCode.optional(),
};

function requireAccount(v: { accountId?: string; accountNumber?: string }, ctx: z.RefinementCtx) {
  if (v.accountId === undefined && v.accountNumber === undefined) missing(ctx, 'accountId');
}

export const createDebitMemoFromChargeSchema = withCustomFields({
  ...fromChargeCommon,
  autoPay: z.boolean().optional(),
  dueDate: zValidDate.optional(),
  charges: z.array(debitMemoChargeSchema).min(1).max(1000),
}).superRefine((v, ctx) => {
  requireAccount(v, ctx);
  if (v.dueDate && v.effectiveDate && v.dueDate < v.effectiveDate) {
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'dueDate must not be before effectiveDate' });
  }
});
export type CreateDebitMemoFromChargeRequest = z.infer<typeof createDebitMemoFromChargeSchema>;

export const createCreditMemoFromChargeSchema = withCustomFields({
  ...fromChargeCommon,
  excludeFromAutoApplyRules: z.boolean().optional(),
  charges: z.array(creditMemoChargeSchema).min(1).max(1000),
}).superRefine(requireAccount);
export type CreateCreditMemoFromChargeRequest = z.infer<typeof createCreditMemoFromChargeSchema>;

// ---------- create from invoice (§4.4, §6.4) ----------

const dmTaxFinance = z.strictObject({ salesTaxPayableAccountingCode: zAccountingCode.optional() });
const cmTaxFinance = dmTaxFinance.extend({ onAccountAccountingCode: zAccountingCode.optional() });

/** What describes a taxation item, the same when it is created and when it is updated. */
const taxDetailFields = {
  taxName: z.string().min(1).max(128).optional(),
  taxRate: z.number().finite().nonnegative().optional(),
  taxRateType: z.enum(TAX_RATE_TYPES).optional(),
  taxRateDescription: z.string().max(255).optional(),
  taxCode: z.string().max(64).optional(),
  taxCodeDescription: z.string().max(255).optional(),
  taxDate: zValidDate.optional(),
  taxExemptAmount: zNonNegativeAmount.optional(),
  jurisdiction: z.string().max(255).optional(),
  locationCode: z.string().max(64).optional(),
};

function taxItemSchema<F extends z.ZodType>(finance: F) {
  return z.strictObject({
    amount: zNonNegativeAmount,
    /** The invoice taxation item this tax corrects. */
    sourceTaxItemId: zKey.optional(),
    ...taxDetailFields,
    financeInformation: finance.optional(),
  });
}

function invoiceItemSchema<F extends z.ZodType, T extends z.ZodType>(
  finance: F,
  taxItem: T,
  invoiceItemRequired: boolean,
) {
  return z
    .strictObject({
      amount: zNonNegativeAmount,
      skuName: z.string().min(1).max(255),
      invoiceItemId: invoiceItemRequired ? zKey : zKey.optional(),
      quantity: z.number().finite().positive().optional(),
      serviceStartDate: zValidDate.optional(),
      serviceEndDate: zValidDate.optional(),
      unitOfMeasure: z.string().max(255).optional(),
      description: zComment.optional(),
      comment: zComment.optional(),
      taxMode: z.enum(TAX_MODES).optional(),
      financeInformation: finance.optional(),
      taxItems: z.array(taxItem).max(100).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.description !== undefined && v.comment !== undefined) conflict(ctx, 'description', 'comment');
      checkServicePeriod(v, ctx);
    });
}

export const debitMemoInvoiceItemSchema = invoiceItemSchema(dmChargeFinance, taxItemSchema(dmTaxFinance), false);
export const creditMemoInvoiceItemSchema = invoiceItemSchema(cmChargeFinance, taxItemSchema(cmTaxFinance), true);
export type MemoInvoiceItemRequest =
  z.infer<typeof creditMemoInvoiceItemSchema> | z.infer<typeof debitMemoInvoiceItemSchema>;

const fromInvoiceCommon = {
  autoPost: z.boolean().optional(),
  comment: zComment.optional(),
  effectiveDate: zValidDate.optional(),
  /** Must equal the path's invoice when both are given (docs/zuora/api-digest.md A6); required in bulk create. */
  invoiceId: zKey.optional(),
  reasonCode: zReasonCode.optional(),
  taxAutoCalculation: z.boolean().optional(),
  number: zMemoNumber.optional(),
};

function checkTaxInclusive(
  v: { taxAutoCalculation?: boolean; items: { taxMode?: string; taxItems?: unknown[] }[] },
  ctx: z.RefinementCtx,
) {
  v.items.forEach((item, i) => {
    if (item.taxMode === 'TaxInclusive' && v.taxAutoCalculation === false) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'taxMode'],
        message: 'TaxInclusive items need taxAutoCalculation=true',
      });
    }
    if (item.taxMode === 'TaxInclusive' && item.taxItems?.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['items', i, 'taxItems'],
        message: 'tax amounts cannot be supplied for TaxInclusive items',
      });
    }
  });
}

export const createDebitMemoFromInvoiceSchema = withCustomFields({
  ...fromInvoiceCommon,
  autoPay: z.boolean().optional(),
  dueDate: zValidDate.optional(),
  items: z.array(debitMemoInvoiceItemSchema).min(1).max(1000),
}).superRefine(checkTaxInclusive);
export type CreateDebitMemoFromInvoiceRequest = z.infer<typeof createDebitMemoFromInvoiceSchema>;

export const createCreditMemoFromInvoiceSchema = withCustomFields({
  ...fromInvoiceCommon,
  autoApplyToInvoiceUponPosting: z.boolean().optional(),
  excludeFromAutoApplyRules: z.boolean().optional(),
  source: z.string().max(64).optional(),
  items: z.array(creditMemoInvoiceItemSchema).min(1).max(1000),
}).superRefine(checkTaxInclusive);
export type CreateCreditMemoFromInvoiceRequest = z.infer<typeof createCreditMemoFromInvoiceSchema>;

// ---------- update (§4.5, §6.5) ----------

const updateTaxItemSchema = <F extends z.ZodType>(finance: F) =>
  z.strictObject({
    id: zId,
    amount: zNonNegativeAmount.optional(),
    ...taxDetailFields,
    financeInformation: finance.optional(),
  });

/**
 * One `items[]` entry of an update: change an item (`id` + fields), add one to a draft standalone
 * memo (no `id`; `productRatePlanChargeId` + `amount`) or delete one (`{id, delete: true}`).
 */
function updateItemSchema<F extends z.ZodType, T extends z.ZodType>(finance: F, taxItem: T) {
  return z
    .strictObject({
      id: zId.optional(),
      delete: z.boolean().optional(),
      productRatePlanChargeId: zKey.optional(),
      amount: zNonNegativeAmount.optional(),
      quantity: z.number().finite().positive().optional(),
      description: zComment.optional(),
      comment: zComment.optional(),
      serviceStartDate: zValidDate.optional(),
      serviceEndDate: zValidDate.optional(),
      skuName: z.string().min(1).max(255).optional(),
      unitOfMeasure: z.string().max(255).optional(),
      excludeItemBillingFromRevenueAccounting: z.boolean().optional(),
      financeInformation: finance.optional(),
      taxItems: z.array(taxItem).max(100).optional(),
    })
    .superRefine((v, ctx) => {
      if (v.description !== undefined && v.comment !== undefined) conflict(ctx, 'description', 'comment');
      checkServicePeriod(v, ctx);
      if (v.id === undefined) {
        if (v.delete) missing(ctx, 'id');
        if (v.productRatePlanChargeId === undefined) missing(ctx, 'productRatePlanChargeId');
        if (v.amount === undefined)
          ctx.addIssue({
            code: 'invalid_type',
            expected: 'number',
            path: ['amount'],
            message: "'amount' is required.",
            input: undefined,
          });
      } else if (v.productRatePlanChargeId !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['productRatePlanChargeId'],
          message: 'productRatePlanChargeId is only for new items (without id)',
        });
      }
      if (v.delete === true) {
        const others = Object.keys(v).filter((k) => k !== 'id' && k !== 'delete');
        if (others.length)
          ctx.addIssue({
            code: 'custom',
            path: ['delete'],
            message: `an item to delete takes only 'id' and 'delete' (got ${others.join(', ')})`,
          });
      }
    });
}

export const debitMemoUpdateItemSchema = updateItemSchema(dmChargeFinance, updateTaxItemSchema(dmTaxFinance));
export const creditMemoUpdateItemSchema = updateItemSchema(cmChargeFinance, updateTaxItemSchema(cmTaxFinance));
export type MemoUpdateItemRequest = z.infer<typeof creditMemoUpdateItemSchema>;

const updateCommon = {
  comment: zComment.optional(),
  effectiveDate: zValidDate.optional(),
  reasonCode: zReasonCode.optional(),
  transferredToAccounting: z.enum(TRANSFERRED_TO_ACCOUNTING).optional(),
};

const debitMemoUpdateShape = {
  ...updateCommon,
  autoPay: z.boolean().optional(),
  dueDate: zValidDate.optional(),
  items: z.array(debitMemoUpdateItemSchema).max(1000).optional(),
};
const creditMemoUpdateShape = {
  ...updateCommon,
  autoApplyUponPosting: z.boolean().optional(),
  excludeFromAutoApplyRules: z.boolean().optional(),
  items: z.array(creditMemoUpdateItemSchema).max(1000).optional(),
};

export const updateDebitMemoSchema = withCustomFields(debitMemoUpdateShape);
export type UpdateDebitMemoRequest = z.infer<typeof updateDebitMemoSchema>;
export const updateCreditMemoSchema = withCustomFields(creditMemoUpdateShape);
export type UpdateCreditMemoRequest = z.infer<typeof updateCreditMemoSchema>;

// ---------- bulk (§4.7, §4.8, §6.6) ----------

export const BULK_MAX = 50;

/**
 * The bulk envelope. Each memo is validated on its own by the server (a bad memo is a failed entry,
 * not a failed batch), with the create-from-charge schema (`Standalone`) or the create-from-invoice
 * schema plus a required `invoiceId` (`Invoice`).
 */
export const bulkCreateEnvelopeSchema = z.strictObject({
  sourceType: z.enum(['Standalone', 'Invoice']),
  memos: z.array(z.unknown()).min(1).max(BULK_MAX),
});
export type BulkCreateDebitMemosRequest =
  | { sourceType: 'Standalone'; memos: CreateDebitMemoFromChargeRequest[] }
  | { sourceType: 'Invoice'; memos: (CreateDebitMemoFromInvoiceRequest & { invoiceId: string })[] };
export type BulkCreateCreditMemosRequest =
  | { sourceType: 'Standalone'; memos: CreateCreditMemoFromChargeRequest[] }
  | { sourceType: 'Invoice'; memos: (CreateCreditMemoFromInvoiceRequest & { invoiceId: string })[] };

export const bulkUpdateEnvelopeSchema = z.strictObject({ memos: z.array(z.unknown()).min(1).max(BULK_MAX) });
export const bulkUpdateDebitMemoSchema = withCustomFields({ ...debitMemoUpdateShape, id: zKey });
export const bulkUpdateCreditMemoSchema = withCustomFields({ ...creditMemoUpdateShape, id: zKey });
export type BulkUpdateDebitMemosRequest = { memos: z.infer<typeof bulkUpdateDebitMemoSchema>[] };
export type BulkUpdateCreditMemosRequest = { memos: z.infer<typeof bulkUpdateCreditMemoSchema>[] };

const bulkFailureSchema = z
  .object({
    success: z.literal(false),
    processId: z.string().optional(),
    reasons: z.array(z.object({ code: z.union([z.number(), z.string()]), message: z.string() })),
    objectIndex: z.number().int(),
    id: z.string().nullish(),
  })
  .loose();
export type BulkFailure = z.infer<typeof bulkFailureSchema>;

/** `{memos: [memo | failure, …], success: true}`: one entry per input, same order, HTTP 200. */
export const bulkDebitMemoResponseSchema = z.object({
  memos: z.array(z.union([debitMemoSchema.extend({ success: z.literal(true) }), bulkFailureSchema])),
  success: z.literal(true),
});
export const bulkCreditMemoResponseSchema = z.object({
  memos: z.array(z.union([creditMemoSchema.extend({ success: z.literal(true) }), bulkFailureSchema])),
  success: z.literal(true),
});

/** Deprecated `PUT /v1/debit-memos` (§4.6): due dates of several debit memos. */
export const updateDebitMemoDueDatesSchema = z.strictObject({
  debitMemos: z
    .array(z.strictObject({ id: zKey, dueDate: zValidDate }))
    .min(1)
    .max(BULK_MAX),
});
export type UpdateDebitMemoDueDatesRequest = z.infer<typeof updateDebitMemoDueDatesSchema>;

// ---------- email (§4.22) ----------

export const emailMemoSchema = z.strictObject({
  emailAddresses: z
    .string()
    .max(2000)
    .refine(
      (s) => s.split(',').every((a) => /^[^\s@,]+@[^\s@,]+\.[^\s@,]+$/.test(a.trim())),
      'must be comma-separated email addresses',
    )
    .optional(),
  includeAdditionalEmailAddresses: z.boolean().optional(),
  pdfFileId: zKey.optional(),
  useEmailTemplateSetting: z.boolean().optional(),
});
export type EmailMemoRequest = z.infer<typeof emailMemoSchema>;
