import { z } from 'zod';
import { zDate, zMoney, zReadDateTime, zReadId } from './common.ts';

// Response shapes of the settlement operations (docs/zuora/api-digest.md §4.13, §4.14, §6.13–6.15, §8.5). Loose objects:
// a real tenant sends more fields than the UI reads.

const ref = z.object({ id: zReadId }).loose();
const str = z.string().nullish();
const money = zMoney.nullish();

/** DM write-off (seed 002): `{ creditMemo: { id }, success: true }`. */
export const debitMemoWriteOffResponseSchema = z.object({ creditMemo: ref, success: z.literal(true) }).loose();
/**
 * CM reverse: the sandbox answers `{ creditMemo: { id }, debitMemo: { id }, success }`; Zuora's documented example
 * is `{ debitMemo: { id }, success: true }` without `creditMemo` (docs/zuora/openapi/README.md).
 */
export const creditMemoReverseResponseSchema = z
  .object({ creditMemo: ref.nullish(), debitMemo: ref, success: z.literal(true) })
  .loose();
/** CM write-off: `{ debitMemo: { id }, success }`. */
export const creditMemoWriteOffResponseSchema = z.object({ debitMemo: ref, success: z.literal(true) }).loose();

const appliedSource = z.object({ id: zReadId, number: str, appliedAmount: money, unappliedAmount: money }).loose();

/** DM collect (§4.14). `processedPayment` only when an electronic payment was taken (never in the sandbox). */
export const debitMemoCollectResponseSchema = z
  .object({
    appliedCreditMemos: z.array(appliedSource).nullish(),
    appliedPayments: z.array(appliedSource).nullish(),
    debitMemo: z.object({ id: zReadId, number: str }).loose(),
    processedPayment: z.object({ id: zReadId, number: str, amount: money, status: str }).loose().nullish(),
    success: z.literal(true),
  })
  .loose();
export type DebitMemoCollectResponse = z.infer<typeof debitMemoCollectResponseSchema>;

/** Refund (§8.5), as created from a credit memo and as read by `GET /v1/refunds/{key}`. */
export const refundSchema = z
  .object({
    id: zReadId,
    number: z.string(),
    status: z.string(),
    type: str,
    methodType: str,
    accountId: str,
    amount: zMoney,
    refundDate: zDate.nullish(),
    comment: str,
    paymentMethodId: str,
    paymentId: str,
    creditMemoId: str,
    reasonCode: str,
    gatewayState: str,
    createdDate: zReadDateTime.nullish(),
    updatedDate: zReadDateTime.nullish(),
  })
  .loose();
export type Refund = z.infer<typeof refundSchema>;

/** Payment (§8.4), as read and as returned by `PUT /v1/payments/{key}/apply`. */
export const paymentSchema = z
  .object({
    id: zReadId,
    number: z.string(),
    accountId: str,
    amount: zMoney,
    appliedAmount: money,
    unappliedAmount: money,
    refundAmount: money,
    currency: str,
    effectiveDate: str,
    status: z.string(),
    type: str,
  })
  .loose();
export type Payment = z.infer<typeof paymentSchema>;
