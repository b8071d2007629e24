import { amountLimitProblem } from './amount-limit.ts';
import { cmp, currencyDecimals, fitsCurrency, formatMoney, money, type Money, type MoneyInput } from '../lib/money.ts';

// The rule for an amount a person types (a create form's charge or tax line, a CSV cell, a settlement
// dialog's amount): a plain decimal kept as text until the decimal module reads it, in no more decimals
// than the currency has, and within what the operation allows. One wording wherever a user meets it.

const DECIMAL = /^-?(\d+\.?\d*|\.\d+)$/;

/** The decimal a typed amount stands for, or null when it is not a plain decimal (no exponent, no separators). */
export function parseAmount(text: string): Money | null {
  const t = text.trim();
  return DECIMAL.test(t) ? money(t) : null;
}

export interface AmountRule {
  /**
   * 'zero' allows 0 (a memo item may be zero to correct only tax or personal data,
   * docs/zuora/ui-inventory.md §3.1); 'positive' needs more than 0 (apply, unapply, refund).
   */
  least: 'zero' | 'positive';
  /** The largest amount the operation takes, named in the message ("the balance of INV-1"). */
  max?: { value: MoneyInput; what: string };
}

/** Why a typed amount is refused, or undefined when it is fine. */
export function amountProblem(text: string, currency: string, rule: AmountRule): string | undefined {
  const value = parseAmount(text);
  if (value === null) return text.trim() ? 'Enter a number such as 120.50.' : 'Enter an amount.';
  if (rule.least === 'positive' && !value.gt(0)) return 'The amount must be greater than 0.';
  if (value.lt(0)) return 'The amount cannot be negative.';
  if (currency && !fitsCurrency(text.trim(), currency)) return decimalsProblem(currency);
  const tooLarge = currency ? amountLimitProblem(value, currency) : null;
  if (tooLarge) return tooLarge;
  if (rule.max && cmp(value, rule.max.value) > 0)
    return `The amount cannot exceed ${rule.max.what} ${formatMoney(rule.max.value, currency)}.`;
  return undefined;
}

/** The message for an amount with more decimals than its currency has. */
export function decimalsProblem(currency: string): string {
  const dp = currencyDecimals(currency);
  return dp === 0
    ? `${currency} amounts have no decimals.`
    : `${currency} amounts have at most ${dp} decimal${dp === 1 ? '' : 's'}.`;
}
