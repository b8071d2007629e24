import { z } from 'zod';
import { zMemoStatus } from './common.ts';

// Rows of Object Query's memo lists (`GET /object-query/credit-memos|debit-memos`,
// docs/zuora/tenant-read-contract.md A5). Object Query writes data-model names (`memoNumber`, `memoDate`,
// `totalAmount`, `invoiceId`), leaves null fields out by default and answers timestamps with an offset.
// Read tolerantly: only what the list cannot show a row without is required; everything else is optional
// and any extra field passes through.

const money = z.number();

/** `expand[]=account` with `account.fields[]=name,accountNumber`: only what the list asks for. */
export const oqExpandedAccountSchema = z
  .object({ id: z.string().optional(), name: z.string().optional(), accountNumber: z.string().optional() })
  .loose();

export const oqMemoSchema = z
  .object({
    id: z.string().min(1),
    memoNumber: z.string(),
    accountId: z.string().min(1),
    status: zMemoStatus,
    memoDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a yyyy-mm-dd date'),
    totalAmount: money,
    balance: money,
    currency: z.string().optional(),
    taxAmount: money.optional(),
    appliedAmount: money.optional(),
    refundAmount: money.optional(),
    dueDate: z.string().optional(),
    reasonCode: z.string().optional(),
    sourceType: z.string().optional(),
    invoiceId: z.string().optional(),
    postedOn: z.string().optional(),
    comments: z.string().optional(),
    account: oqExpandedAccountSchema.optional(),
  })
  .loose();
export type OqMemo = z.infer<typeof oqMemoSchema>;

/** A list page: `nextPage` is absent on the last page; no total (A5, A9). */
export const oqMemoPageSchema = z.object({ data: z.array(oqMemoSchema), nextPage: z.string().nullish() }).loose();

export const oqAccountSchema = z
  .object({
    id: z.string().min(1),
    name: z.string().optional(),
    accountNumber: z.string().optional(),
    currency: z.string().optional(),
  })
  .loose();
export const oqAccountPageSchema = z.object({ data: z.array(oqAccountSchema), nextPage: z.string().nullish() }).loose();
