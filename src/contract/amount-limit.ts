import Big from 'big.js';
import { currencyDecimals, formatMoney, money, type Money, type MoneyInput } from '../lib/money.ts';

// The largest amount the product accepts, one rule for the forms, the bulk CSV preview and the sandbox.
// Zuora's wire carries money as JSON numbers (IEEE-754 doubles, docs/zuora/api-digest.md "Wire conventions"),
// and a double keeps every decimal of at most 15 significant digits exactly (DBL_DIG). So an amount may
// have at most 15 digits once written in its currency's decimals: USD 9,999,999,999,999.99,
// JPY 999,999,999,999,999, KWD 999,999,999,999.999. Anything longer (999999999999999.99 arrives as
// 1000000000000000) is refused with this message, never rounded. A memo's total (items plus tax) obeys
// the same limit, since it travels the same way.

export const AMOUNT_SIGNIFICANT_DIGITS = 15;

/** The largest amount in `currency`: 15 nines, the last `decimals` of them after the point. */
export function largestAmount(currency: string): Money {
  const dp = currencyDecimals(currency);
  return new Big(10).pow(AMOUNT_SIGNIFICANT_DIGITS - dp).minus(new Big(1).div(new Big(10).pow(dp)));
}

/** The message when an amount (or a total) is beyond the largest amount, else null. */
export function amountLimitProblem(value: MoneyInput, currency: string, what = 'The amount'): string | null {
  if (money(value).abs().lte(largestAmount(currency))) return null;
  return `${what} is above the largest amount accepted, ${formatMoney(largestAmount(currency), currency, 'en-US')}.`;
}
