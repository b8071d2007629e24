import Big from 'big.js';
import { roundTo } from '../../src/lib/money.ts';
import { addDays } from '../../src/lib/dates.ts';
import { at, capDate, fx, type Dataset, type Doc, type Line, type Row } from './dataset.ts';
import type { CatalogCharge } from './build-reference.ts';
import { chargeLine, type SeedAccount } from './build-customers.ts';
import { REASON_CODES, SEED_ANCHOR, SEED_USER_ID } from './reference-data.ts';
import { TAX_BY_CURRENCY } from './tax.ts';

export type Kind = 'CreditMemo' | 'DebitMemo';
export type SeedStatus = 'Draft' | 'Posted' | 'Canceled' | 'Error' | 'PendingForTax';

export interface SeedMemo extends Doc {
  type: Kind;
  status: SeedStatus;
  /** Kept open by the settlement pass (guarantees open Posted memos for the demos). */
  keepOpen: boolean;
  referredInvoice: Doc | null;
  account: SeedAccount;
}

const SPAN = 323; // days from SEED_ANCHOR.first to SEED_ANCHOR.last
const ZERO = new Big(0);

interface ItemSpec {
  chargeName: string;
  sku: string | null;
  uom: string | null;
  quantity: number;
  unitPrice: Big;
  amount: Big;
  taxRate: string | null;
  recognized: string | null;
  deferred: string | null;
  sourceItemType: string;
  sourceItemId: string;
  creditFromItemId: string | null;
  sourceTax: { id: string; amount: Big } | null;
}

function fromInvoiceSpecs(ds: Dataset, kind: Kind, inv: Doc): ItemSpec[] {
  const c = inv.currency;
  const credited = ds.credited;
  const items = inv.lines.filter((l) => l.kind === 'item');
  const chosen = items.slice(0, ds.rng.int(1, Math.min(2, items.length)));
  const specs: ItemSpec[] = [];
  for (const line of chosen) {
    const row = line.row as unknown as Row<'invoice_items'>;
    const charged = new Big(row.charge_amount);
    const available = kind === 'CreditMemo' ? charged.minus(credited.get(row.id) ?? ZERO) : charged;
    const amount = roundTo(available.times(ds.rng.int(15, 60)).div(100), c);
    if (amount.lte(0)) continue;
    const taxLine = inv.lines.find((l) => l.kind === 'tax' && l.itemId === row.id);
    let sourceTax: ItemSpec['sourceTax'] = null;
    if (taxLine) {
      const taxRow = taxLine.row as unknown as Row<'invoice_taxation_items'>;
      sourceTax = { id: taxRow.id, amount: roundTo(new Big(taxRow.tax_amount).times(amount).div(charged), c) };
    }
    if (kind === 'CreditMemo') {
      credited.set(row.id, (credited.get(row.id) ?? ZERO).plus(amount));
      if (sourceTax) credited.set(sourceTax.id, (credited.get(sourceTax.id) ?? ZERO).plus(sourceTax.amount));
    }
    specs.push({
      chargeName: row.charge_name,
      sku: row.sku ?? null,
      uom: row.unit_of_measure ?? null,
      quantity: 1,
      unitPrice: amount,
      amount,
      taxRate: sourceTax ? String((taxLine!.row as unknown as Row<'invoice_taxation_items'>).tax_rate) : null,
      recognized: row.recognized_revenue_accounting_code ?? null,
      deferred: row.deferred_revenue_accounting_code ?? null,
      sourceItemType: 'InvoiceDetail',
      sourceItemId: row.id,
      creditFromItemId: kind === 'CreditMemo' ? row.id : null,
      sourceTax,
    });
  }
  return specs;
}

function standaloneSpecs(ds: Dataset, currency: string, charges: CatalogCharge[]): ItemSpec[] {
  return Array.from({ length: ds.rng.int(1, 3) }, () => {
    const ch = ds.rng.pick(charges);
    const { quantity, unitPrice, amount } = chargeLine(ds, ch, currency);
    return {
      chargeName: ch.name,
      sku: ch.sku,
      uom: ch.uom,
      quantity,
      unitPrice,
      amount,
      taxRate: ch.taxRate,
      recognized: ch.recognized,
      deferred: ch.deferred,
      sourceItemType: 'ProductRatePlanCharge',
      sourceItemId: ch.id,
      creditFromItemId: null,
      sourceTax: null,
    };
  });
}

