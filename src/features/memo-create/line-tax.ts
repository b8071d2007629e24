import { taxBase, taxShare } from '../../contract/invoice-tax.ts';
import { money, sum, type Money } from '../../lib/money.ts';

// The tax inside an invoice-item line of the from-invoice form. Typed by the fields it reads, not by the form schema,
// so the schema can use it to check a line without the two modules importing each other.

/** The fields of a from-invoice line (from-invoice-schema.ts) that its tax depends on. */
export interface TaxedLine {
  chargeAmount: string;
  taxItems: readonly { originalAmount: string }[];
  taxMode: 'TaxExclusive' | 'TaxInclusive';
  amount: string;
}

/** The tax inside a tax-included amount, as the sandbox books it (src/contract/invoice-tax.ts). */
export function includedTax(
  line: Pick<TaxedLine, 'chargeAmount' | 'taxItems'>,
  amount: string,
  currency: string,
): Money {
  const invoiceTax = line.taxItems.map((t) => t.originalAmount || 0);
  const base = taxBase(line.chargeAmount || 0, sum(invoiceTax), true);
  return sum(invoiceTax.map((tax) => taxShare(tax, amount, base, currency)));
}

/** The part of a line's amount that is not tax: what available-to-credit limits. */
export function amountBeforeTax(line: TaxedLine, currency: string): Money {
  return line.taxMode === 'TaxInclusive'
    ? money(line.amount).minus(includedTax(line, line.amount, currency))
    : money(line.amount);
}
