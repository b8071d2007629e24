import Big from 'big.js';
import { numberFormat } from './intl-formatters.ts';
import { getDisplayLocale } from './locale.ts';

// big.js: a small, well-kept arbitrary-precision decimal; every money sum, comparison and rounding
// in the SPA and the server goes through this module, never through float arithmetic.

export type Money = Big;
export type MoneyInput = Big | number | string;

/** Decimal places per ISO 4217 currency (the ones the sandbox configures, plus common ones). */
const DECIMALS: Record<string, number> = {
  USD: 2,
  EUR: 2,
  GBP: 2,
  CAD: 2,
  AUD: 2,
  CHF: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  NZD: 2,
  SGD: 2,
  HKD: 2,
  INR: 2,
  MXN: 2,
  BRL: 2,
  CNY: 2,
  ZAR: 2,
  JPY: 0,
  KRW: 0,
  CLP: 0,
  ISK: 0,
  VND: 0,
  KWD: 3,
  BHD: 3,
  OMR: 3,
  JOD: 3,
  TND: 3,
};

export function currencyDecimals(currency: string): number {
  return DECIMALS[currency.toUpperCase()] ?? 2;
}

export function money(value: MoneyInput): Big {
  return value instanceof Big ? value : new Big(value);
}

export const ZERO = new Big(0);

export function sum(values: Iterable<MoneyInput>): Big {
  let total = new Big(0);
  for (const v of values) total = total.plus(money(v));
  return total;
}

/** Rounds half-up (away from zero for .5) to the currency's decimal places. */
export function roundTo(value: MoneyInput, currency: string): Big {
  return money(value).round(currencyDecimals(currency), Big.roundHalfUp);
}

/** Number of decimal places actually written in a value (1.50 -> 1 via number; "1.50" -> 2). */
export function decimalPlacesOf(value: MoneyInput): number {
  const s = typeof value === 'string' ? value.trim() : money(value).toString();
  const m = /^-?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/i.exec(s);
  if (!m) return Number.POSITIVE_INFINITY;
  const frac = m[1]?.replace(/0+$/, '').length ?? 0;
  const exp = m[2] ? Number(m[2]) : 0;
  return Math.max(0, frac - exp);
}

/** True when the value has no more decimals than the currency allows. */
export function fitsCurrency(value: MoneyInput, currency: string): boolean {
  return decimalPlacesOf(value) <= currencyDecimals(currency);
}

const PLAIN_DECIMAL = /^-?\d{1,15}(\.\d{1,6})?$/;

/** JSON number for the wire (Zuora sends money as numbers); exact for any value the currency allows. */
export function toWire(value: MoneyInput): number {
  // Fast path for plain decimal strings (every numeric column): Number() of the same digits is the
  // same double, without building a Big (list responses convert thousands of these).
  if (typeof value === 'string' && PLAIN_DECIMAL.test(value)) return Number(value) + 0; // + 0: no -0, like Big
  return Number(money(value).toString());
}

/** Fixed-point string with the currency's decimals, for storage and CSV. */
export function toFixed(value: MoneyInput, currency: string): string {
  return money(value).toFixed(currencyDecimals(currency), Big.roundHalfUp);
}

export function cmp(a: MoneyInput, b: MoneyInput): -1 | 0 | 1 {
  return money(a).cmp(money(b)) as -1 | 0 | 1;
}

export const isZero = (v: MoneyInput) => money(v).eq(0);
/** False for an amount a tenant left out (a tolerant read): nothing is known to be there. */
export const isPositive = (v: MoneyInput | null | undefined) => v !== null && v !== undefined && money(v).gt(0);
export const isNegative = (v: MoneyInput) => money(v).lt(0);
export const minMoney = (a: MoneyInput, b: MoneyInput) => (money(a).lte(money(b)) ? money(a) : money(b));

/**
 * Splits `total` across `weights` in proportion, in the currency's smallest unit, so that the parts
 * sum exactly to `total` (largest-remainder method; ties go to the earlier weight).
 */
export function allocate(total: MoneyInput, weights: MoneyInput[], currency: string): Big[] {
  const dp = currencyDecimals(currency);
  const unit = new Big(1).div(new Big(10).pow(dp));
  const t = money(total);
  const w = weights.map(money);
  const wSum = sum(w);
  if (w.length === 0) return [];
  if (wSum.eq(0)) return w.map((_, i) => (i === 0 ? t : new Big(0)));
  const raw = w.map((x) => t.times(x).div(wSum));
  const floored = raw.map((x) => x.round(dp, Big.roundDown));
  let remainder = t.minus(sum(floored));
  const order = raw.map((x, i) => ({ i, frac: x.minus(floored[i]) })).sort((a, b) => b.frac.cmp(a.frac) || a.i - b.i);
  const out = [...floored];
  for (const { i } of order) {
    if (remainder.lt(unit)) break;
    out[i] = out[i].plus(unit);
    remainder = remainder.minus(unit);
  }
  return out;
}

/** Display with Intl, in the currency's own decimals. */
export function formatMoney(value: MoneyInput | null | undefined, currency: string, locale?: string): string {
  if (value === null || value === undefined) return '';
  const dp = currencyDecimals(currency);
  // No currency known (a tenant row without one, whose account has none either): the number alone.
  if (!currency)
    return numberFormat(locale ?? getDisplayLocale(), { minimumFractionDigits: dp }).format(
      Number(money(value).toFixed(dp, Big.roundHalfUp)),
    );
  return numberFormat(locale ?? getDisplayLocale(), {
    style: 'currency',
    currency,
    minimumFractionDigits: dp,
    maximumFractionDigits: dp,
  }).format(Number(money(value).toFixed(dp, Big.roundHalfUp)));
}
