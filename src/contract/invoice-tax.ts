import { money, roundTo, type Money, type MoneyInput } from '../lib/money.ts';

// How much of an invoice item's tax goes with an amount credited or debited from it: each tax line in
// proportion, tax × amount / base, in the currency's decimals. One rule for the sandbox (create from
// invoice, item update) and the from-invoice form (its tax lines and the tax inside a tax-included amount).

/** What an amount is a share of: the invoiced charge, plus its tax when the amount includes tax. */
export function taxBase(charge: MoneyInput, invoiceTax: MoneyInput, amountIncludesTax: boolean): Money {
  return amountIncludesTax ? money(charge).plus(money(invoiceTax)) : money(charge);
}

/** One invoice tax line's share of `amount`; nothing when the base is zero. */
export function taxShare(invoiceTax: MoneyInput, amount: MoneyInput, base: MoneyInput, currency: string): Money {
  return money(base).gt(0) ? roundTo(money(invoiceTax).times(money(amount)).div(money(base)), currency) : money(0);
}
