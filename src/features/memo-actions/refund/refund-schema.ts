import { z } from 'zod';
import { REFUND_METHOD_TYPES } from '../../../contract/common.ts';
import type { CreditMemoRefundRequest } from '../../../contract/settlement-requests.ts';
import { isBefore, isIsoDate, today } from '../../../lib/dates.ts';
import { toFixed, toWire, type MoneyInput } from '../../../lib/money.ts';
import { COMMENT_MAX } from '../../../contract/comment.ts';
import { amountProblem } from '../../../contract/amount.ts';
import { formatDate } from '../../../lib/dates.ts';

// Refund a credit memo (docs/zuora/api-digest.md §6.13): External only in this dialog, a method type from Zuora's
// enum, an amount ≤ the unapplied amount, a refund date not before the memo date, comment ≤ 255.

export interface RefundFormValues {
  methodType: string;
  totalAmount: string;
  refundDate: string;
  reasonCode: string;
  comment: string;
}

export function refundFormSchema(cm: { currency: string; unappliedAmount: MoneyInput; creditMemoDate: string }) {
  return z
    .object({
      methodType: z.string(),
      totalAmount: z.string(),
      refundDate: z.string(),
      reasonCode: z.string(),
      comment: z.string().max(COMMENT_MAX, `The comment can be at most ${COMMENT_MAX} characters`),
    })
    .superRefine((v, ctx) => {
      if (!(REFUND_METHOD_TYPES as readonly string[]).includes(v.methodType))
        ctx.addIssue({ code: 'custom', path: ['methodType'], message: 'Choose the refund method' });
      const problem = amountProblem(v.totalAmount, cm.currency, {
        least: 'positive',
        max: { value: cm.unappliedAmount, what: 'the unapplied amount' },
      });
      if (problem) ctx.addIssue({ code: 'custom', path: ['totalAmount'], message: problem });
      if (!isIsoDate(v.refundDate))
        ctx.addIssue({ code: 'custom', path: ['refundDate'], message: 'Enter the refund date' });
      else if (isBefore(v.refundDate, cm.creditMemoDate))
        ctx.addIssue({
          code: 'custom',
          path: ['refundDate'],
          message: `The refund date cannot be before the credit memo date ${formatDate(cm.creditMemoDate)}`,
        });
    });
}

export const refundDefaults = (cm: { currency: string; unappliedAmount: MoneyInput }): RefundFormValues => ({
  methodType: 'Check',
  totalAmount: toFixed(cm.unappliedAmount, cm.currency),
  refundDate: today(),
  reasonCode: 'Standard Refund',
  comment: '',
});

export const toRefundRequest = (v: RefundFormValues): CreditMemoRefundRequest => ({
  type: 'External',
  methodType: v.methodType as CreditMemoRefundRequest['methodType'],
  totalAmount: toWire(v.totalAmount.trim()),
  refundDate: v.refundDate,
  reasonCode: v.reasonCode || undefined,
  comment: v.comment || undefined,
});
