import Big from 'big.js';
import { roundTo } from '../../src/lib/money.ts';
import { addDays } from '../../src/lib/dates.ts';
import { at, capDate, fx, type Dataset, type Doc, type Line, type Row } from './dataset.ts';
import type { CatalogCharge } from './build-reference.ts';
import { ACCOUNTS, SEED_ANCHOR, SEED_USER_ID } from './reference-data.ts';
import { applyToTarget, openBalance } from './settle.ts';
import { TAX_BY_CURRENCY } from './tax.ts';

export interface SeedAccount {
  id: string;
  number: string;
  currency: string;
  billToContactId: string;
  invoices: Doc[];
}

/** Quantity and price of a charge line, deterministic. */
export function chargeLine(ds: Dataset, charge: CatalogCharge, currency: string) {
  const quantity = charge.model === 'FlatFee' ? 1 : charge.type === 'Usage' ? ds.rng.int(100, 4000) : ds.rng.int(1, 12);
  const unitPrice = new Big(charge.prices[currency]);
  return { quantity, unitPrice, amount: roundTo(unitPrice.times(quantity), currency) };
}

export function buildAccounts(ds: Dataset): SeedAccount[] {
  return ACCOUNTS.map((a, i) => {
    const id = ds.id();
    const contactId = ds.id();
    const number = `A${String(i + 1).padStart(8, '0')}`;
    const [first, last, city, country] = a.contact;
    const domain = a.name.toLowerCase().replace(/[^a-z0-9]+/g, '') + '.example.com';
    ds.rows.accounts.push({
      id,
      account_number: number,
      name: a.name,
      status: 'Active',
      currency: a.currency,
      bill_cycle_day: 1 + (i % 28),
      payment_term: i % 3 === 0 ? 'Net 45' : 'Net 30',
      auto_pay: i % 4 === 0,
      default_payment_method_id: null,
      additional_email_addresses: i % 5 === 0 ? `billing@${domain}` : null,
      bill_to_contact_id: contactId,
      sold_to_contact_id: contactId,
      notes: null,
      created_date: '2025-12-01 09:00:00',
      updated_date: '2025-12-01 09:00:00',
    });
    ds.rows.contacts.push({
      id: contactId,
      account_id: id,
      first_name: first,
      last_name: last,
      work_email: `${first.toLowerCase()}.${last.toLowerCase().replace(/[^a-z]/g, '')}@${domain}`,
      personal_email: null,
      address1: `${ds.rng.int(1, 999)} Market Street`,
      address2: null,
      city,
      state: null,
      zip_code: String(ds.rng.int(10000, 99999)),
      country,
      work_phone: `+1-555-${String(ds.rng.int(1000, 9999))}`,
    });
    return { id, number, currency: a.currency, billToContactId: contactId, invoices: [] };
  });
}

