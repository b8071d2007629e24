import { z } from 'zod';
import { isIsoDate } from '../../../lib/dates.ts';
import { cmp, formatMoney, money, sum, toWire, type MoneyInput } from '../../../lib/money.ts';
import type { CreditMemoApplyRequest } from '../../../contract/settlement-requests.ts';
import type { SettlementTarget, SettlementTargetLine } from '../../../api/billing-documents.ts';
import { amountProblem, parseAmount } from '../../../contract/amount.ts';

// Apply a credit memo (docs/zuora/api-digest.md §6.11, docs/zuora/ui-inventory.md §3.5): an amount per document (blank = not applied),
// optionally split per item and tax item; each ≤ that document's or line's balance, the running total
// ≤ the credit memo's unapplied amount. Messages name the limit that was crossed.

export interface ApplyLineValue extends SettlementTargetLine {
  amount: string;
}
export interface ApplyTargetValue extends Omit<SettlementTarget, 'amount'> {
  /** The amount to apply, as typed ('' = this document is not applied). */
  amount: string;
  lines: ApplyLineValue[];
}
export interface ApplyFormValues {
  effectiveDate: string;
  targets: ApplyTargetValue[];
}

export const applyTotal = (targets: readonly { amount: string }[]) =>
  sum(targets.map((t) => parseAmount(t.amount) ?? 0));

export function applyFormSchema(currency: string, unapplied: MoneyInput) {
  const line = z.object({
    kind: z.enum(['item', 'tax']),
    id: z.string(),
    name: z.string(),
    balance: z.number(),
    amount: z.string(),
  });
  const target = z.object({
    type: z.enum(['Invoice', 'DebitMemo']),
    id: z.string(),
    number: z.string(),
    date: z.string(),
    amount: z.string(),
    balance: z.number(),
    lines: z.array(line),
  });
  return z.object({ effectiveDate: z.string(), targets: z.array(target) }).superRefine((v, ctx) => {
    if (!isIsoDate(v.effectiveDate))
      ctx.addIssue({ code: 'custom', path: ['effectiveDate'], message: 'Enter the effective date' });
    v.targets.forEach((t, i) => {
      const usedLines = t.lines.filter((l) => l.amount.trim() !== '');
      if (t.amount.trim() !== '') {
        const problem = amountProblem(t.amount, currency, {
          least: 'positive',
          max: { value: t.balance, what: `the balance of ${t.number}` },
        });
        if (problem) ctx.addIssue({ code: 'custom', path: ['targets', i, 'amount'], message: problem });
      }
      t.lines.forEach((l, j) => {
        if (l.amount.trim() === '') return;
        const problem = amountProblem(l.amount, currency, {
          least: 'positive',
          max: { value: l.balance, what: 'the item balance' },
        });
        if (problem) ctx.addIssue({ code: 'custom', path: ['targets', i, 'lines', j, 'amount'], message: problem });
      });
      if (usedLines.length) {
        const lineSum = sum(usedLines.map((l) => parseAmount(l.amount) ?? 0));
        if (cmp(lineSum, parseAmount(t.amount) ?? 0) !== 0)
          ctx.addIssue({
            code: 'custom',
            path: ['targets', i, 'amount'],
            message: `Must equal the sum of the item amounts, ${formatMoney(lineSum, currency)}`,
          });
      }
    });
    const totalProblem = applyTotalProblem(applyTotal(v.targets), unapplied, currency);
    if (totalProblem) ctx.addIssue({ code: 'custom', path: ['total'], message: totalProblem });
  });
}

/** The running-total rule, also shown live under the table (RHF reports only the edited field's errors). */
export function applyTotalProblem(total: MoneyInput, unapplied: MoneyInput, currency: string): string | null {
  if (!money(total).gt(0)) return 'Enter an amount for at least one document';
  if (cmp(total, unapplied) > 0)
    return `The total ${formatMoney(total, currency)} exceeds the unapplied amount ${formatMoney(unapplied, currency)}`;
  return null;
}

export function toApplyRequest(values: ApplyFormValues): CreditMemoApplyRequest {
  const used = values.targets.filter((t) => t.amount.trim() !== '');
  const itemsOf = (t: ApplyTargetValue, itemKey: 'invoiceItemId' | 'debitMemoItemId') => {
    const lines = t.lines.filter((l) => l.amount.trim() !== '');
    return lines.length
      ? lines.map((l) => ({
          amount: toWire(l.amount.trim()),
          ...(l.kind === 'item' ? { [itemKey]: l.id } : { taxItemId: l.id }),
        }))
      : undefined;
  };
  const invoices = used
    .filter((t) => t.type === 'Invoice')
    .map((t) => ({ invoiceId: t.id, amount: toWire(t.amount.trim()), items: itemsOf(t, 'invoiceItemId') }));
  const debitMemos = used
    .filter((t) => t.type === 'DebitMemo')
    .map((t) => ({ debitMemoId: t.id, amount: toWire(t.amount.trim()), items: itemsOf(t, 'debitMemoItemId') }));
  return {
    effectiveDate: values.effectiveDate,
    ...(invoices.length ? { invoices } : {}),
    ...(debitMemos.length ? { debitMemos } : {}),
  };
}
