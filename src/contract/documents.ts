import { z } from 'zod';
import { zDateTime } from './common.ts';

// Wire contract of a memo's documents: PDF status, file upload, history (docs/zuora/api-digest.md §4.19–4.22,
// §6.20) and the sandbox's history/outbox extensions.

// The email request body is `emailMemoSchema` in memo-requests.ts.

export const uploadFileResponseSchema = z.object({ fileId: z.string(), success: z.literal(true) });

export const PDF_GENERATION_STATUSES = [
  'None',
  'Pending',
  'Processing',
  'Generated',
  'Error',
  'Obsolete',
  'Archived',
] as const;

const pdfStatusCommon = {
  pdfGenerationStatus: z.enum(PDF_GENERATION_STATUSES),
  createdOn: z.string(),
  updatedOn: z.string(),
};
export const debitMemoPdfStatusSchema = z
  .object({ debitMemoId: z.string(), debitMemoNumber: z.string(), ...pdfStatusCommon })
  .loose();
export const creditMemoPdfStatusSchema = z
  .object({ creditMemoId: z.string(), creditMemoNumber: z.string(), ...pdfStatusCommon })
  .loose();
export const debitMemoPdfStatusResponseSchema = z.object({
  debitMemoFiles: z.array(debitMemoPdfStatusSchema),
  success: z.literal(true),
});
export const creditMemoPdfStatusResponseSchema = z.object({
  creditMemoFiles: z.array(creditMemoPdfStatusSchema),
  success: z.literal(true),
});

/** One entry of a memo's timeline (sandbox extension `GET …/{key}/history`), oldest first. */
export const memoHistoryEventSchema = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    event: z.string(),
    at: zDateTime,
    userId: z.string().nullish(),
    userName: z.string().nullish(),
    detail: z.record(z.string(), z.unknown()).nullish(),
  })
  .loose();
export type MemoHistoryEvent = z.infer<typeof memoHistoryEventSchema>;
export const memoHistoryResponseSchema = z
  .object({ events: z.array(memoHistoryEventSchema), success: z.literal(true) })
  .loose();

/** Sandbox-only `GET /sandbox/outbox`: the emails the sandbox recorded instead of sending. */
export const outboxEmailSchema = z.object({
  id: z.string(),
  memoId: z.string(),
  memoNumber: z.string(),
  memoType: z.enum(['CreditMemo', 'DebitMemo']),
  to: z.array(z.string()),
  subject: z.string(),
  body: z.string(),
  pdfFileId: z.string().nullable(),
  status: z.string(),
  createdDate: zDateTime,
  createdById: z.string().nullable(),
});
export type OutboxEmail = z.infer<typeof outboxEmailSchema>;
export const outboxResponseSchema = z.object({ emails: z.array(outboxEmailSchema), success: z.literal(true) });