function buildInvoice(ds: Dataset, account: SeedAccount, date: string, charges: CatalogCharge[]): Doc {
  const c = account.currency;
  const id = ds.id();
  const tax = TAX_BY_CURRENCY[c];
  const lines: Line[] = [];
  let net = new Big(0);
  let taxTotal = new Big(0);
  const count = ds.rng.int(1, 3);
  for (let n = 0; n < count; n++) {
    const charge = ds.rng.pick(charges);
    const { quantity, unitPrice, amount } = chargeLine(ds, charge, c);
    const itemId = ds.id();
    const taxAmount = tax && charge.taxRate ? roundTo(amount.times(charge.taxRate), c) : new Big(0);
    const item: Row<'invoice_items'> = {
      id: itemId,
      invoice_id: id,
      sort_order: n + 1,
      charge_name: charge.name,
      charge_type: charge.type,
      product_rate_plan_charge_id: charge.id,
      product_name: charge.productName,
      sku: charge.sku,
      charge_amount: fx(amount, c),
      tax_amount: fx(taxAmount, c),
      balance: fx(amount, c),
      quantity,
      unit_price: fx(unitPrice, c),
      unit_of_measure: charge.uom,
      service_start_date: date,
      service_end_date: addDays(date, 30),
      processing_type: 'Charge',
      tax_mode: 'TaxExclusive',
      tax_code: charge.taxRate ? 'STANDARD' : null,
      description: null,
      recognized_revenue_accounting_code: charge.recognized,
      deferred_revenue_accounting_code: charge.deferred,
      revenue_recognition_rule_name: 'Recognize upon invoicing',
    };
    ds.rows.invoice_items.push(item);
    lines.push({ kind: 'item', row: item as Line['row'], itemId, open: amount });
    if (taxAmount.gt(0) && tax) {
      const t: Row<'invoice_taxation_items'> = {
        id: ds.id(),
        invoice_item_id: itemId,
        invoice_id: id,
        name: tax.name,
        tax_amount: fx(taxAmount, c),
        balance: fx(taxAmount, c),
        credit_amount: '0',
        payment_amount: '0',
        exempt_amount: '0',
        jurisdiction: tax.jurisdiction,
        location_code: tax.locationCode,
        tax_code: 'STANDARD',
        tax_code_description: 'Standard rate',
        tax_date: date,
        tax_rate: charge.taxRate!,
        tax_rate_type: 'Percentage',
        tax_rate_description: `${tax.name} ${new Big(charge.taxRate!).times(100).toString()}%`,
        sales_tax_payable_accounting_code: 'Sales Tax Payable',
      };
      ds.rows.invoice_taxation_items.push(t);
      lines.push({ kind: 'tax', row: t as Line['row'], itemId, open: taxAmount });
    }
    net = net.plus(amount);
    taxTotal = taxTotal.plus(taxAmount);
  }
  const total = net.plus(taxTotal);
  const row: Row<'invoices'> = {
    id,
    invoice_number: '',
    account_id: account.id,
    invoice_date: date,
    due_date: addDays(date, 30),
    status: 'Posted',
    currency: c,
    amount: fx(total, c),
    amount_without_tax: fx(net, c),
    tax_amount: fx(taxTotal, c),
    balance: fx(total, c),
    credit_memo_amount: '0',
    payment_amount: '0',
    refund_amount: '0',
    comments: null,
    posted_date: at(date, ds.rng, 19, 20),
    created_date: at(date, ds.rng, 6, 7),
    updated_date: at(date, ds.rng, 19, 20),
  };
  ds.rows.invoices.push(row);
  const doc: Doc = { type: 'Invoice', id, accountId: account.id, currency: c, date, row: row as Doc['row'], lines };
  ds.docs.set(id, doc);
  return doc;
}

export function newPayment(ds: Dataset, account: SeedAccount, amount: Big, date: string): Row<'payments'> {
  const c = account.currency;
  const row: Row<'payments'> = {
    id: ds.id(),
    number: '',
    account_id: account.id,
    amount: fx(amount, c),
    applied_amount: '0',
    unapplied_amount: fx(amount, c),
    refund_amount: '0',
    currency: c,
    effective_date: date,
    status: 'Processed',
    type: 'External',
    payment_method_id: null,
    comment: null,
    reference_id: `CHK-${ds.rng.int(100000, 999999)}`,
    created_date: at(date, ds.rng),
    created_by_id: SEED_USER_ID,
    updated_date: at(date, ds.rng, 19, 20),
    updated_by_id: SEED_USER_ID,
  };
  ds.rows.payments.push(row);
  return row;
}

/** Monthly invoices per account, some paid in full or in part, plus a payment left partly unapplied. */
export function buildInvoicesAndPayments(ds: Dataset, accounts: SeedAccount[], charges: CatalogCharge[]): void {
  for (const account of accounts) {
    const months = ds.rng.int(5, 8);
    for (let m = 0; m < months; m++) {
      const date = addDays(SEED_ANCHOR.first, m * 40 + ds.rng.int(0, 20));
      const inv = buildInvoice(ds, account, date, charges);
      account.invoices.push(inv);
      const fate = ds.rng.weighted([
        ['open', 45],
        ['paid', 35],
        ['partial', 20],
      ] as const);
      if (fate === 'open') continue;
      const open = openBalance(inv);
      const amount = fate === 'paid' ? open : roundTo(open.times(ds.rng.int(20, 70)).div(100), account.currency);
      if (amount.lte(0)) continue;
      const payDate = capDate(addDays(date, ds.rng.int(5, 25)), SEED_ANCHOR.last);
      applyToTarget(ds, { type: 'Payment', row: newPayment(ds, account, amount, payDate) }, inv, amount, payDate);
    }
    // A payment on account: partly applied to the oldest open invoice, the rest unapplied.
    const oldest = account.invoices.find((d) => openBalance(d).gt(0));
    if (oldest) {
      const open = openBalance(oldest);
      const applied = roundTo(open.div(2), account.currency);
      const payDate = capDate(addDays(oldest.date, 10), SEED_ANCHOR.last);
      const pay = newPayment(ds, account, applied.plus(roundTo(open, account.currency)), payDate);
      if (applied.gt(0)) applyToTarget(ds, { type: 'Payment', row: pay }, oldest, applied, payDate);
    }
  }
}
