import Big from 'big.js';
import { money, roundTo } from '../../src/lib/money.ts';
import { servicePeriodOf } from '../../src/contract/service-period.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoKind } from '../db/types.ts';
import { notFound, Resource, ruleViolation } from '../errors.ts';
import { TAX_BY_CURRENCY } from '../seed/tax.ts';
import { newId } from './ids.ts';
import { resourceOf } from './memo-repo.ts';
import { assertAccountingCodes, assertFitsCurrency, type Actor } from './memo-support.ts';

// Memo items billed from a product rate plan charge (create from charge, and items added to a draft
// standalone memo by update). Tax-exclusive: tax = amount × the charge's rate, rounded per currency,
// stored as a taxation item whose balance is the tax.

export interface ChargeLine {
  productRatePlanChargeId: string;
  amount?: number;
  quantity?: number;
  description?: string;
  serviceStartDate?: string;
  serviceEndDate?: string;
  financeInformation?: {
    deferredRevenueAccountingCode?: string;
    recognizedRevenueAccountingCode?: string;
    revenueRecognitionRuleName?: string;
    onAccountAccountingCode?: string;
  };
}

/** Maps a request charge (either API version's names) onto one shape. */
export function chargeLineOf(c: {
  productRatePlanChargeId?: string;
  chargeId?: string;
  amount?: number;
  memoItemAmount?: number;
  quantity?: number;
  description?: string;
  comment?: string;
  serviceStartDate?: string;
  serviceEndDate?: string;
  financeInformation?: ChargeLine['financeInformation'];
}): ChargeLine {
  return {
    productRatePlanChargeId: (c.productRatePlanChargeId ?? c.chargeId)!,
    amount: c.amount ?? c.memoItemAmount,
    quantity: c.quantity,
    description: c.description ?? c.comment,
    serviceStartDate: c.serviceStartDate,
    serviceEndDate: c.serviceEndDate,
    financeInformation: c.financeInformation,
  };
}

export interface MemoTarget {
  kind: MemoKind;
  memoId: string;
  currency: string;
  memoDate: string;
}

/** Inserts one item (and its tax) for a charge line. `field` names the line in error messages. */
export async function insertChargeItem(
  tx: Tx,
  memo: MemoTarget,
  line: ChargeLine,
  sortOrder: number,
  field: string,
  actor: Actor,
): Promise<void> {
  const resource = resourceOf(memo.kind);
  const charge = await tx
    .selectFrom('product_rate_plan_charges as c')
    .innerJoin('product_rate_plans as p', 'p.id', 'c.product_rate_plan_id')
    .innerJoin('products as pr', 'pr.id', 'p.product_id')
    .selectAll('c')
    .select(['p.effective_start_date as plan_start', 'p.effective_end_date as plan_end', 'pr.sku as product_sku'])
    .where('c.id', '=', line.productRatePlanChargeId)
    .executeTakeFirst();
  if (!charge) throw notFound('ProductRatePlanCharge', line.productRatePlanChargeId, Resource.Catalog);
  if (charge.model.startsWith('Discount')) {
    throw ruleViolation(
      `${field}: the charge '${charge.name}' uses the discount charge model ${charge.model}; memos cannot be created from discount charges.`,
      resource,
    );
  }

  // Usage charges bill a positive quantity (schema: > 0), 1 when absent; others the catalog default.
  const quantity = money(line.quantity ?? (charge.type === 'Usage' ? 1 : (charge.default_quantity ?? 1)));
  let amount: Big;
  if (line.amount !== undefined) {
    assertFitsCurrency(line.amount, memo.currency, `${field}.amount`, resource);
    amount = money(line.amount);
  } else {
    const price = charge.pricing[memo.currency];
    if (price === undefined) {
      throw ruleViolation(
        `${field}: the charge '${charge.name}' has no price in ${memo.currency}; send an amount.`,
        resource,
      );
    }
    amount = roundTo(charge.model === 'PerUnit' ? money(price).times(quantity) : money(price), memo.currency);
  }
  const fi = line.financeInformation ?? {};
  await assertAccountingCodes(tx, memo.kind, [
    fi.deferredRevenueAccountingCode,
    fi.recognizedRevenueAccountingCode,
    fi.onAccountAccountingCode,
  ]);

  const taxStyle = TAX_BY_CURRENCY[memo.currency];
  const rate = money(charge.tax_rate ?? 0);
  const taxed = charge.taxable && rate.gt(0) && taxStyle !== null;
  const tax = taxed ? roundTo(amount.times(rate), memo.currency) : new Big(0);

  const period = servicePeriodOf({
    chargeType: charge.type,
    memoDate: memo.memoDate,
    start: line.serviceStartDate,
    end: line.serviceEndDate,
    planStart: charge.plan_start,
    planEnd: charge.plan_end,
  });
  const itemId = newId();
  await tx
    .insertInto('memo_items')
    .values({
      id: itemId,
      memo_id: memo.memoId,
      sort_order: sortOrder,
      amount: amount.toString(),
      amount_without_tax: amount.toString(),
      tax_amount: tax.toString(),
      balance: amount.toString(),
      quantity: quantity.toString(),
      unit_price: quantity.gt(0) ? amount.div(quantity).round(6).toString() : amount.toString(),
      unit_of_measure: charge.uom,
      sku: charge.product_sku,
      sku_name: charge.name,
      service_start_date: period.start,
      service_end_date: period.end,
      source_item_type: 'ProductRatePlanCharge',
      source_item_id: charge.id,
      processing_type: 'Charge',
      tax_mode: 'TaxExclusive',
      description: line.description ?? null,
      recognized_revenue_accounting_code:
        fi.recognizedRevenueAccountingCode ?? charge.recognized_revenue_accounting_code,
      deferred_revenue_accounting_code: fi.deferredRevenueAccountingCode ?? charge.deferred_revenue_accounting_code,
      on_account_accounting_code: fi.onAccountAccountingCode ?? null,
      revenue_recognition_rule_name: fi.revenueRecognitionRuleName ?? charge.revenue_recognition_rule_name,
      created_by_id: actor.userId,
      updated_by_id: actor.userId,
    })
    .execute();
  if (taxed && taxStyle) {
    await tx
      .insertInto('memo_taxation_items')
      .values({
        id: newId(),
        memo_item_id: itemId,
        memo_id: memo.memoId,
        name: taxStyle.name,
        tax_amount: tax.toString(),
        balance: tax.toString(),
        jurisdiction: taxStyle.jurisdiction,
        location_code: taxStyle.locationCode,
        tax_code: charge.tax_code,
        tax_code_description: null,
        tax_date: memo.memoDate,
        tax_rate: rate.toString(),
        tax_rate_type: 'Percentage',
        tax_rate_description: `${rate.times(100).toString()}%`,
        sales_tax_payable_accounting_code: 'Sales Tax Payable',
        created_by_id: actor.userId,
        updated_by_id: actor.userId,
      })
      .execute();
  }
}
