import { z } from 'zod';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { pickedAccountSchema } from './standalone-schema.ts';
import { formatDate, isBefore, today } from '../../lib/dates.ts';
import { money, toFixed } from '../../lib/money.ts';
import { amountBeforeTax } from './line-tax.ts';
import { amountProblem } from '../../contract/amount.ts';
import { COMMENT_MAX } from '../../contract/comment.ts';
import { MAX_CHARGES, dateProblem } from './field-rules.ts';

// The "from invoice" form (docs/zuora/ui-inventory.md §3.1; docs/zuora/api-digest.md §4.4, §6.4). Each invoice item is a row that
// starts selected; a credit cannot exceed what is still available to credit on the item (or tax line).

export const pickedInvoiceSchema = z.object({
  id: z.string(),
  invoiceNumber: z.string(),
  invoiceDate: z.string(),
  currency: z.string(),
});
export type PickedInvoice = z.infer<typeof pickedInvoiceSchema>;

const taxLineSchema = z.object({
  sourceTaxItemId: z.string(),
  name: z.string(),
  taxRate: z.number(),
  taxRateType: z.string(),
  taxCode: z.string(),
  jurisdiction: z.string(),
  originalAmount: z.string(),
  /** Upper bound for a credit; the invoice's tax amount for a debit (no bound). */
  availableToCredit: z.string(),
  amount: z.string(),
});
export type TaxLine = z.infer<typeof taxLineSchema>;

export const invoiceItemLineSchema = z.object({
  selected: z.boolean(),
  invoiceItemId: z.string(),
  skuName: z.string(),
  chargeAmount: z.string(),
  availableToCreditAmount: z.string(),
  quantity: z.string(),
  unitOfMeasure: z.string(),
  serviceStartDate: z.string(),
  serviceEndDate: z.string(),
  amount: z.string(),
  taxMode: z.enum(['TaxExclusive', 'TaxInclusive']),
  description: z.string().max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`),
  taxItems: z.array(taxLineSchema),
});
export type InvoiceItemLine = z.infer<typeof invoiceItemLineSchema>;

export const fromInvoiceFormSchema = z
  .object({
    kind: z.enum(['CreditMemo', 'DebitMemo']),
    account: pickedAccountSchema.nullable(),
    invoice: pickedInvoiceSchema.nullable(),
    effectiveDate: z.string(),
    reasonCode: z.string(),
    comment: z.string().max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`),
    taxAutoCalculation: z.boolean(),
    autoApplyToInvoiceUponPosting: z.boolean(),
    excludeFromAutoApplyRules: z.boolean(),
    autoPay: z.boolean(),
    autoPost: z.boolean(),
    items: z.array(invoiceItemLineSchema).max(MAX_CHARGES, `A memo holds at most ${MAX_CHARGES} items.`),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (!v.account) issue(['account'], 'Choose an account.');
    if (!v.invoice) issue(['invoice'], 'Choose an invoice.');
    const memoDate = dateProblem(v.effectiveDate, true);
    if (memoDate) issue(['effectiveDate'], memoDate);
    else if (v.invoice && isBefore(v.effectiveDate, v.invoice.invoiceDate)) {
      issue(
        ['effectiveDate'],
        `The memo date cannot be before the invoice date (${formatDate(v.invoice.invoiceDate)}).`,
      );
    }
    if (v.invoice && !v.items.some((i) => i.selected)) issue(['items'], 'Select at least one invoice item.');
    const currency = v.invoice?.currency ?? '';
    v.items.forEach((item, i) => {
      if (!item.selected) return;
      const at = (path: (string | number)[], message: string) => issue(['items', i, ...path], message);
      const amount = amountProblem(item.amount, currency, { least: 'zero' });
      if (amount) at(['amount'], amount);
      else if (v.kind === 'CreditMemo' && amountBeforeTax(item, currency).gt(money(item.availableToCreditAmount))) {
        // A tax-included amount holds its tax: the limit applies to the part before tax, as on the server.
        at(
          ['amount'],
          item.taxMode === 'TaxInclusive'
            ? `At most ${item.availableToCreditAmount} before tax is available to credit; this amount is ${toFixed(amountBeforeTax(item, currency), currency)} before tax.`
            : `At most ${item.availableToCreditAmount} is available to credit.`,
        );
      }
      if (item.taxMode === 'TaxInclusive' && !v.taxAutoCalculation) {
        at(['taxMode'], 'Tax-included amounts need Tax Auto Calculation.');
      }
      if (item.taxMode === 'TaxInclusive') return; // tax is then computed by the engine, not typed
      item.taxItems.forEach((t, j) => {
        const tax = amountProblem(t.amount, currency, { least: 'zero' });
        if (tax) at(['taxItems', j, 'amount'], tax);
        else if (v.kind === 'CreditMemo' && money(t.amount).gt(money(t.availableToCredit))) {
          at(['taxItems', j, 'amount'], `At most ${t.availableToCredit} of this tax is available to credit.`);
        }
      });
    });
  });

export type FromInvoiceFormValues = z.infer<typeof fromInvoiceFormSchema>;

export function fromInvoiceDefaults(kind: MemoKind, now = today()): FromInvoiceFormValues {
  return {
    kind,
    account: null,
    invoice: null,
    effectiveDate: now,
    reasonCode: '',
    comment: '',
    taxAutoCalculation: true,
    autoApplyToInvoiceUponPosting: false,
    excludeFromAutoApplyRules: false,
    autoPay: true,
    autoPost: false,
    items: [],
  };
}
