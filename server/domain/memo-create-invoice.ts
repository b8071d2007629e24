import Big from 'big.js';
import { today } from '../../src/lib/dates.ts';
import { money, sum } from '../../src/lib/money.ts';
import {
  customFieldsOf,
  type CreateCreditMemoFromInvoiceRequest,
  type CreateDebitMemoFromInvoiceRequest,
} from '../../src/contract/memo-requests.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoKind, MemoRow, NewMemo } from '../db/types.ts';
import { invalidValue, notFound, Resource, ruleViolation } from '../errors.ts';
import { newId } from './ids.ts';
import type { ChargeLine } from './memo-charge-items.ts';
import { finishCreate, insertMemoHeader } from './memo-create.ts';
import { resourceOf } from './memo-repo.ts';
import {
  assertAccountingCodes,
  assertCan,
  assertFitsCurrency,
  defaultDueDate,
  resolveReasonCode,
  type Actor,
} from './memo-support.ts';
import { availableToCredit, availableTaxToCredit } from './invoice-credit.ts';
import { taxBase, taxShare } from '../../src/contract/invoice-tax.ts';

// Create from invoice (docs/zuora/api-digest.md §4.4, §6.4): a memo of the invoice's account and currency, whose
// items name items of that (Posted) invoice. Tax: the items' own taxItems when sent, else the source
// invoice item's tax in proportion to the amount (a full credit gives back exactly the invoiced tax).
// A credit memo may not credit more than an invoice item still has available (see invoice-credit.ts).

export type CreateFromInvoiceRequest = CreateDebitMemoFromInvoiceRequest | CreateCreditMemoFromInvoiceRequest;

