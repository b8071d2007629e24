import { z } from 'zod';
import type { CreditMemoItem, DebitMemoItem } from '../../contract/memos.ts';
import type { MemoUpdateItemRequest } from '../../contract/memo-requests.ts';
import { isBefore, isIsoDate } from '../../lib/dates.ts';
import { currencyDecimals, fitsCurrency, toWire } from '../../lib/money.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { amountLimitProblem } from '../../contract/amount-limit.ts';

// Edit one item of a Draft memo (docs/zuora/api-digest.md §4.5 / §6.5 `items[]`): amount ≥ 0 in the currency's
// decimals, description ≤ 255, service end not before start, accounting codes ≤ 100 characters.

const code = (label: string) => z.string().max(100, `${label} must be at most 100 characters`);

export function editItemFormSchema(currency: string) {
  const dp = currencyDecimals(currency);
  return z
    .object({
      amount: z
        .string()
        .trim()
        .min(1, 'Enter an amount')
        .refine((v) => /^\d+(\.\d+)?$/.test(v), 'Amount must be a number, 0 or more')
        .refine(
          (v) => !/^\d+(\.\d+)?$/.test(v) || fitsCurrency(v, currency),
          dp === 0 ? `${currency} amounts take no decimals` : `${currency} amounts take at most ${dp} decimals`,
        )
        .superRefine((v, ctx) => {
          const tooLarge = /^\d+(\.\d+)?$/.test(v) ? amountLimitProblem(v, currency) : null;
          if (tooLarge) ctx.addIssue({ code: 'custom', message: tooLarge });
        }),
      description: z.string().max(255, 'Description must be at most 255 characters'),
      serviceStartDate: z.string().refine((v) => v === '' || isIsoDate(v), 'Enter a valid date (yyyy-mm-dd)'),
      serviceEndDate: z.string().refine((v) => v === '' || isIsoDate(v), 'Enter a valid date (yyyy-mm-dd)'),
      deferredRevenueAccountingCode: code('Deferred revenue code'),
      recognizedRevenueAccountingCode: code('Recognized revenue code'),
      onAccountAccountingCode: code('On-account code'),
      revenueRecognitionRuleName: code('Revenue recognition rule'),
    })
    .superRefine((v, ctx) => {
      if (
        isIsoDate(v.serviceStartDate) &&
        isIsoDate(v.serviceEndDate) &&
        isBefore(v.serviceEndDate, v.serviceStartDate)
      ) {
        ctx.addIssue({
          code: 'custom',
          path: ['serviceEndDate'],
          message: 'Service end date cannot be before the start date',
        });
      }
    });
}
export type EditItemFormValues = z.infer<ReturnType<typeof editItemFormSchema>>;

export function editItemDefaults(item: CreditMemoItem | DebitMemoItem): EditItemFormValues {
  const f = item.financeInformation;
  // The edited amount is the item's amount without tax (only tax-exclusive items can be edited).
  return {
    amount: String(item.amountWithoutTax),
    description: item.description ?? '',
    serviceStartDate: item.serviceStartDate ?? '',
    serviceEndDate: item.serviceEndDate ?? '',
    deferredRevenueAccountingCode: f?.deferredRevenueAccountingCode ?? '',
    recognizedRevenueAccountingCode: f?.recognizedRevenueAccountingCode ?? '',
    onAccountAccountingCode: f?.onAccountAccountingCode ?? '',
    revenueRecognitionRuleName: f?.revenueRecognitionRuleName ?? '',
  };
}

/** The one `items[]` entry of the PUT body; empty optional fields are left out, not blanked. */
export function editItemRequest(kind: MemoOfKind['kind'], id: string, v: EditItemFormValues): MemoUpdateItemRequest {
  const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());
  const financeInformation = {
    deferredRevenueAccountingCode: opt(v.deferredRevenueAccountingCode),
    recognizedRevenueAccountingCode: opt(v.recognizedRevenueAccountingCode),
    revenueRecognitionRuleName: opt(v.revenueRecognitionRuleName),
    ...(kind === 'CreditMemo' ? { onAccountAccountingCode: opt(v.onAccountAccountingCode) } : {}),
  };
  const finance = Object.fromEntries(Object.entries(financeInformation).filter(([, x]) => x !== undefined));
  const item: MemoUpdateItemRequest = {
    id,
    amount: toWire(v.amount),
    description: v.description,
    ...(opt(v.serviceStartDate) ? { serviceStartDate: v.serviceStartDate } : {}),
    ...(opt(v.serviceEndDate) ? { serviceEndDate: v.serviceEndDate } : {}),
    ...(Object.keys(finance).length ? { financeInformation: finance } : {}),
  };
  return item;
}

/** Why an item cannot be edited even in a Draft memo, or null. */
export function itemEditRefusal(item: CreditMemoItem | DebitMemoItem): string | null {
  return item.taxMode === 'TaxInclusive' ? 'Only tax-exclusive items can be edited' : null;
}
