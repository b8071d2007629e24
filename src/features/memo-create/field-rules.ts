import { parseAmount } from '../../contract/amount.ts';
import { money } from '../../lib/money.ts';
import { isIsoDate } from '../../lib/dates.ts';

// Small predicates shared by the standalone, from-invoice and CSV validators, so that one rule reads
// the same wherever a user meets it. Inputs are the strings a text field or a CSV cell holds. The amount,
// comment and custom-field rules are the server's too: they live in src/contract (amount.ts, comment.ts,
// memo-requests.ts).

export const MEMO_NUMBER = /^[A-Za-z0-9_-]{1,32}$/;
export const MAX_ACCOUNTING_CODE = 100;
export const MAX_CHARGES = 1000;

export function isDecimal(value: string): boolean {
  return parseAmount(value) !== null;
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