export async function createFromInvoice(
  tx: Tx,
  kind: MemoKind,
  invoiceKey: string,
  body: CreateFromInvoiceRequest,
  actor: Actor,
): Promise<MemoRow> {
  const resource = resourceOf(kind);
  if (body.autoPost) assertCan(actor, 'memo.post');
  // Locking the invoice serialises concurrent credits against it (available-to-credit stays true).
  const invoice = await tx
    .selectFrom('invoices')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', invoiceKey), eb('invoice_number', '=', invoiceKey)]))
    .forUpdate()
    .executeTakeFirst();
  if (!invoice) throw notFound('Invoice', invoiceKey, Resource.Invoice);
  if (body.invoiceId !== undefined && body.invoiceId !== invoice.id && body.invoiceId !== invoice.invoice_number) {
    throw invalidValue(
      `'invoiceId' ${body.invoiceId} does not match the invoice ${invoice.invoice_number} of the path.`,
      resource,
    );
  }
  if (invoice.status !== 'Posted') {
    throw ruleViolation(
      `Only invoices with the Posted status can have ${kind === 'DebitMemo' ? 'debit' : 'credit'} memos created from them. ${invoice.invoice_number} is ${invoice.status}.`,
      resource,
    );
  }
  const memoDate = body.effectiveDate ?? today();
  if (memoDate < invoice.invoice_date) {
    throw invalidValue(`'effectiveDate': ${memoDate} is before the invoice date ${invoice.invoice_date}.`, resource);
  }
  const account = await tx
    .selectFrom('accounts')
    .selectAll()
    .where('id', '=', invoice.account_id)
    .executeTakeFirstOrThrow();
  const currency = invoice.currency;
  const reasonCode = await resolveReasonCode(tx, kind, body.reasonCode);

  const invoiceItems = await tx.selectFrom('invoice_items').selectAll().where('invoice_id', '=', invoice.id).execute();
  const invoiceTaxes = await tx
    .selectFrom('invoice_taxation_items')
    .selectAll()
    .where('invoice_id', '=', invoice.id)
    .execute();
  const itemById = new Map(invoiceItems.map((i) => [i.id, i]));

  let extra: Partial<NewMemo>;
  if (kind === 'DebitMemo') {
    const b = body as CreateDebitMemoFromInvoiceRequest;
    const dueDate = b.dueDate ?? defaultDueDate(memoDate, account.payment_term);
    if (dueDate < memoDate) throw invalidValue(`'dueDate': ${dueDate} is before the memo date ${memoDate}.`, resource);
    extra = { due_date: dueDate, auto_pay: b.autoPay ?? true };
  } else {
    const b = body as CreateCreditMemoFromInvoiceRequest;
    extra = {
      auto_apply_upon_posting: b.autoApplyToInvoiceUponPosting ?? false,
      exclude_from_auto_apply_rules: b.excludeFromAutoApplyRules ?? false,
      source: b.source ?? 'AdhocFromInvoice',
    };
  }

  const id = await insertMemoHeader(
    tx,
    kind,
    account,
    {
      number: body.number,
      currency,
      memo_date: memoDate,
      comment: body.comment ?? null,
      reason_code: reasonCode,
      source_type: 'Invoice',
      referred_invoice_id: invoice.id,
      custom_fields: JSON.stringify(customFieldsOf(body)),
      ...extra,
    },
    actor,
  );

  // Credit already requested per invoice item / tax item within this request (duplicates add up).
  const requested = new Map<string, Big>();
  for (const [i, item] of body.items.entries()) {
    const field = `items[${i}]`;
    assertFitsCurrency(item.amount, currency, `${field}.amount`, resource);
    const source = item.invoiceItemId === undefined ? undefined : itemById.get(item.invoiceItemId);
    if (item.invoiceItemId !== undefined && !source) {
      throw invalidValue(
        `'${field}.invoiceItemId': ${item.invoiceItemId} is not an item of invoice ${invoice.invoice_number}.`,
        resource,
      );
    }
    const fi = (item.financeInformation ?? {}) as NonNullable<ChargeLine['financeInformation']>;
    await assertAccountingCodes(tx, kind, [
      fi.deferredRevenueAccountingCode,
      fi.recognizedRevenueAccountingCode,
      fi.onAccountAccountingCode,
    ]);
    const inclusive = item.taxMode === 'TaxInclusive';
    const amount = money(item.amount);
    const sourceTaxes = source ? invoiceTaxes.filter((t) => t.invoice_item_id === source.id) : [];

    // Tax lines of this memo item.
    const taxes: {
      amount: Big;
      src?: (typeof invoiceTaxes)[number];
      req?: NonNullable<typeof item.taxItems>[number];
    }[] = [];
    if (item.taxItems?.length) {
      for (const [j, t] of item.taxItems.entries()) {
        assertFitsCurrency(t.amount, currency, `${field}.taxItems[${j}].amount`, resource);
        if (t.taxExemptAmount !== undefined)
          assertFitsCurrency(t.taxExemptAmount, currency, `${field}.taxItems[${j}].taxExemptAmount`, resource);
        const src = t.sourceTaxItemId === undefined ? undefined : sourceTaxes.find((s) => s.id === t.sourceTaxItemId);
        if (t.sourceTaxItemId !== undefined && !src) {
          throw invalidValue(
            `'${field}.taxItems[${j}].sourceTaxItemId': ${t.sourceTaxItemId} is not a taxation item of that invoice item.`,
            resource,
          );
        }
        if (!src && t.taxName === undefined)
          throw invalidValue(`'${field}.taxItems[${j}].taxName' is required without a sourceTaxItemId.`, resource);
        taxes.push({ amount: money(t.amount), src, req: t });
      }
    } else if (source && body.taxAutoCalculation !== false) {
      const base = taxBase(source.charge_amount, source.tax_amount, inclusive);
      for (const src of sourceTaxes) taxes.push({ amount: taxShare(src.tax_amount, amount, base, currency), src });
    }
    const taxTotal = sum(taxes.map((t) => t.amount));
    const withoutTax = inclusive ? amount.minus(taxTotal) : amount;
    if (withoutTax.lt(0)) throw invalidValue(`'${field}.amount' is smaller than its tax.`, resource);

    if (kind === 'CreditMemo' && source) {
      const before = requested.get(source.id) ?? new Big(0);
      const available = (await availableToCredit(tx, source.id, source.charge_amount)).minus(before);
      if (withoutTax.gt(available)) {
        throw ruleViolation(
          `${field}: the amount ${withoutTax.toString()} exceeds the ${available.toString()} still available to credit on invoice item '${source.charge_name}'.`,
          resource,
        );
      }
      requested.set(source.id, before.plus(withoutTax));
      for (const t of taxes) {
        if (!t.src) continue;
        const prior = requested.get(t.src.id) ?? new Big(0);
        const availableTax = (await availableTaxToCredit(tx, t.src.id, t.src.tax_amount)).minus(prior);
        if (t.amount.gt(availableTax)) {
          throw ruleViolation(
            `${field}: the tax ${t.amount.toString()} exceeds the ${availableTax.toString()} of ${t.src.name} still available to credit.`,
            resource,
          );
        }
        requested.set(t.src.id, prior.plus(t.amount));
      }
    }

    const itemId = newId();
    const quantity = item.quantity ?? (source ? Number(source.quantity) : 1);
    await tx
      .insertInto('memo_items')
      .values({
        id: itemId,
        memo_id: id,
        sort_order: i + 1,
        amount: (inclusive ? amount : withoutTax).toString(),
        amount_without_tax: withoutTax.toString(),
        tax_amount: taxTotal.toString(),
        balance: withoutTax.toString(),
        quantity,
        unit_price: quantity > 0 ? withoutTax.div(quantity).round(6).toString() : withoutTax.toString(),
        unit_of_measure: item.unitOfMeasure ?? source?.unit_of_measure ?? null,
        sku: source?.sku ?? null,
        sku_name: item.skuName,
        service_start_date: item.serviceStartDate ?? source?.service_start_date ?? null,
        service_end_date: item.serviceEndDate ?? source?.service_end_date ?? null,
        source_item_type: source ? 'InvoiceDetail' : null,
        source_item_id: source?.id ?? null,
        credit_from_item_source: kind === 'CreditMemo' && source ? 'InvoiceItem' : null,
        credit_from_item_id: kind === 'CreditMemo' && source ? source.id : null,
        processing_type: source?.processing_type ?? 'Charge',
        tax_mode: inclusive ? 'TaxInclusive' : 'TaxExclusive',
        description: item.description ?? item.comment ?? null,
        recognized_revenue_accounting_code:
          fi.recognizedRevenueAccountingCode ?? source?.recognized_revenue_accounting_code ?? null,
        deferred_revenue_accounting_code:
          fi.deferredRevenueAccountingCode ?? source?.deferred_revenue_accounting_code ?? null,
        on_account_accounting_code: fi.onAccountAccountingCode ?? null,
        revenue_recognition_rule_name: fi.revenueRecognitionRuleName ?? source?.revenue_recognition_rule_name ?? null,
        created_by_id: actor.userId,
        updated_by_id: actor.userId,
      })
      .execute();
    for (const t of taxes) {
      const tfi = (t.req?.financeInformation ?? {}) as {
        salesTaxPayableAccountingCode?: string;
        onAccountAccountingCode?: string;
      };
      await assertAccountingCodes(tx, kind, [tfi.salesTaxPayableAccountingCode, tfi.onAccountAccountingCode]);
      await tx
        .insertInto('memo_taxation_items')
        .values({
          id: newId(),
          memo_item_id: itemId,
          memo_id: id,
          name: t.req?.taxName ?? t.src!.name,
          tax_amount: t.amount.toString(),
          balance: t.amount.toString(),
          exempt_amount: t.req?.taxExemptAmount ?? 0,
          jurisdiction: t.req?.jurisdiction ?? t.src?.jurisdiction ?? null,
          location_code: t.req?.locationCode ?? t.src?.location_code ?? null,
          source_tax_item_id: t.src?.id ?? null,
          tax_code: t.req?.taxCode ?? t.src?.tax_code ?? null,
          tax_code_description: t.req?.taxCodeDescription ?? t.src?.tax_code_description ?? null,
          tax_date: t.req?.taxDate ?? memoDate,
          tax_rate: t.req?.taxRate ?? t.src?.tax_rate ?? 0,
          tax_rate_type: t.req?.taxRateType ?? t.src?.tax_rate_type ?? 'Percentage',
          tax_rate_description: t.req?.taxRateDescription ?? t.src?.tax_rate_description ?? null,
          sales_tax_payable_accounting_code:
            tfi.salesTaxPayableAccountingCode ?? t.src?.sales_tax_payable_accounting_code ?? null,
          on_account_accounting_code: tfi.onAccountAccountingCode ?? null,
          created_by_id: actor.userId,
          updated_by_id: actor.userId,
        })
        .execute();
    }
  }
  return finishCreate(tx, kind, id, body.autoPost, actor, { source: 'invoice', invoiceNumber: invoice.invoice_number });
}
