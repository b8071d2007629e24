import { z } from 'zod';
import { COMMENT_MAX } from '../../contract/comment.ts';
import { TRANSFERRED_TO_ACCOUNTING } from '../../contract/common.ts';
import type { UpdateCreditMemoRequest, UpdateDebitMemoRequest } from '../../contract/memo-requests.ts';
import { isBefore, isIsoDate } from '../../lib/dates.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';

// Edit basic information (docs/zuora/api-digest.md §4.5, §6.5): the form mirrors the update body's rules, comment
// ≤ 255, real yyyy-mm-dd dates, due date not before the memo date, and an enum for Transferred to Accounting.

const date = (label: string) => z.string().refine(isIsoDate, `${label} must be a valid date (yyyy-mm-dd)`);

export const editMemoFormSchema = z
  .object({
    effectiveDate: date('Memo date'),
    reasonCode: z.string().max(255, 'Reason code must be at most 255 characters'),
    comment: z.string().max(COMMENT_MAX, `Comments must be at most ${COMMENT_MAX} characters`),
    transferredToAccounting: z.enum(TRANSFERRED_TO_ACCOUNTING),
    // Debit memo only.
    dueDate: z.string().refine((v) => v === '' || isIsoDate(v), 'Due date must be a valid date (yyyy-mm-dd)'),
    autoPay: z.boolean(),
    // Credit memo only.
    autoApplyUponPosting: z.boolean(),
    excludeFromAutoApplyRules: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if (v.dueDate && isIsoDate(v.dueDate) && isIsoDate(v.effectiveDate) && isBefore(v.dueDate, v.effectiveDate)) {
      ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'Due date cannot be before the memo date' });
    }
  });
export type EditMemoFormValues = z.infer<typeof editMemoFormSchema>;

export function editMemoDefaults(m: MemoOfKind): EditMemoFormValues {
  const memo = m.memo;
  return {
    effectiveDate: m.kind === 'CreditMemo' ? m.memo.creditMemoDate : m.memo.debitMemoDate,
    reasonCode: memo.reasonCode ?? '',
    comment: memo.comment ?? '',
    transferredToAccounting: (TRANSFERRED_TO_ACCOUNTING as readonly string[]).includes(
      memo.transferredToAccounting ?? '',
    )
      ? (memo.transferredToAccounting as EditMemoFormValues['transferredToAccounting'])
      : 'No',
    dueDate: m.kind === 'DebitMemo' ? (m.memo.dueDate ?? '') : '',
    autoPay: m.kind === 'DebitMemo' ? Boolean(m.memo.autoPay) : false,
    autoApplyUponPosting: m.kind === 'CreditMemo' ? Boolean(m.memo.autoApplyUponPosting) : false,
    excludeFromAutoApplyRules: m.kind === 'CreditMemo' ? Boolean(m.memo.excludeFromAutoApplyRules) : false,
  };
}

/** A Posted memo takes only these (the sandbox refuses the rest until the memo is unposted). */
export const POSTED_EDITABLE = ['comment', 'transferredToAccounting'] as const;

/** The PUT body for the memo's kind and status; fields of the other kind are never sent (unknown there). */
export function editMemoRequest(
  m: MemoOfKind,
  v: EditMemoFormValues,
): UpdateCreditMemoRequest | UpdateDebitMemoRequest {
  const kind = m.kind;
  if (m.memo.status === 'Posted') return { comment: v.comment, transferredToAccounting: v.transferredToAccounting };
  const common = {
    effectiveDate: v.effectiveDate,
    comment: v.comment,
    transferredToAccounting: v.transferredToAccounting,
    ...(v.reasonCode ? { reasonCode: v.reasonCode } : {}),
  };
  if (kind === 'CreditMemo')
    return {
      ...common,
      autoApplyUponPosting: v.autoApplyUponPosting,
      excludeFromAutoApplyRules: v.excludeFromAutoApplyRules,
    };
  return { ...common, autoPay: v.autoPay, ...(v.dueDate ? { dueDate: v.dueDate } : {}) };
}
