import { z } from 'zod';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { newIdempotencyKey, zuoraRequest } from '../client.ts';
import { commonResponseSchema } from '../../contract/common.ts';
import { creditMemoResponseSchema, debitMemoResponseSchema } from '../../contract/memos.ts';
import type {
  EmailMemoRequest,
  UpdateCreditMemoRequest,
  UpdateDebitMemoRequest,
} from '../../contract/memo-requests.ts';
import { invalidateMemoEffects, type MemoOperation } from './invalidate.ts';
import { memoApiBase } from './kind.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// The lifecycle writes of one memo (docs/zuora/api-digest.md §4.5, §4.9–4.12, §4.19–4.22, §6.5–6.10, §6.20).
// Each resolves with Zuora's response or throws ZuoraApiError. A screen uses the hooks at the end of this file,
// which invalidate what invalidate.ts says the operation changes before mutateAsync resolves; the plain calls
// are for the bulk actions, which send them through useMemoBatch (batch-mutations.ts): one invalidation for many.

const memoPath = (kind: MemoKind, id: string, suffix = '') => `${memoApiBase(kind)}/${encodeURIComponent(id)}${suffix}`;
const memoSchema = (kind: MemoKind) => (kind === 'CreditMemo' ? creditMemoResponseSchema : debitMemoResponseSchema);

export const postMemo = (kind: MemoKind, id: string) =>
  zuoraRequest(memoPath(kind, id, '/post'), { method: 'PUT', schema: memoSchema(kind) });
export const unpostMemo = (kind: MemoKind, id: string) =>
  zuoraRequest(memoPath(kind, id, '/unpost'), { method: 'PUT', schema: memoSchema(kind) });
export const cancelMemo = (kind: MemoKind, id: string) =>
  zuoraRequest(memoPath(kind, id, '/cancel'), { method: 'PUT', schema: memoSchema(kind) });
export const deleteMemo = (kind: MemoKind, id: string) =>
  zuoraRequest(memoPath(kind, id), { method: 'DELETE', schema: commonResponseSchema });

export function updateMemo(kind: MemoKind, id: string, body: UpdateCreditMemoRequest | UpdateDebitMemoRequest) {
  return zuoraRequest(memoPath(kind, id), { method: 'PUT', body, schema: memoSchema(kind) });
}

export const emailMemo = (kind: MemoKind, id: string, body: EmailMemoRequest) =>
  zuoraRequest(memoPath(kind, id, '/emails'), {
    method: 'POST',
    body,
    schema: commonResponseSchema,
    idempotencyKey: newIdempotencyKey(),
  });

export const regenerateMemoPdf = (kind: MemoKind, id: string) =>
  zuoraRequest(memoPath(kind, id, '/pdfs'), {
    method: 'POST',
    schema: commonResponseSchema,
    idempotencyKey: newIdempotencyKey(),
  });

export const uploadResponseSchema = z.object({ fileId: z.string(), success: z.literal(true) }).loose();

/** Uploads an externally generated PDF (multipart part `file`; debit memos, Draft or Posted). */
export function uploadMemoFile(kind: MemoKind, id: string, file: File) {
  const form = new FormData();
  form.append('file', file, file.name);
  return zuoraRequest(memoPath(kind, id, '/files'), {
    method: 'POST',
    body: form,
    schema: uploadResponseSchema,
    idempotencyKey: newIdempotencyKey(),
  });
}

/** One memo's write as a mutation that, on success, invalidates what the operation changes (invalidate.ts). */
function useMemoWrite<V, R>(kind: MemoKind, id: string, operation: MemoOperation, write: (vars: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: write,
    onSuccess: () => invalidateMemoEffects(qc, { operation, kind, id }),
  });
}

export const usePostMemo = (kind: MemoKind, id: string) => useMemoWrite(kind, id, 'post', () => postMemo(kind, id));
export const useUnpostMemo = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'unpost', () => unpostMemo(kind, id));
export const useCancelMemo = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'cancel', () => cancelMemo(kind, id));
export const useEditMemo = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'edit', (body: UpdateCreditMemoRequest | UpdateDebitMemoRequest) =>
    updateMemo(kind, id, body),
  );
/** Edits items through the memo's PUT; its own operation because it also changes the items. */
export const useEditMemoItems = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'editItem', (body: UpdateCreditMemoRequest | UpdateDebitMemoRequest) =>
    updateMemo(kind, id, body),
  );
export const useEmailMemo = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'email', (body: EmailMemoRequest) => emailMemo(kind, id, body));
export const useRegenerateMemoPdf = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'regeneratePdf', () => regenerateMemoPdf(kind, id));
export const useUploadMemoFile = (kind: MemoKind, id: string) =>
  useMemoWrite(kind, id, 'uploadFile', (file: File) => uploadMemoFile(kind, id, file));

/**
 * Delete. `leave` runs between the DELETE and the invalidation: the page showing the memo must be gone before its
 * queries are dropped, or it would refetch a memo that no longer exists.
 */
export function useDeleteMemo(kind: MemoKind, id: string, leave: () => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => deleteMemo(kind, id),
    onSuccess: () => {
      leave();
      return invalidateMemoEffects(qc, { operation: 'delete', kind, id });
    },
  });
}
