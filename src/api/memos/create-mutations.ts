import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import { creditMemoResponseSchema, debitMemoResponseSchema } from '../../contract/memos.ts';
import { bulkCreditMemoResponseSchema, bulkDebitMemoResponseSchema } from '../../contract/memo-requests.ts';
import { invalidateMemoEffects } from './invalidate.ts';
import { memoApiBase } from './kind.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';

// The three ways to create memos (docs/zuora/api-digest.md §4.3, §4.4, §4.7, §6.3, §6.4, §6.6). Every create sends
// an Idempotency-Key chosen by the caller: a form keeps one key per attempt, the bulk upload derives
// its keys from the file so that running the same file again is replayed, not duplicated.

export interface CreatedMemo {
  id: string;
  number: string;
  status: string;
}

export interface CreateVariables {
  body: Record<string, unknown>;
  idempotencyKey: string;
}

const responseSchema = (kind: MemoKind) => (kind === 'CreditMemo' ? creditMemoResponseSchema : debitMemoResponseSchema);

export function createStandaloneMemo(kind: MemoKind, { body, idempotencyKey }: CreateVariables): Promise<CreatedMemo> {
  return zuoraRequest(memoApiBase(kind), { method: 'POST', body, idempotencyKey, schema: responseSchema(kind) });
}

export function createMemoFromInvoice(
  kind: MemoKind,
  invoiceId: string,
  { body, idempotencyKey }: CreateVariables,
): Promise<CreatedMemo> {
  return zuoraRequest(`${memoApiBase(kind)}/invoice/${encodeURIComponent(invoiceId)}`, {
    method: 'POST',
    body,
    idempotencyKey,
    schema: responseSchema(kind),
  });
}

export type BulkEntryResult =
  | { success: true; id: string; number: string; status: string }
  | { success: false; reasons: { code: number | string; message: string }[]; objectIndex?: number };

/**
 * One bulk request of ≤ 50 standalone memos; per-entry results in request order. `replayed` when the
 * server answered from its stored result for the Idempotency-Key (the sandbox's `Idempotent-Replayed`).
 */
export async function bulkCreateStandaloneMemos(
  kind: MemoKind,
  memos: Record<string, unknown>[],
  idempotencyKey: string,
): Promise<{ results: BulkEntryResult[]; replayed: boolean }> {
  const schema = kind === 'CreditMemo' ? bulkCreditMemoResponseSchema : bulkDebitMemoResponseSchema;
  let replayed = false;
  const r = await zuoraRequest(`${memoApiBase(kind)}/bulk`, {
    method: 'POST',
    body: { sourceType: 'Standalone', memos },
    idempotencyKey,
    schema,
    onHeaders: (h) => void (replayed = h.get('Idempotent-Replayed') === 'true'),
  });
  const results = r.memos.map((m): BulkEntryResult =>
    m.success
      ? { success: true, id: m.id, number: m.number, status: m.status }
      : { success: false, reasons: m.reasons, objectIndex: m.objectIndex },
  );
  return { results, replayed };
}

export function useCreateStandaloneMemo(kind: MemoKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateVariables) => createStandaloneMemo(kind, v),
    onSuccess: (memo) => invalidateMemoEffects(qc, { operation: 'create', kind, id: memo.id }),
  });
}

export function useCreateMemoFromInvoice(kind: MemoKind) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: CreateVariables & { invoiceId: string }) => createMemoFromInvoice(kind, v.invoiceId, v),
    onSuccess: (memo) => invalidateMemoEffects(qc, { operation: 'create', kind, id: memo.id }),
  });
}
