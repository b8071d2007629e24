import { z } from 'zod';
import { ZUORA_ID_RE } from './ids.ts';

// Wire primitives of Zuora's v1 contract (docs/zuora/api-digest.md "Wire conventions").
export const zId = z.string().regex(ZUORA_ID_RE, 'a 32-hex id');
export const zDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a yyyy-mm-dd date');
export const zDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/, 'a yyyy-mm-dd hh:mm:ss date-time');
/**
 * Read side: an id or date-time as a tenant sends it. Requests are checked strictly (zId, zDateTime), but a reader
 * accepts what Zuora's own examples hold (ids that are not 32-hex, `yyyy-mm-dd hh:mm:ss` and ISO date-times alike).
 */
export const zReadId = z.string().min(1);
export const zReadDateTime = z.string();
/** Money travels as a JSON number; the SPA and server convert it to a decimal at once (src/lib/money). */
export const zMoney = z.number();

export const MEMO_STATUSES = [
  'Draft',
  'Posted',
  'Canceled',
  'Error',
  'PendingForTax',
  'Generating',
  'CancelInProgress',
] as const;
export const zMemoStatus = z.enum(MEMO_STATUSES);
export type MemoStatus = z.infer<typeof zMemoStatus>;

export const TRANSFERRED_TO_ACCOUNTING = ['Processing', 'Yes', 'No', 'Error', 'Ignore'] as const;
export const DM_SOURCE_TYPES = [
  'Subscription',
  'Standalone',
  'Order',
  'Consolidation',
  'Invoice',
  'CreditMemo',
] as const;
export const CM_SOURCE_TYPES = [
  'Subscription',
  'Standalone',
  'Invoice',
  'Order',
  'CreditMemo',
  'Consolidation',
] as const;
export const TAX_MODES = ['TaxExclusive', 'TaxInclusive'] as const;
export const TAX_RATE_TYPES = ['Percentage', 'FlatFee'] as const;
export const REFUND_METHOD_TYPES = [
  'ACH',
  'Cash',
  'Check',
  'CreditCard',
  'PayPal',
  'WireTransfer',
  'DebitCard',
  'CreditCardReferenceTransaction',
  'BankTransfer',
  'Other',
] as const;

/** `{ <collection>: T[], nextPage?: url, success: true }`: classic v1 list envelope. */
export function listEnvelope<K extends string, T extends z.ZodType>(key: K, item: T) {
  return z.object({ [key]: z.array(item), nextPage: z.string().nullish(), success: z.literal(true) } as {
    [P in K]: z.ZodArray<T>;
  } & { nextPage: z.ZodOptional<z.ZodNullable<z.ZodString>>; success: z.ZodLiteral<true> });
}

export const commonResponseSchema = z.object({ success: z.literal(true) }).loose();
