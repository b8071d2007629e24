import { currencyDecimals, fitsCurrency, money } from '../../lib/money.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { amountLimitProblem } from '../../contract/amount-limit.ts';

// Small predicates shared by the standalone, from-invoice and CSV validators, so that one rule reads
// the same wherever a user meets it. Inputs are the strings a text field or a CSV cell holds.

const DECIMAL = /^-?\d+(\.\d+)?$/;

export const MEMO_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;
export const CUSTOM_FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]*__c$/;
export const MAX_COMMENT = 255;
export const MAX_ACCOUNTING_CODE = 100;
export const MAX_CHARGES = 1000;

export function isDecimal(value: string): boolean {
  return DECIMAL.test(value.trim());
}

/**
 * A message when `value` is not a usable amount in `currency`, else undefined. Zero is allowed, as
 * Zuora allows it (a zero item corrects only tax or personal data, docs/zuora/ui-inventory.md §3.1).
 */
export function amountProblem(value: string, currency: string): string | undefined {
  const v = value.trim();
  if (v === '') return 'Enter an amount.';
  if (!isDecimal(v)) return 'Enter a number such as 120.50.';
  const m = money(v);
  if (m.lt(0)) return 'The amount cannot be negative.';
  if (currency && !fitsCurrency(v, currency)) {
    const dp = currencyDecimals(currency);
    return dp === 0
      ? `${currency} amounts have no decimals.`
      : `${currency} amounts have at most ${dp} decimal${dp === 1 ? '' : 's'}.`;
  }
  return (currency && amountLimitProblem(m, currency)) || undefined;
}

/** Usage charges need a positive quantity; other charges may leave it empty. */
export function quantityProblem(value: string, required: boolean): string | undefined {
  const v = value.trim();
  if (v === '') return required ? 'Usage charges need a quantity.' : undefined;
  if (!isDecimal(v) || !money(v).gt(0)) return 'The quantity must be a positive number.';
  return undefined;
}

export function dateProblem(value: string, required: boolean): string | undefined {
  if (value === '') return required ? 'Enter a date.' : undefined;
  return isIsoDate(value) ? undefined : 'Enter a date as yyyy-mm-dd.';
}
