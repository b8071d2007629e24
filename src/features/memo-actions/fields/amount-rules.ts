import {
  cmp,
  currencyDecimals,
  fitsCurrency,
  formatMoney,
  isPositive,
  money,
  type Money,
  type MoneyInput,
} from '../../../lib/money.ts';

// The amount rules every settlement dialog shares (apply, unapply, refund): a decimal typed as text,
// > 0, no more decimals than the currency allows, and not above a limit the message names.

/** The decimal a typed amount stands for, or null when it is not a number. */
export function parseAmount(text: string): Money | null {
  const t = text.trim();
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(t)) return null;
  return money(t);
}

export function amountProblem(text: string, currency: string, limit: { max: MoneyInput; what: string }): string | null {
  const value = parseAmount(text);
  if (value === null) return text.trim() ? 'Enter a number' : 'Enter an amount';
  if (!isPositive(value)) return 'The amount must be greater than 0';
  if (!fitsCurrency(text.trim(), currency)) {
    const dp = currencyDecimals(currency);
    return dp === 0 ? `${currency} amounts take no decimals` : `${currency} amounts take at most ${dp} decimals`;
  }
  if (cmp(value, limit.max) > 0) return `The amount cannot exceed ${limit.what} ${formatMoney(limit.max, currency)}`;
  return null;
}
