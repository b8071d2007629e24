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

/**
 * One plain sentence saying what the write-off books, as the preview's lines do: the items' part to
 * revenue (revenue impacting) or to the expense code, and the tax part back to each tax item's own
 * sales tax payable code, never to the expense.
 */
export function revenueImpactSentence(
  preview: WriteOffPreview,
  revenueImpacting: boolean,
  deferredCodes: readonly string[],
  expenseCode: string,
  taxCodes: readonly string[] = [],
): string {
  const tax = isPositive(preview.taxTotal)
    ? `, and ${formatMoney(preview.taxTotal, preview.currency)} of tax is reversed to ${
        taxCodes.length ? `its tax code${taxCodes.length > 1 ? 's' : ''} ${taxCodes.join(', ')}` : 'its tax code'
      }`
    : '';
  const items = formatMoney(preview.itemTotal, preview.currency);
  if (revenueImpacting) {
    const codes = deferredCodes.length ? deferredCodes.join(', ') : 'the items’ deferred revenue code';
    return `Revenue impacting: revenue booked to ${codes} goes down by ${items}${tax}.`;
  }
  return `Not revenue impacting: ${items} is booked as an expense to ${expenseCode || 'the chosen write-off accounting code'}${tax}; recognized revenue does not change.`;
}

/** The distinct sales tax payable codes of the taxation items that have an open balance. */
export function salesTaxCodes(items: readonly DebitMemoItem[] | undefined): string[] {
  const codes = new Set<string>();
  for (const item of items ?? [])
    for (const tax of item.taxationItems?.data ?? []) {
      const code = tax.financeInformation?.salesTaxPayableAccountingCode;
      if (code && isPositive(tax.balance)) codes.add(code);
    }
  return [...codes];
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
