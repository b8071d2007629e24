import type { InvoiceItem } from '../../api/invoices.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { toFixed } from '../../lib/money.ts';
import type { InvoiceItemLine } from './from-invoice-schema.ts';

// Invoice items → the rows of the from-invoice form, all selected. A credit starts at what is still
// available to credit (the item and each tax line); a debit starts at the invoiced amounts.

export function invoiceItemLines(items: InvoiceItem[], kind: MemoKind, currency: string): InvoiceItemLine[] {
  // Amounts shown in the currency's own decimals (396.80, not 396.8).
  const text = (n: number | null | undefined) => (n === null || n === undefined ? '' : toFixed(n, currency));
  return items.map((item) => {
    // A tenant that does not say what is left to credit (Zuora's invoice-items example has no
    // `availableToCreditAmount`): what was invoiced is the most it can be, as for the tax lines below; the tenant
    // refuses a credit above what is really left.
    const available = text(item.availableToCreditAmount ?? item.chargeAmount);
    return {
      selected: true,
      invoiceItemId: item.id,
      skuName: item.chargeName ?? '',
      chargeAmount: text(item.chargeAmount),
      availableToCreditAmount: available,
      quantity: item.quantity === null || item.quantity === undefined ? '' : String(item.quantity),
      unitOfMeasure: item.unitOfMeasure ?? '',
      serviceStartDate: item.serviceStartDate ?? '',
      serviceEndDate: item.serviceEndDate ?? '',
      amount: kind === 'CreditMemo' ? available : text(item.chargeAmount),
      taxMode: 'TaxExclusive',
      description: '',
      taxItems: (item.taxationItems?.data ?? []).map((t) => {
        const taxAvailable = text(t.availableToCreditAmount ?? t.taxAmount);
        return {
          sourceTaxItemId: t.id,
          name: t.name ?? '',
          taxRate: t.taxRate ?? 0,
          taxRateType: t.taxRateType ?? 'Percentage',
          taxCode: t.taxCode ?? '',
          jurisdiction: t.jurisdiction ?? '',
          originalAmount: text(t.taxAmount),
          availableToCredit: taxAvailable,
          amount: kind === 'CreditMemo' ? taxAvailable : text(t.taxAmount),
        };
      }),
    };
  });
}

/** The base a tax line scales against when the item amount changes. */
export const scaleBase = (line: InvoiceItemLine, kind: MemoKind) =>
  kind === 'CreditMemo'
    ? { item: line.availableToCreditAmount, tax: (j: number) => line.taxItems[j].availableToCredit }
    : { item: line.chargeAmount, tax: (j: number) => line.taxItems[j].originalAmount };
