import type { Dataset } from './dataset.ts';
import { ACCOUNTING_CODES, CURRENCIES, INACTIVE_REASON_CODES, REASON_CODES } from './reference-data.ts';
import { PRODUCTS, pricesOf } from './catalog-data.ts';

export interface CatalogCharge {
  id: string;
  name: string;
  type: string;
  model: string;
  uom: string | null;
  taxRate: string | null;
  prices: Record<string, string>;
  productName: string;
  sku: string;
  recognized: string;
  deferred: string;
}

/** Currencies, accounting codes, reason codes and the product catalog. Returns the chargeable (non-discount) charges. */
export function buildReference(ds: Dataset): CatalogCharge[] {
  const { rows } = ds;
  for (const c of CURRENCIES) rows.currencies.push({ code: c.code, decimal_places: c.decimals });

  for (const a of ACCOUNTING_CODES) {
    rows.accounting_codes.push({
      id: ds.id(),
      name: a.name,
      type: a.type,
      category: a.category,
      status: a.status ?? 'Active',
      gl_account_name: a.name,
      gl_account_number: a.glAccountNumber,
      notes: null,
      created_by: 'a0000000000000000000000000000001',
      created_on: '2025-12-01 09:00:00',
      updated_by: 'a0000000000000000000000000000001',
      updated_on: '2025-12-01 09:00:00',
    });
  }

  for (const [transactionType, names] of Object.entries(REASON_CODES)) {
    names.forEach((name, i) =>
      rows.reason_codes.push({
        id: ds.id(),
        transaction_type: transactionType,
        name,
        is_default: i === 0,
        active: true,
      }),
    );
  }
  for (const r of INACTIVE_REASON_CODES) {
    rows.reason_codes.push({
      id: ds.id(),
      transaction_type: r.transactionType,
      name: r.name,
      is_default: false,
      active: false,
    });
  }

  const chargeable: CatalogCharge[] = [];
  let planNo = 0;
  let chargeNo = 0;
  PRODUCTS.forEach((p, pi) => {
    const productId = ds.id();
    rows.products.push({
      id: productId,
      name: p.name,
      sku: p.sku,
      product_number: `PC-${String(pi + 1).padStart(8, '0')}`,
      description: p.description,
      category: p.category,
      effective_start_date: '2020-01-01',
      effective_end_date: '2066-01-01',
    });
    for (const plan of p.plans) {
      const planId = ds.id();
      rows.product_rate_plans.push({
        id: planId,
        product_id: productId,
        name: plan.name,
        description: plan.description,
        status: 'Active',
        effective_start_date: '2020-01-01',
        effective_end_date: '2066-01-01',
        product_rate_plan_number: `PRP-${String(++planNo).padStart(8, '0')}`,
      });
      for (const ch of plan.charges) {
        const id = ds.id();
        const prices = pricesOf(ch);
        rows.product_rate_plan_charges.push({
          id,
          product_rate_plan_id: planId,
          name: ch.name,
          type: ch.type,
          model: ch.model,
          description: `${ch.name} (${plan.name})`,
          uom: ch.uom ?? null,
          default_quantity: ch.model === 'PerUnit' ? 1 : null,
          taxable: Boolean(ch.taxRate),
          tax_code: ch.taxRate ? 'STANDARD' : null,
          tax_mode: 'TaxExclusive',
          tax_rate: ch.taxRate ?? '0',
          pricing: JSON.stringify(prices),
          product_rate_plan_charge_number: `PRPC-${String(++chargeNo).padStart(8, '0')}`,
          recognized_revenue_accounting_code: ch.recognized,
          deferred_revenue_accounting_code: ch.deferred,
          revenue_recognition_rule_name: 'Recognize upon invoicing',
        });
        if (!ch.model.startsWith('Discount')) {
          chargeable.push({
            id,
            name: ch.name,
            type: ch.type,
            model: ch.model,
            uom: ch.uom ?? null,
            taxRate: ch.taxRate ?? null,
            prices,
            productName: p.name,
            sku: p.sku,
            recognized: ch.recognized,
            deferred: ch.deferred,
          });
        }
      }
    }
  });
  return chargeable;
}
