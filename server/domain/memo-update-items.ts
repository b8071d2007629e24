import type { MemoUpdateItemRequest } from '../../src/contract/memo-requests.ts';
import { money, roundTo, sum } from '../../src/lib/money.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { invalidValue, notFound, ruleViolation } from '../errors.ts';
import { availableTaxToCredit, availableToCredit } from './invoice-credit.ts';
import { taxShare } from '../../src/contract/invoice-tax.ts';
import { insertChargeItem, type ChargeLine } from './memo-charge-items.ts';
import { resourceOf } from './memo-repo.ts';
import { assertAccountingCodes, assertFitsCurrency, memoNoun, nowSql, type Actor } from './memo-support.ts';

// Item changes of a Draft memo's update: `{id, …}` edits an item, `{productRatePlanChargeId, amount}`
// adds one and `{id, delete: true}` removes one; adding and removing only on standalone memos
// (docs/zuora/api-digest.md §4.5, A7). Only tax-exclusive items take a new amount. When the amount changes and no
// taxItems are sent, tax follows it: in proportion to the invoice item's tax for a memo from an
// invoice, else amount × the tax line's percentage rate.

export async function updateItems(
  tx: Tx,
  memo: MemoRow,
  items: MemoUpdateItemRequest[],
  actor: Actor,
): Promise<Record<string, number>> {
  const resource = resourceOf(memo.kind);
  const itemNoun = memo.kind === 'DebitMemo' ? 'DebitMemoItem' : 'CreditMemoItem';
  // The invoice lock createFromInvoice takes: two credits against one invoice item, created or updated at
  // the same time, cannot both spend the same available-to-credit amount.
  if (memo.kind === 'CreditMemo' && memo.referred_invoice_id) {
    await tx.selectFrom('invoices').select('id').where('id', '=', memo.referred_invoice_id).forUpdate().execute();
  }
  const existing = await tx
    .selectFrom('memo_items')
    .selectAll()
    .where('memo_id', '=', memo.id)
    .orderBy('sort_order')
    .execute();
  const byId = new Map(existing.map((i) => [i.id, i]));
  const seen = new Set<string>();
  let nextSort = Math.max(0, ...existing.map((i) => i.sort_order)) + 1;
  const counts = { added: 0, deleted: 0, updated: 0 };
  const standaloneOnly = (what: string) => {
    if (memo.source_type !== 'Standalone')
      throw ruleViolation(
        `Items can only be ${what} on standalone ${memoNoun(memo.kind)}s; ${memo.number} was created from an invoice.`,
        resource,
      );
  };

  for (const [i, req] of items.entries()) {
    const field = `items[${i}]`;
    if (req.id === undefined) {
      standaloneOnly('added');
      const line: ChargeLine = {
        productRatePlanChargeId: req.productRatePlanChargeId!,
        amount: req.amount,
        quantity: req.quantity,
        description: req.description ?? req.comment,
        serviceStartDate: req.serviceStartDate,
        serviceEndDate: req.serviceEndDate,
        financeInformation: req.financeInformation as ChargeLine['financeInformation'],
      };
      await insertChargeItem(
        tx,
        { kind: memo.kind, memoId: memo.id, currency: memo.currency, memoDate: memo.memo_date },
        line,
        nextSort++,
        field,
        actor,
      );
      counts.added++;
      continue;
    }
    const item = byId.get(req.id);
    if (!item) throw notFound(itemNoun, req.id, resource);
    if (seen.has(req.id)) throw invalidValue(`'${field}.id': the item ${req.id} appears more than once.`, resource);
    seen.add(req.id);
    if (req.delete) {
      standaloneOnly('deleted');
      await tx.deleteFrom('memo_items').where('id', '=', item.id).execute();
      counts.deleted++;
      continue;
    }

    const start = req.serviceStartDate ?? item.service_start_date;
    const end = req.serviceEndDate ?? item.service_end_date;
    if (start && end && end < start)
      throw invalidValue(`'${field}.serviceEndDate': ${end} is before the service start date ${start}.`, resource);
    const fi = (req.financeInformation ?? {}) as NonNullable<ChargeLine['financeInformation']>;
    await assertAccountingCodes(tx, memo.kind, [
      fi.deferredRevenueAccountingCode,
      fi.recognizedRevenueAccountingCode,
      fi.onAccountAccountingCode,
    ]);

    const taxes = await tx
      .selectFrom('memo_taxation_items')
      .selectAll()
      .where('memo_item_id', '=', item.id)
      .orderBy('id')
      .execute();
    const newTax = new Map(taxes.map((t) => [t.id, money(t.tax_amount)]));
    const amountChanged = req.amount !== undefined && !money(req.amount).eq(money(item.amount_without_tax));
    if (req.amount !== undefined) {
      if (item.tax_mode !== 'TaxExclusive' && amountChanged)
        throw ruleViolation(
          `${field}: only tax-exclusive items can be updated; this item is ${item.tax_mode}.`,
          resource,
        );
      assertFitsCurrency(req.amount, memo.currency, `${field}.amount`, resource);
    }
    const amount = req.amount === undefined ? money(item.amount_without_tax) : money(req.amount);
    if (req.taxItems?.length) {
      for (const [j, t] of req.taxItems.entries()) {
        if (!newTax.has(t.id)) throw notFound('TaxationItem', t.id, resource);
        if (t.amount !== undefined) {
          assertFitsCurrency(t.amount, memo.currency, `${field}.taxItems[${j}].amount`, resource);
          newTax.set(t.id, money(t.amount));
        }
        if (t.taxExemptAmount !== undefined)
          assertFitsCurrency(t.taxExemptAmount, memo.currency, `${field}.taxItems[${j}].taxExemptAmount`, resource);
      }
    } else if (amountChanged) {
      for (const t of taxes) {
        const src = t.source_tax_item_id
          ? await tx
              .selectFrom('invoice_taxation_items')
              .select('tax_amount')
              .where('id', '=', t.source_tax_item_id)
              .executeTakeFirst()
          : undefined;
        const srcItem =
          src && item.source_item_id
            ? await tx
                .selectFrom('invoice_items')
                .select('charge_amount')
                .where('id', '=', item.source_item_id)
                .executeTakeFirst()
            : undefined;
        if (src && srcItem && money(srcItem.charge_amount).gt(0))
          newTax.set(t.id, taxShare(src.tax_amount, amount, srcItem.charge_amount, memo.currency));
        else if (t.tax_rate_type === 'Percentage') newTax.set(t.id, roundTo(amount.times(t.tax_rate), memo.currency));
      }
    }

    if (memo.kind === 'CreditMemo' && item.credit_from_item_id) {
      const src = await tx
        .selectFrom('invoice_items')
        .select(['charge_amount', 'charge_name'])
        .where('id', '=', item.credit_from_item_id)
        .executeTakeFirstOrThrow();
      const available = await availableToCredit(tx, item.credit_from_item_id, src.charge_amount, item.id);
      if (amount.gt(available))
        throw ruleViolation(
          `${field}: the amount ${amount.toString()} exceeds the ${available.toString()} still available to credit on invoice item '${src.charge_name}'.`,
          resource,
        );
      for (const t of taxes) {
        if (!t.source_tax_item_id) continue;
        const srcTax = await tx
          .selectFrom('invoice_taxation_items')
          .select('tax_amount')
          .where('id', '=', t.source_tax_item_id)
          .executeTakeFirstOrThrow();
        const availableTax = await availableTaxToCredit(tx, t.source_tax_item_id, srcTax.tax_amount, t.id);
        if (newTax.get(t.id)!.gt(availableTax))
          throw ruleViolation(
            `${field}: the tax ${newTax.get(t.id)!.toString()} of ${t.name} exceeds the ${availableTax.toString()} still available to credit.`,
            resource,
          );
      }
    }

    for (const t of taxes) {
      const treq = req.taxItems?.find((x) => x.id === t.id);
      const tfi = (treq?.financeInformation ?? {}) as {
        salesTaxPayableAccountingCode?: string;
        onAccountAccountingCode?: string;
      };
      await assertAccountingCodes(tx, memo.kind, [tfi.salesTaxPayableAccountingCode, tfi.onAccountAccountingCode]);
      const tax = newTax.get(t.id)!.toString();
      await tx
        .updateTable('memo_taxation_items')
        .set({
          tax_amount: tax,
          balance: tax,
          ...(treq?.taxName !== undefined && { name: treq.taxName }),
          ...(treq?.taxRate !== undefined && { tax_rate: treq.taxRate }),
          ...(treq?.taxRateType !== undefined && { tax_rate_type: treq.taxRateType }),
          ...(treq?.taxRateDescription !== undefined && { tax_rate_description: treq.taxRateDescription }),
          ...(treq?.taxCode !== undefined && { tax_code: treq.taxCode }),
          ...(treq?.taxCodeDescription !== undefined && { tax_code_description: treq.taxCodeDescription }),
          ...(treq?.taxDate !== undefined && { tax_date: treq.taxDate }),
          ...(treq?.taxExemptAmount !== undefined && { exempt_amount: treq.taxExemptAmount }),
          ...(treq?.jurisdiction !== undefined && { jurisdiction: treq.jurisdiction }),
          ...(treq?.locationCode !== undefined && { location_code: treq.locationCode }),
          ...(tfi.salesTaxPayableAccountingCode !== undefined && {
            sales_tax_payable_accounting_code: tfi.salesTaxPayableAccountingCode,
          }),
          ...(tfi.onAccountAccountingCode !== undefined && { on_account_accounting_code: tfi.onAccountAccountingCode }),
          updated_date: nowSql(),
          updated_by_id: actor.userId,
        })
        .where('id', '=', t.id)
        .execute();
    }

    const taxTotal = sum([...newTax.values()]);
    const quantity = req.quantity ?? (item.quantity === null ? null : Number(item.quantity));
    const itemAmount = item.tax_mode === 'TaxInclusive' ? amount.plus(taxTotal) : amount;
    await tx
      .updateTable('memo_items')
      .set({
        amount: itemAmount.toString(),
        amount_without_tax: amount.toString(),
        tax_amount: taxTotal.toString(),
        balance: amount.toString(),
        quantity,
        unit_price: quantity ? amount.div(quantity).round(6).toString() : item.unit_price,
        service_start_date: start,
        service_end_date: end,
        ...(req.description !== undefined || req.comment !== undefined
          ? { description: req.description ?? req.comment }
          : {}),
        ...(req.skuName !== undefined && { sku_name: req.skuName }),
        ...(req.unitOfMeasure !== undefined && { unit_of_measure: req.unitOfMeasure }),
        ...(req.excludeItemBillingFromRevenueAccounting !== undefined && {
          exclude_item_billing_from_revenue_accounting: req.excludeItemBillingFromRevenueAccounting,
        }),
        ...(fi.deferredRevenueAccountingCode !== undefined && {
          deferred_revenue_accounting_code: fi.deferredRevenueAccountingCode,
        }),
        ...(fi.recognizedRevenueAccountingCode !== undefined && {
          recognized_revenue_accounting_code: fi.recognizedRevenueAccountingCode,
        }),
        ...(fi.onAccountAccountingCode !== undefined && { on_account_accounting_code: fi.onAccountAccountingCode }),
        ...(fi.revenueRecognitionRuleName !== undefined && {
          revenue_recognition_rule_name: fi.revenueRecognitionRuleName,
        }),
        updated_date: nowSql(),
        updated_by_id: actor.userId,
      })
      .where('id', '=', item.id)
      .execute();
    counts.updated++;
  }

  const left = await tx
    .selectFrom('memo_items')
    .select('id')
    .where('memo_id', '=', memo.id)
    .limit(1)
    .executeTakeFirst();
  if (!left) throw ruleViolation(`A ${memoNoun(memo.kind)} must keep at least one item.`, resource);
  return counts;
}
