import { z } from 'zod';
import { COMMENT_MAX } from '../../../contract/comment.ts';
import { isBefore, isIsoDate, today } from '../../../lib/dates.ts';
import { toFixed, toWire } from '../../../lib/money.ts';
import {
  WRITE_OFF_DEFAULT_REASON_CODE,
  writeOffAmountProblem,
  writeOffDateProblem,
  writeOffItemsOf,
  type WriteOffMemoInput,
  type WriteOffPreview,
  type WriteOffRequest,
} from '../../../contract/write-off.ts';

// The dialog's form schema: the same rule the sandbox enforces (src/contract/write-off.ts), with the
// messages shown next to each field. Built per memo, because the limits are the memo's date and balance.

export interface WriteOffFormValues {
  memoDate: string;
  reasonCode: string;
  comment: string;
  revenueImpacting: boolean;
  accountingCode: string;
  amount: string;
}

export function writeOffFormSchema(memo: WriteOffMemoInput, allowedAccountingCodes?: readonly string[]) {
  return z
    .object({
      memoDate: z.string(),
      reasonCode: z.string(),
      comment: z.string().max(COMMENT_MAX, `The comment can be at most ${COMMENT_MAX} characters`),
      revenueImpacting: z.boolean(),
      accountingCode: z.string(),
      amount: z.string(),
    })
    .superRefine((v, ctx) => {
      if (!isIsoDate(v.memoDate))
        ctx.addIssue({ code: 'custom', path: ['memoDate'], message: 'Enter the write-off date' });
      else {
        const dateProblem = writeOffDateProblem(v.memoDate, memo);
        if (dateProblem) ctx.addIssue({ code: 'custom', path: ['memoDate'], message: dateProblem });
      }
      const amountProblem = writeOffAmountProblem(v.amount.trim(), memo);
      if (amountProblem) ctx.addIssue({ code: 'custom', path: ['amount'], message: amountProblem });
      if (!v.revenueImpacting) {
        if (!v.accountingCode)
          ctx.addIssue({ code: 'custom', path: ['accountingCode'], message: 'Choose the write-off accounting code' });
        else if (allowedAccountingCodes && !allowedAccountingCodes.includes(v.accountingCode))
          ctx.addIssue({
            code: 'custom',
            path: ['accountingCode'],
            message: 'Choose an active bad debt or other expense accounting code',
          });
      }
    });
}

export function writeOffDefaults(memo: WriteOffMemoInput): WriteOffFormValues {
  // Today, or the memo's own date when it is dated in the future (the earliest date allowed).
  const now = today();
  return {
    memoDate: memo.debitMemoDate && isBefore(now, memo.debitMemoDate) ? memo.debitMemoDate : now,
    reasonCode: WRITE_OFF_DEFAULT_REASON_CODE,
    comment: '',
    revenueImpacting: true,
    accountingCode: '',
    amount: toFixed(memo.balance, memo.currency),
  };
}

/** The PUT body: the amount and its allocation to every open item, as the preview showed it. */
export function toWriteOffRequest(values: WriteOffFormValues, preview: WriteOffPreview): WriteOffRequest {
  return {
    memoDate: values.memoDate,
    reasonCode: values.reasonCode || undefined,
    comment: values.comment || undefined,
    amount: toWire(values.amount.trim()),
    revenueImpacting: values.revenueImpacting ? 'Yes' : 'No',
    recognizedRevenueAccountingCode: values.revenueImpacting ? undefined : values.accountingCode,
    items: writeOffItemsOf(preview),
  };
}
