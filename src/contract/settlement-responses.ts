import { z } from 'zod';
import { zDate, zDateTime, zId, zMoney } from './common.ts';

// Response shapes of the settlement operations (docs/zuora/api-digest.md §4.13, §4.14, §6.13–6.15, §8.5). Loose objects:
// a real tenant sends more fields than the UI reads.

const ref = z.object({ id: zId }).loose();

/** DM write-off (seed 002): `{ creditMemo: { id }, success: true }`. */
export const debitMemoWriteOffResponseSchema = z.object({ creditMemo: ref, success: z.literal(true) }).loose();
/** CM reverse: `{ creditMemo: { id }, debitMemo: { id }, success }`. */
export const creditMemoReverseResponseSchema = z
  .object({ creditMemo: ref, debitMemo: ref, success: z.literal(true) })
  .loose();
/** CM write-off: `{ debitMemo: { id }, success }`. */
export const creditMemoWriteOffResponseSchema = z.object({ debitMemo: ref, success: z.literal(true) }).loose();

const appliedSource = z.object({ id: zId, number: z.string(), appliedAmount: zMoney, unappliedAmount: zMoney }).loose();

/** DM collect (§4.14). `processedPayment` only when an electronic payment was taken (never in the sandbox). */
export const debitMemoCollectResponseSchema = z
  .object({
    appliedCreditMemos: z.array(appliedSource),
    appliedPayments: z.array(appliedSource),
    debitMemo: z.object({ id: zId, number: z.string() }).loose(),
    processedPayment: z.object({ id: zId, number: z.string(), amount: zMoney, status: z.string() }).loose().nullish(),
    success: z.literal(true),
  })
  .loose();
export type DebitMemoCollectResponse = z.infer<typeof debitMemoCollectResponseSchema>;

/** Refund (§8.5), as created from a credit memo and as read by `GET /v1/refunds/{key}`. */
export const refundSchema = z
  .object({
    id: zId,
    number: z.string(),
    status: z.enum(['Processed', 'Canceled', 'Error', 'Processing']),
    type: z.enum(['External', 'Electronic']),
    methodType: z.string().nullable(),
    accountId: zId,
    amount: zMoney,
    refundDate: zDate,
    comment: z.string().nullable(),
    paymentMethodId: z.string().nullable(),
    paymentId: z.string().nullable(),
    creditMemoId: z.string().nullable(),
    reasonCode: z.string().nullable(),
    gatewayState: z.string(),
    createdDate: zDateTime,
    updatedDate: zDateTime,
  })
  .loose();
export type Refund = z.infer<typeof refundSchema>;

/** Payment (§8.4), as read and as returned by `PUT /v1/payments/{key}/apply`. */
export const paymentSchema = z
  .object({
    id: zId,
    number: z.string(),
    accountId: zId,
    amount: zMoney,
    appliedAmount: zMoney,
    unappliedAmount: zMoney,
    refundAmount: zMoney,
    currency: z.string(),
    effectiveDate: z.string(),
    status: z.string(),
    type: z.string(),
  })
  .loose();
export type Payment = z.infer<typeof paymentSchema>;
