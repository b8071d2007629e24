import { toWire } from '../../lib/money.ts';
import type { ChargeLine, FinanceValues, StandaloneFormValues } from './standalone-schema.ts';
import type { FromInvoiceFormValues } from './from-invoice-schema.ts';

// Form values → Zuora request bodies (zuora-version 257.0 names: amount, productRatePlanChargeId,
// description). Empty optional strings are left out rather than sent as "" so Zuora applies its
// defaults (default reason code, account currency, PRP service dates, generated number).

type Json = Record<string, unknown>;

const opt = (value: string) => (value.trim() === '' ? undefined : value.trim());

function compact<T extends Json>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

export function financeBody(f: FinanceValues, kind: StandaloneFormValues['kind']): Json | undefined {
  const body = compact({
    recognizedRevenueAccountingCode: opt(f.recognizedRevenueAccountingCode),
    deferredRevenueAccountingCode: opt(f.deferredRevenueAccountingCode),
    onAccountAccountingCode: kind === 'CreditMemo' ? opt(f.onAccountAccountingCode) : undefined,
    revenueRecognitionRuleName: opt(f.revenueRecognitionRuleName),
  });
  return Object.keys(body).length ? body : undefined;
}

export function chargeBody(c: ChargeLine, kind: StandaloneFormValues['kind']): Json {
  return compact({
    productRatePlanChargeId: c.productRatePlanChargeId,
    amount: toWire(c.amount.trim()),
    quantity: opt(c.quantity) === undefined ? undefined : toWire(c.quantity.trim()),
    description: opt(c.description),
    serviceStartDate: opt(c.serviceStartDate),
    serviceEndDate: opt(c.serviceEndDate),
    financeInformation: financeBody(c.financeInformation, kind),
  });
}

export function standaloneRequest(v: StandaloneFormValues): Json {
  const custom = Object.fromEntries(v.customFields.map((f) => [f.name, f.value]));
  const common = {
    accountId: v.account?.id,
    effectiveDate: v.effectiveDate,
    // Sent only when it differs: a tenant without Multiple Currencies refuses the field.
    currency: v.currency && v.currency !== v.account?.currency ? v.currency : undefined,
    reasonCode: opt(v.reasonCode),
    comment: opt(v.comment),
    autoPost: v.autoPost,
    number: opt(v.number),
    charges: v.charges.map((c) => chargeBody(c, v.kind)),
  };
  const specific =
    v.kind === 'DebitMemo'
      ? { autoPay: v.autoPay, dueDate: opt(v.dueDate) }
      : { excludeFromAutoApplyRules: v.excludeFromAutoApplyRules };
  return compact({ ...common, ...specific, ...custom });
}

export function fromInvoiceRequest(v: FromInvoiceFormValues): Json {
  const items = v.items
    .filter((i) => i.selected)
    .map((i) =>
      compact({
        invoiceItemId: i.invoiceItemId,
        skuName: i.skuName,
        amount: toWire(i.amount.trim()),
        taxMode: i.taxMode,
        description: opt(i.description),
        quantity: opt(i.quantity) === undefined ? undefined : toWire(i.quantity),
        unitOfMeasure: opt(i.unitOfMeasure),
        serviceStartDate: opt(i.serviceStartDate),
        serviceEndDate: opt(i.serviceEndDate),
        // Tax-inclusive amounts carry their tax; Zuora refuses typed tax amounts alongside them.
        taxItems:
          i.taxMode === 'TaxExclusive' && i.taxItems.length > 0
            ? i.taxItems.map((t) =>
                compact({
                  sourceTaxItemId: t.sourceTaxItemId,
                  amount: toWire(t.amount.trim()),
                  taxName: t.name,
                  taxRate: t.taxRate,
                  taxRateType: t.taxRateType,
                  taxCode: opt(t.taxCode),
                  jurisdiction: opt(t.jurisdiction),
                }),
              )
            : undefined,
      }),
    );
  const specific =
    v.kind === 'CreditMemo'
      ? {
          autoApplyToInvoiceUponPosting: v.autoApplyToInvoiceUponPosting,
          excludeFromAutoApplyRules: v.excludeFromAutoApplyRules,
        }
      : { autoPay: v.autoPay };
  return compact({
    effectiveDate: v.effectiveDate,
    reasonCode: opt(v.reasonCode),
    comment: opt(v.comment),
    taxAutoCalculation: v.taxAutoCalculation,
    autoPost: v.autoPost,
    ...specific,
    items,
  });
}