export function buildMemo(
  ds: Dataset,
  account: SeedAccount,
  kind: Kind,
  status: SeedStatus,
  date: string,
  charges: CatalogCharge[],
  opts: { fromInvoice?: Doc; keepOpen?: boolean } = {},
): SeedMemo | null {
  const c = account.currency;
  const inv = opts.fromInvoice;
  const specs = inv ? fromInvoiceSpecs(ds, kind, inv) : standaloneSpecs(ds, c, charges);
  if (specs.length === 0) return null;
  const id = ds.id();
  const created = at(date, ds.rng, 8, 11);
  const tax = TAX_BY_CURRENCY[c];
  const lines: Line[] = [];
  let net = ZERO;
  let taxTotal = ZERO;
  specs.forEach((s, n) => {
    const itemId = ds.id();
    const taxAmount = s.sourceTax
      ? s.sourceTax.amount
      : tax && s.taxRate
        ? roundTo(s.amount.times(s.taxRate), c)
        : ZERO;
    const item: Row<'memo_items'> = {
      id: itemId,
      memo_id: id,
      sort_order: n + 1,
      amount: fx(s.amount, c),
      amount_without_tax: fx(s.amount, c),
      tax_amount: fx(taxAmount, c),
      applied_amount: '0',
      refund_amount: '0',
      balance: fx(s.amount, c),
      quantity: s.quantity,
      unit_price: fx(s.unitPrice, c),
      unit_of_measure: s.uom,
      sku: s.sku,
      sku_name: s.chargeName,
      service_start_date: date,
      service_end_date: addDays(date, 30),
      source_item_type: s.sourceItemType,
      source_item_id: s.sourceItemId,
      credit_from_item_source: s.creditFromItemId ? 'InvoiceItem' : null,
      credit_from_item_id: s.creditFromItemId,
      processing_type: 'Charge',
      tax_mode: 'TaxExclusive',
      description: n === 0 && ds.rng.chance(0.3) ? `Adjustment for ${s.chargeName}` : null,
      recognized_revenue_accounting_code: s.recognized,
      deferred_revenue_accounting_code: s.deferred,
      on_account_accounting_code: kind === 'CreditMemo' ? 'Customer Cash on Account' : null,
      revenue_recognition_rule_name: 'Recognize upon invoicing',
      created_date: created,
      created_by_id: SEED_USER_ID,
      updated_date: created,
      updated_by_id: SEED_USER_ID,
    };
    ds.rows.memo_items.push(item);
    lines.push({ kind: 'item', row: item as Line['row'], itemId, open: s.amount });
    if (taxAmount.gt(0) && tax) {
      const t: Row<'memo_taxation_items'> = {
        id: ds.id(),
        memo_item_id: itemId,
        memo_id: id,
        name: tax.name,
        tax_amount: fx(taxAmount, c),
        applied_amount: '0',
        credit_amount: '0',
        payment_amount: '0',
        refund_amount: '0',
        balance: fx(taxAmount, c),
        exempt_amount: '0',
        jurisdiction: tax.jurisdiction,
        location_code: tax.locationCode,
        source_tax_item_id: s.sourceTax?.id ?? null,
        tax_code: 'STANDARD',
        tax_code_description: 'Standard rate',
        tax_date: date,
        tax_rate: s.taxRate ?? '0',
        tax_rate_description: `${tax.name}`,
        tax_rate_type: 'Percentage',
        sales_tax_payable_accounting_code: 'Sales Tax Payable',
        on_account_accounting_code: kind === 'CreditMemo' ? 'Customer Cash on Account' : null,
        created_date: created,
        created_by_id: SEED_USER_ID,
        updated_date: created,
        updated_by_id: SEED_USER_ID,
      };
      ds.rows.memo_taxation_items.push(t);
      lines.push({ kind: 'tax', row: t as Line['row'], itemId, open: taxAmount });
    }
    net = net.plus(s.amount);
    taxTotal = taxTotal.plus(taxAmount);
  });
  const total = net.plus(taxTotal);
  const posted = status === 'Posted' ? at(date, ds.rng, 12, 17) : null;
  const canceled = status === 'Canceled' ? at(date, ds.rng, 12, 17) : null;
  const reasons = REASON_CODES[kind].filter((r) => r !== 'Write-off');
  const row: Row<'memos'> = {
    id,
    kind,
    number: '',
    account_id: account.id,
    currency: c,
    memo_date: date,
    target_date: null,
    due_date: kind === 'DebitMemo' ? addDays(date, 30) : null,
    status,
    amount: fx(total, c),
    tax_amount: fx(taxTotal, c),
    total_tax_exempt_amount: '0',
    applied_amount: '0',
    refund_amount: '0',
    balance: fx(total, c),
    auto_pay: kind === 'DebitMemo' ? true : null,
    auto_apply_upon_posting: kind === 'CreditMemo' ? false : null,
    exclude_from_auto_apply_rules: kind === 'CreditMemo' ? false : null,
    reversed: false,
    comment: ds.rng.chance(0.4)
      ? ds.rng.pick(['Goodwill adjustment', 'Billing correction', 'Per customer request', 'Service outage credit'])
      : null,
    reason_code: ds.rng.chance(0.6) ? reasons[0] : ds.rng.pick(reasons),
    referred_invoice_id: inv?.id ?? null,
    referred_credit_memo_id: null,
    source: kind === 'CreditMemo' ? (inv ? 'AdhocFromInvoice' : 'AdhocFromPrpc') : null,
    source_id: null,
    source_type: inv ? 'Invoice' : 'Standalone',
    transferred_to_accounting: 'No',
    tax_status: status === 'Error' ? 'Error' : 'Complete',
    tax_message: status === 'Error' ? 'Tax calculation failed: the tax engine did not answer in time.' : null,
    latest_pdf_file_id: null,
    origin: null,
    revenue_impacting: null,
    written_off_memo_id: null,
    bill_to_contact_id: account.billToContactId,
    posted_on: posted,
    posted_by_id: posted ? SEED_USER_ID : null,
    cancelled_on: canceled,
    cancelled_by_id: canceled ? SEED_USER_ID : null,
    created_date: created,
    created_by_id: SEED_USER_ID,
    updated_date: posted ?? canceled ?? created,
    updated_by_id: SEED_USER_ID,
  };
  ds.rows.memos.push(row);
  const doc: SeedMemo = {
    type: kind,
    id,
    accountId: account.id,
    currency: c,
    date,
    row: row as Doc['row'],
    lines,
    status,
    keepOpen: opts.keepOpen ?? false,
    referredInvoice: inv ?? null,
    account,
  };
  ds.docs.set(id, doc);
  return doc;
}

