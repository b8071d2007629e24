import type { Big } from 'big.js';
import { taxShare } from '../../contract/invoice-tax.ts';
import { ZERO, money, sum, toFixed } from '../../lib/money.ts';
import { isDecimal } from './field-rules.ts';
import type { ChargeLine } from './standalone-schema.ts';
import type { InvoiceItemLine } from './from-invoice-schema.ts';
import { includedTax } from './line-tax.ts';

// Running totals shown under the charge and item tables. Decimal arithmetic only; a field that does
// not (yet) hold a number counts as zero so the total moves while the user types.

const amountOf = (value: string): Big => (isDecimal(value) ? money(value.trim()) : ZERO);

export interface StandaloneTotals {
  count: number;
  total: Big;
}

export function standaloneTotals(charges: Pick<ChargeLine, 'amount'>[]): StandaloneTotals {
  return { count: charges.length, total: sum(charges.map((c) => amountOf(c.amount))) };
}

export interface FromInvoiceTotals {
  selected: number;
  /** The selected amounts before tax (a tax-included amount without the tax inside it). */
  items: Big;
  /** Typed tax of tax-exclusive items, plus the tax inside tax-included amounts (as the sandbox books it). */
  tax: Big;
  total: Big;
}

export function fromInvoiceTotals(
  lines: Pick<InvoiceItemLine, 'selected' | 'amount' | 'taxMode' | 'taxItems' | 'chargeAmount'>[],
  currency: string,
): FromInvoiceTotals {
  const chosen = lines.filter((l) => l.selected);
  let items = ZERO;
  let tax = ZERO;
  for (const line of chosen) {
    const amount = amountOf(line.amount);
    const lineTax =
      line.taxMode === 'TaxInclusive'
        ? includedTax(line, amount.toString(), currency)
        : sum(line.taxItems.map((t) => amountOf(t.amount)));
    items = items.plus(line.taxMode === 'TaxInclusive' ? amount.minus(lineTax) : amount);
    tax = tax.plus(lineTax);
  }
  return { selected: chosen.length, items, tax, total: items.plus(tax) };
}

/**
 * Tax that goes with a reduced item amount: each tax line scaled by amount / original, in the
 * currency's decimals (src/contract/invoice-tax.ts). Keeps the tax lines in step when the user lowers
 * an item's amount.
 */
export function scaleTax(taxAmount: string, itemAmount: string, originalItemAmount: string, currency: string): string {
  const original = amountOf(originalItemAmount);
  if (original.eq(0) || !isDecimal(itemAmount)) return taxAmount;
  return toFixed(taxShare(taxAmount, itemAmount, original, currency), currency);
}
