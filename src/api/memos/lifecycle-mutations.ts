import { z } from 'zod';
import { newIdempotencyKey, zuoraRequest } from '../client.ts';
import { commonResponseSchema } from '../../contract/common.ts';
import { creditMemoResponseSchema, debitMemoResponseSchema } from '../../contract/memos.ts';
import type {
  EmailMemoRequest,
  UpdateCreditMemoRequest,
  UpdateDebitMemoRequest,
} from '../../contract/memo-requests.ts';
import { memoApiBase } from './kind.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';

// The lifecycle writes of one memo (docs/zuora/api-digest.md §4.5, §4.9–4.12, §4.19–4.22, §6.5–6.10, §6.20).
// Each resolves with Zuora's response or throws ZuoraApiError; callers invalidate through
// invalidateMemoEffects.

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
