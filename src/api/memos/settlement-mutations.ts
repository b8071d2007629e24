import { z } from 'zod';
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import { UnreadableSuccessError } from '../../lib/zuora-error.ts';
import { invalidateMemoEffects, type MemoEffect, type MemoRef } from './invalidate.ts';
import { memoKeys } from './keys.ts';
import { settlementKeys } from '../billing-documents.ts';
import { invoiceKeys } from '../invoices.ts';
import type {
  CreditMemoApplyRequest,
  CreditMemoRefundRequest,
  CreditMemoReverseRequest,
  CreditMemoUnapplyRequest,
  CreditMemoWriteOffRequest,
  DebitMemoCollectRequest,
} from '../../contract/settlement-requests.ts';
import {
  creditMemoReverseResponseSchema,
  creditMemoWriteOffResponseSchema,
  debitMemoCollectResponseSchema,
  debitMemoWriteOffResponseSchema,
  refundSchema,
  type DebitMemoCollectResponse,
} from '../../contract/settlement-responses.ts';
import { creditMemoResponseSchema } from '../../contract/memos.ts';
import type { WriteOffRequest } from '../../contract/write-off.ts';

// Mutations that settle a memo (docs/zuora/api-digest.md §4.13–4.14, §6.11–6.15). Each call carries the dialog's
// Idempotency-Key (one per dialog opening, reused on a retry) so a double submit or a retry after a
// lost response cannot settle twice. Success invalidates, through invalidateMemoEffects, the memo and
// every document it touched; a refusal refetches the memo, because the usual cause is a stale balance.

export type ApplyCreditMemoRequest = CreditMemoApplyRequest;
export type UnapplyCreditMemoRequest = CreditMemoUnapplyRequest;
export type CollectResponse = DebitMemoCollectResponse;

export interface Call<B> {
  body: B;
  idempotencyKey: string;
}

const cm = (id: string) => `/v1/credit-memos/${encodeURIComponent(id)}`;
const dm = (id: string) => `/v1/debit-memos/${encodeURIComponent(id)}`;

async function settled(qc: QueryClient, effect: MemoEffect): Promise<void> {
  // Invoices (their balances) have no key factory of their own; their queries all start with 'invoices'.
  await Promise.all([
    invalidateMemoEffects(qc, effect),
    qc.invalidateQueries({ queryKey: settlementKeys.all }),
    qc.invalidateQueries({ queryKey: invoiceKeys.all }),
  ]);
}

/**
 * After a refusal: the memo's balance may have moved under us; refetch so the dialog shows the truth. After a
 * settlement Zuora did but whose answer could not be read, which documents it touched is unknown: reload them all.
 */
function refused(qc: QueryClient, err: unknown, ref: MemoRef): Promise<unknown> {
  if (err instanceof UnreadableSuccessError)
    return Promise.all([
      qc.invalidateQueries({ queryKey: memoKeys.all }),
      qc.invalidateQueries({ queryKey: settlementKeys.all }),
      qc.invalidateQueries({ queryKey: invoiceKeys.all }),
    ]);
  return qc.invalidateQueries({ queryKey: memoKeys.memo(ref.kind, ref.id) });
}

const targetsOf = (body: ApplyCreditMemoRequest): MemoRef[] =>
  (body.debitMemos ?? []).map((d) => ({ kind: 'DebitMemo' as const, id: d.debitMemoId }));

export function useApplyCreditMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<ApplyCreditMemoRequest>) =>
      zuoraRequest(`${cm(id)}/apply`, { method: 'PUT', body, idempotencyKey, schema: creditMemoResponseSchema }),
    onSuccess: (_r, { body }) => settled(qc, { operation: 'apply', kind: 'CreditMemo', id, related: targetsOf(body) }),
    onError: (err) => refused(qc, err, { kind: 'CreditMemo', id }),
  });
}

export function useUnapplyCreditMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<UnapplyCreditMemoRequest>) =>
      zuoraRequest(`${cm(id)}/unapply`, { method: 'PUT', body, idempotencyKey, schema: creditMemoResponseSchema }),
    onSuccess: (_r, { body }) =>
      settled(qc, { operation: 'unapply', kind: 'CreditMemo', id, related: targetsOf(body) }),
    onError: (err) => refused(qc, err, { kind: 'CreditMemo', id }),
  });
}

export function useRefundCreditMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<CreditMemoRefundRequest>) =>
      zuoraRequest(`${cm(id)}/refunds`, {
        method: 'POST',
        body,
        idempotencyKey,
        schema: refundSchema.extend({ success: z.literal(true) }),
      }),
    onSuccess: () => settled(qc, { operation: 'refund', kind: 'CreditMemo', id }),
    onError: (err) => refused(qc, err, { kind: 'CreditMemo', id }),
  });
}

export function useWriteOffCreditMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<CreditMemoWriteOffRequest>) =>
      zuoraRequest(`${cm(id)}/write-off`, {
        method: 'PUT',
        body,
        idempotencyKey,
        schema: creditMemoWriteOffResponseSchema,
      }),
    onSuccess: (r) =>
      settled(qc, {
        operation: 'writeOffCredit',
        kind: 'CreditMemo',
        id,
        related: [{ kind: 'DebitMemo', id: r.debitMemo.id }],
      }),
    onError: (err) => refused(qc, err, { kind: 'CreditMemo', id }),
  });
}

export function useReverseCreditMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<CreditMemoReverseRequest>) =>
      zuoraRequest(`${cm(id)}/reverse`, {
        method: 'PUT',
        body,
        idempotencyKey,
        schema: creditMemoReverseResponseSchema,
      }),
    onSuccess: (r) =>
      settled(qc, {
        operation: 'reverse',
        kind: 'CreditMemo',
        id,
        related: [{ kind: 'DebitMemo', id: r.debitMemo.id }],
      }),
    onError: (err) => refused(qc, err, { kind: 'CreditMemo', id }),
  });
}

export function useCollectDebitMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<DebitMemoCollectRequest>) =>
      zuoraRequest(`${dm(id)}/collect`, {
        method: 'POST',
        body,
        idempotencyKey,
        schema: debitMemoCollectResponseSchema,
      }),
    onSuccess: (r) =>
      settled(qc, {
        operation: 'collect',
        kind: 'DebitMemo',
        id,
        related: (r.appliedCreditMemos ?? []).map((c) => ({ kind: 'CreditMemo' as const, id: c.id })),
      }),
    onError: (err) => refused(qc, err, { kind: 'DebitMemo', id }),
  });
}

export function useWriteOffDebitMemo(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: Call<WriteOffRequest>) =>
      zuoraRequest(`${dm(id)}/write-off`, {
        method: 'PUT',
        body,
        idempotencyKey,
        schema: debitMemoWriteOffResponseSchema,
      }),
    onSuccess: (r) =>
      settled(qc, {
        operation: 'writeOffDebit',
        kind: 'DebitMemo',
        id,
        related: [{ kind: 'CreditMemo', id: r.creditMemo.id }],
      }),
    onError: (err) => refused(qc, err, { kind: 'DebitMemo', id }),
  });
}
