import { z } from 'zod';
import { COMMENT_MAX } from './comment.ts';
import { zDate, zMoney } from './common.ts';
import {
  allocate,
  cmp,
  currencyDecimals,
  fitsCurrency,
  isPositive,
  money,
  sum,
  toFixed,
  toWire,
  type Money,
  type MoneyInput,
} from '../lib/money.ts';
import { isBefore } from '../lib/dates.ts';

// The debit memo write-off rule, decided once for the whole product and shared by the SPA
// (dialog validation and preview) and the sandbox (enforcement), so both refuse exactly the same input:
// - `amount` is the full open balance or a part of it: > 0, ≤ the open balance, no more decimals than
//   the currency allows; default = the full open balance;
// - it is spread over every open item AND taxation item in proportion to their open balances
//   (largest remainder in the currency's smallest unit, `allocate()`), in document order;
// - `items[]`, when sent, lists every open item and tax item and sums to `amount`;
// - `revenueImpacting` 'No' needs an active BadDebt / OtherExpenses `recognizedRevenueAccountingCode`;
// - `memoDate` ≥ the debit memo date; `comment` ≤ 255.

export const REVENUE_IMPACTING = ['Yes', 'No'] as const;
export const WRITE_OFF_ACCOUNTING_CODE_TYPES = ['BadDebt', 'OtherExpenses'] as const;
export const WRITE_OFF_DEFAULT_REASON_CODE = 'Write-off';

/** One line of `items[]`: a DM item (`debitMemoItemId`) or a DM taxation item (`taxItemId`). */
export const writeOffItemSchema = z
  .strictObject({
    debitMemoItemId: z.string().min(1).optional(),
    taxItemId: z.string().min(1).optional(),
    amount: zMoney,
  })
  .refine((i) => Boolean(i.debitMemoItemId) !== Boolean(i.taxItemId), {
    message: 'each item names exactly one of debitMemoItemId or taxItemId',
  });
export type WriteOffItemRequest = z.infer<typeof writeOffItemSchema>;

/** PUT /v1/debit-memos/{debitMemoKey}/write-off body. */
export const writeOffRequestSchema = z
  .object({
    memoDate: zDate.optional(),
    comment: z.string().max(COMMENT_MAX, `comment must be at most ${COMMENT_MAX} characters`).nullish(),
    reasonCode: z.string().max(100).nullish(),
    amount: zMoney.optional(),
    revenueImpacting: z.enum(REVENUE_IMPACTING).optional(),
    recognizedRevenueAccountingCode: z.string().max(100).nullish(),
    items: z.array(writeOffItemSchema).optional(),
  })
  .loose() // NetSuite and custom fields (`…__NS`, `…__c`) pass through
  .superRefine((body, ctx) => {
    if (body.revenueImpacting === 'No' && !body.recognizedRevenueAccountingCode) {
      ctx.addIssue({
        code: 'custom',
        path: ['recognizedRevenueAccountingCode'],
        message: 'recognizedRevenueAccountingCode is required when revenueImpacting is No',
      });
    }
  });
export type WriteOffRequest = z.infer<typeof writeOffRequestSchema>;

// ---------------------------------------------------------------- the pure computation

export interface WriteOffMemoInput {
  currency: string;
  balance: MoneyInput;
  debitMemoDate?: string;
}
export interface WriteOffTaxInput {
  id: string;
  balance: MoneyInput;
  name?: string | null;
}
export interface WriteOffItemInput {
  id: string;
  balance: MoneyInput;
  skuName?: string | null;
  /** Contract shape `{ data: [...] }` or a plain array (server rows). */
  taxationItems?: { data: readonly WriteOffTaxInput[] } | readonly WriteOffTaxInput[] | null;
  financeInformation?: { deferredRevenueAccountingCode?: string | null } | null;
}

export interface WriteOffPreviewTaxLine {
  taxItemId: string;
  name: string;
  balance: Money;
  amount: Money;
  balanceAfter: Money;
}
export interface WriteOffPreviewLine {
  debitMemoItemId: string;
  skuName: string;
  deferredRevenueAccountingCode: string | null;
  balance: Money;
  amount: Money;
  balanceAfter: Money;
  taxationItems: WriteOffPreviewTaxLine[];
}
export interface WriteOffPreview {
  currency: string;
  amount: Money;
  openBalance: Money;
  balanceAfter: Money;
  /** Sum over items (excluding tax) and over taxation items of the generated credit memo. */
  itemTotal: Money;
  taxTotal: Money;
  lines: WriteOffPreviewLine[];
}

const taxesOf = (item: WriteOffItemInput): readonly WriteOffTaxInput[] =>
  !item.taxationItems
    ? []
    : Array.isArray(item.taxationItems)
      ? item.taxationItems
      : (item.taxationItems as { data: readonly WriteOffTaxInput[] }).data;

/**
 * Spreads `amount` over the open items and taxation items of a debit memo in proportion to their open
 * balances. Items and tax items with no open balance get zero. The caller validates `amount` first
 * (`writeOffAmountProblem`); an amount above the open balance is still allocated, never silently capped.
 */
