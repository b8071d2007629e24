import { useMemo } from 'react';
import type { DebitMemo, DebitMemoItem } from '../../../contract/memos.ts';
import { previewWriteOff, writeOffAmountProblem, type WriteOffPreview } from '../../../contract/write-off.ts';
import { formatMoney, isPositive } from '../../../lib/money.ts';

// The live preview of the credit memo a write-off creates: the contract's pure allocation over the
// debit memo's current items, recomputed as the user types (only for an amount the rule accepts).

export function useWriteOffPreview(
  memo: DebitMemo,
  items: readonly DebitMemoItem[] | undefined,
  amount: string,
): WriteOffPreview | null {
  return useMemo(() => {
    if (!items) return null;
    if (writeOffAmountProblem(amount.trim(), memo)) return null;
    return previewWriteOff(memo, items, amount.trim());
  }, [memo, items, amount]);
}

/** One plain sentence saying what the write-off does to revenue. */
export function revenueImpactSentence(
  preview: WriteOffPreview,
  revenueImpacting: boolean,
  deferredCodes: readonly string[],
  expenseCode: string,
): string {
  if (revenueImpacting) {
    const codes = deferredCodes.length ? deferredCodes.join(', ') : 'the items’ deferred revenue code';
    const tax = isPositive(preview.taxTotal)
      ? `, and ${formatMoney(preview.taxTotal, preview.currency)} of tax is reversed`
      : '';
    return `Revenue impacting: revenue booked to ${codes} goes down by ${formatMoney(preview.itemTotal, preview.currency)}${tax}.`;
  }
  return `Not revenue impacting: ${formatMoney(preview.amount, preview.currency)} is booked as an expense to ${expenseCode || 'the chosen write-off accounting code'}; recognized revenue does not change.`;
}

/** The distinct deferred revenue codes of the items that have an open balance. */
export function deferredRevenueCodes(items: readonly DebitMemoItem[] | undefined): string[] {
  const codes = new Set<string>();
  for (const item of items ?? []) {
    const code = item.financeInformation?.deferredRevenueAccountingCode;
    if (code && isPositive(item.balance)) codes.add(code);
  }
  return [...codes];
}
