import { z } from 'zod';
import { COMMENT_MAX } from '../../../contract/comment.ts';
import type { CreditMemoReverseRequest, CreditMemoWriteOffRequest } from '../../../contract/settlement-requests.ts';
import { formatDate, isBefore, isIsoDate, today } from '../../../lib/dates.ts';

// Write off a credit memo (docs/zuora/api-digest.md §6.15) and reverse one (§6.14): both create a debit memo dated
// `memoDate` ≥ the credit memo date; reverse also applies it on `applyEffectiveDate` ≥ the memo date.

const comment = z.string().max(COMMENT_MAX, `The comment can be at most ${COMMENT_MAX} characters`);

function dateRule(ctx: z.RefinementCtx, path: string, value: string, earliest: string, what: string) {
  if (!isIsoDate(value)) ctx.addIssue({ code: 'custom', path: [path], message: 'Enter a date' });
  else if (isBefore(value, earliest))
    ctx.addIssue({
      code: 'custom',
      path: [path],
      message: `The date cannot be before ${what} ${formatDate(earliest)}`,
    });
}

export interface WriteOffCreditFormValues {
  memoDate: string;
  reasonCode: string;
  comment: string;
}
export const writeOffCreditFormSchema = (creditMemoDate: string) =>
  z
    .object({ memoDate: z.string(), reasonCode: z.string(), comment })
    .superRefine((v, ctx) => dateRule(ctx, 'memoDate', v.memoDate, creditMemoDate, 'the credit memo date'));
export const writeOffCreditDefaults = (): WriteOffCreditFormValues => ({
  memoDate: today(),
  reasonCode: 'Write-off',
  comment: '',
});
export const toWriteOffCreditRequest = (v: WriteOffCreditFormValues): CreditMemoWriteOffRequest => ({
  memoDate: v.memoDate,
  reasonCode: v.reasonCode || undefined,
  comment: v.comment || undefined,
});

export interface ReverseFormValues extends WriteOffCreditFormValues {
  applyEffectiveDate: string;
}
export const reverseFormSchema = (creditMemoDate: string) =>
  z
    .object({ memoDate: z.string(), applyEffectiveDate: z.string(), reasonCode: z.string(), comment })
    .superRefine((v, ctx) => {
      dateRule(ctx, 'memoDate', v.memoDate, creditMemoDate, 'the credit memo date');
      if (isIsoDate(v.memoDate)) dateRule(ctx, 'applyEffectiveDate', v.applyEffectiveDate, v.memoDate, 'the memo date');
    });
export const reverseDefaults = (): ReverseFormValues => ({
  memoDate: today(),
  applyEffectiveDate: today(),
  reasonCode: 'Credit memo reversal',
  comment: '',
});
export const toReverseRequest = (v: ReverseFormValues): CreditMemoReverseRequest => ({
  ...toWriteOffCreditRequest(v),
  applyEffectiveDate: v.applyEffectiveDate,
});
