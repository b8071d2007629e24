import { z } from 'zod';
import { isIsoDate } from '../../../lib/dates.ts';
import { sum, toWire } from '../../../lib/money.ts';
import type { CreditMemoUnapplyRequest } from '../../../contract/settlement-requests.ts';
import { amountProblem, parseAmount } from '../../../contract/amount.ts';

// Unapply a credit memo (docs/zuora/api-digest.md §6.12, docs/zuora/ui-inventory.md §3.6): per applied document an amount ≤ what is
// applied to it (blank = leave it), or "Unapply from all" for everything.

export interface UnapplyPartValue {
  type: 'Invoice' | 'DebitMemo';
  id: string;
  applied: number;
  amount: string;
}
export interface UnapplyFormValues {
  effectiveDate: string;
  unapplyAll: boolean;
  parts: UnapplyPartValue[];
}

export function unapplyFormSchema(currency: string) {
  const part = z.object({
    type: z.enum(['Invoice', 'DebitMemo']),
    id: z.string(),
    applied: z.number(),
    amount: z.string(),
  });
  return z
    .object({ effectiveDate: z.string(), unapplyAll: z.boolean(), parts: z.array(part) })
    .superRefine((v, ctx) => {
      if (!isIsoDate(v.effectiveDate))
        ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'Enter the effective date' });
      if (v.unapplyAll) return;
      v.parts.forEach((p, i) => {
        if (p.amount.trim() === '') return;
        const problem = amountProblem(p.amount, currency, {
          least: 'positive',
          max: { value: p.applied, what: 'the applied amount' },
        });
        if (problem) ctx.addIssue({ code: 'custom', path: ['parts', i, 'amount'], message: problem });
      });
      if (!sum(v.parts.map((p) => parseAmount(p.amount) ?? 0)).gt(0))
        ctx.addIssue({
          code: 'custom',
          path: ['total'],
          message: 'Enter an amount for at least one document, or unapply from all',
        });
    });
}

export function toUnapplyRequest(values: UnapplyFormValues): CreditMemoUnapplyRequest {
  const used = values.parts
    .map((p) => ({ ...p, value: values.unapplyAll ? String(p.applied) : p.amount.trim() }))
    .filter((p) => p.value !== '');
  const invoices = used.filter((p) => p.type === 'Invoice').map((p) => ({ invoiceId: p.id, amount: toWire(p.value) }));
  const debitMemos = used
    .filter((p) => p.type === 'DebitMemo')
    .map((p) => ({ debitMemoId: p.id, amount: toWire(p.value) }));
  return {
    effectiveDate: values.effectiveDate,
    ...(invoices.length ? { invoices } : {}),
    ...(debitMemos.length ? { debitMemos } : {}),
  };
}