const recent = (ds: Dataset) => addDays(SEED_ANCHOR.last, -ds.rng.int(0, 20));

/** About a dozen memos per account in every status; a few guaranteed open Posted and recent Draft memos. */
export function buildMemos(ds: Dataset, accounts: SeedAccount[], charges: CatalogCharge[]): SeedMemo[] {
  const memos: SeedMemo[] = [];
  const push = (m: SeedMemo | null) => m && memos.push(m);
  accounts.forEach((account, i) => {
    push(buildMemo(ds, account, 'DebitMemo', 'Posted', recent(ds), charges, { keepOpen: true }));
    push(buildMemo(ds, account, 'CreditMemo', 'Posted', recent(ds), charges, { keepOpen: true }));
    push(buildMemo(ds, account, i % 2 ? 'CreditMemo' : 'DebitMemo', 'Draft', recent(ds), charges));
    const count = ds.rng.int(8, 12);
    for (let n = 0; n < count; n++) {
      const kind: Kind = ds.rng.chance(0.5) ? 'CreditMemo' : 'DebitMemo';
      const status = ds.rng.weighted<SeedStatus>([
        ['Draft', 22],
        ['Posted', 60],
        ['Canceled', 10],
        ['Error', 4],
        ['PendingForTax', 4],
      ]);
      const date = addDays(SEED_ANCHOR.first, ds.rng.int(0, SPAN));
      const invoices = account.invoices.filter((d) => d.date <= date);
      const fromInvoice = invoices.length > 0 && ds.rng.chance(0.45) ? ds.rng.pick(invoices) : undefined;
      push(buildMemo(ds, account, kind, status, capDate(date, SEED_ANCHOR.last), charges, { fromInvoice }));
    }
  });
  return memos;
}