export function previewWriteOff(
  memo: WriteOffMemoInput,
  items: readonly WriteOffItemInput[],
  amount: MoneyInput,
): WriteOffPreview {
  const { currency } = memo;
  const flat: { balance: Money }[] = [];
  for (const item of items) {
    flat.push({ balance: positiveOrZero(item.balance) });
    for (const tax of taxesOf(item)) flat.push({ balance: positiveOrZero(tax.balance) });
  }
  const parts = allocate(
    amount,
    flat.map((f) => f.balance),
    currency,
  );
  let k = 0;
  const lines: WriteOffPreviewLine[] = items.map((item) => {
    const balance = money(item.balance);
    const lineAmount = parts[k++];
    return {
      debitMemoItemId: item.id,
      skuName: item.skuName ?? '',
      deferredRevenueAccountingCode: item.financeInformation?.deferredRevenueAccountingCode ?? null,
      balance,
      amount: lineAmount,
      balanceAfter: balance.minus(lineAmount),
      taxationItems: taxesOf(item).map((tax) => {
        const taxBalance = money(tax.balance);
        const taxAmount = parts[k++];
        return {
          taxItemId: tax.id,
          name: tax.name ?? '',
          balance: taxBalance,
          amount: taxAmount,
          balanceAfter: taxBalance.minus(taxAmount),
        };
      }),
    };
  });
  const itemTotal = sum(lines.map((l) => l.amount));
  const taxTotal = sum(lines.flatMap((l) => l.taxationItems.map((t) => t.amount)));
  const openBalance = money(memo.balance);
  const total = itemTotal.plus(taxTotal);
  return { currency, amount: total, openBalance, balanceAfter: openBalance.minus(total), itemTotal, taxTotal, lines };
}

/** The `items[]` the SPA sends: every open item and tax item with its allocated amount. */
export function writeOffItemsOf(preview: WriteOffPreview): WriteOffItemRequest[] {
  const out: WriteOffItemRequest[] = [];
  for (const line of preview.lines) {
    if (isPositive(line.balance)) out.push({ debitMemoItemId: line.debitMemoItemId, amount: toWire(line.amount) });
    for (const tax of line.taxationItems)
      if (isPositive(tax.balance)) out.push({ taxItemId: tax.taxItemId, amount: toWire(tax.amount) });
  }
  return out;
}

/** Why an amount is refused, or null. Messages are the ones the dialog and the sandbox show. */
export function writeOffAmountProblem(amount: MoneyInput | null | undefined, memo: WriteOffMemoInput): string | null {
  if (amount === null || amount === undefined || amount === '') return 'Enter the write-off amount';
  let value: Money;
  try {
    value = money(typeof amount === 'string' ? amount.trim() : amount);
  } catch {
    return 'Enter the write-off amount as a number';
  }
  if (!isPositive(value)) return 'The write-off amount must be greater than 0';
  if (!fitsCurrency(amount, memo.currency)) {
    const dp = currencyDecimals(memo.currency);
    return dp === 0
      ? `${memo.currency} amounts take no decimals`
      : `${memo.currency} amounts take at most ${dp} decimals`;
  }
  if (cmp(value, memo.balance) > 0)
    return `The write-off amount cannot exceed the open balance ${toFixed(memo.balance, memo.currency)} ${memo.currency}`;
  return null;
}

/** Why a write-off date is refused, or null. */
export function writeOffDateProblem(memoDate: string, memo: WriteOffMemoInput): string | null {
  if (memo.debitMemoDate && isBefore(memoDate, memo.debitMemoDate)) {
    return `The write-off date cannot be before the debit memo date ${memo.debitMemoDate}`;
  }
  return null;
}

/**
 * Checks `items[]` against the debit memo: every open item and tax item listed once, nothing else,
 * each amount fits the currency, 0 ≤ amount ≤ that line's balance, and the sum equals `amount`.
 */
export function writeOffItemsProblem(
  requested: readonly WriteOffItemRequest[],
  items: readonly WriteOffItemInput[],
  amount: MoneyInput,
  currency: string,
): string | null {
  const open = new Map<string, Money>();
  for (const item of items) {
    if (isPositive(item.balance)) open.set(`item:${item.id}`, money(item.balance));
    for (const tax of taxesOf(item)) if (isPositive(tax.balance)) open.set(`tax:${tax.id}`, money(tax.balance));
  }
  const seen = new Set<string>();
  for (const line of requested) {
    const key = line.debitMemoItemId ? `item:${line.debitMemoItemId}` : `tax:${line.taxItemId ?? ''}`;
    const balance = open.get(key);
    if (!balance)
      return `items[] names ${line.debitMemoItemId ?? line.taxItemId}, which is not an open item of this debit memo`;
    if (seen.has(key)) return `items[] lists ${line.debitMemoItemId ?? line.taxItemId} twice`;
    seen.add(key);
    if (!fitsCurrency(line.amount, currency))
      return `items[] amount ${line.amount} has more decimals than ${currency} allows`;
    if (money(line.amount).lt(0) || cmp(line.amount, balance) > 0)
      return `items[] amount ${line.amount} is outside 0..${balance.toString()} for ${line.debitMemoItemId ?? line.taxItemId}`;
  }
  if (seen.size !== open.size) return 'items[] must list every open item and taxation item of the debit memo';
  if (!sum(requested.map((l) => l.amount)).eq(money(amount)))
    return 'The total amount must equal the sum of the item amounts';
  return null;
}

function positiveOrZero(v: MoneyInput): Money {
  const m = money(v);
  return m.gt(0) ? m : money(0);
}

/**
 * A credit memo generated by writing off a debit memo settles that debit memo for good: unapplying it would
 * reopen the written-off receivable, and refunding or reversing it would pay out or re-bill bad debt
 * (docs/zuora/ui-inventory.md §4.5). Unapply, refund, reverse and write-off refuse it. The reason's tail,
 * shared by the sandbox's refusal and the action menu's disabled actions.
 */
export function writeOffCreditLockReason(debitMemoNumber: string | null | undefined): string {
  return `it was created by writing off ${debitMemoNumber ?? 'a debit memo'} and stays applied to it`;
}
