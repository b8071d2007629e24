import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { MemoKind } from '../../src/lib/memo-kind.ts';

// Kysely row types for server/db/migrations.ts. Numerics are decimal strings (exact), dates are
// yyyy-mm-dd strings, timestamps are `yyyy-mm-dd hh:mm:ss` strings (see connect.ts parsers).
type Num = ColumnType<string, string | number, string | number>;
type NumDefault = ColumnType<string, string | number | undefined, string | number>;
type Ts = ColumnType<string, string | undefined, string>;
type Json = ColumnType<Record<string, unknown>, string | undefined, string>;

export interface SandboxSettingsTable {
  key: string;
  value: string;
}
export interface SequencesTable {
  name: string;
  prefix: string;
  width: number;
  next_value: number;
}
export interface CurrenciesTable {
  code: string;
  decimal_places: number;
  active: Generated<boolean>;
}

export interface AccountingCodesTable {
  id: string;
  name: string;
  type: string;
  category: string;
  status: Generated<string>;
  gl_account_name: string | null;
  gl_account_number: string | null;
  notes: string | null;
  created_by: string | null;
  created_on: Ts;
  updated_by: string | null;
  updated_on: Ts;
}

export interface ReasonCodesTable {
  id: string;
  transaction_type: string;
  name: string;
  is_default: Generated<boolean>;
  active: Generated<boolean>;
}

export interface AccountsTable {
  id: string;
  account_number: string;
  name: string;
  status: Generated<string>;
  currency: string;
  bill_cycle_day: Generated<number>;
  payment_term: Generated<string>;
  auto_pay: Generated<boolean>;
  default_payment_method_id: string | null;
  additional_email_addresses: string | null;
  bill_to_contact_id: string | null;
  sold_to_contact_id: string | null;
  notes: string | null;
  created_date: Ts;
  updated_date: Ts;
}

export interface ContactsTable {
  id: string;
  account_id: string;
  first_name: string;
  last_name: string;
  work_email: string | null;
  personal_email: string | null;
  address1: string | null;
  address2: string | null;
  city: string | null;
  state: string | null;
  zip_code: string | null;
  country: string | null;
  work_phone: string | null;
}

export interface ProductsTable {
  id: string;
  name: string;
  sku: string;
  product_number: string;
  description: string | null;
  category: string | null;
  effective_start_date: string;
  effective_end_date: string;
}

export interface ProductRatePlansTable {
  id: string;
  product_id: string;
  name: string;
  description: string | null;
  status: Generated<string>;
  effective_start_date: string;
  effective_end_date: string;
  product_rate_plan_number: string;
}

export interface ProductRatePlanChargesTable {
  id: string;
  product_rate_plan_id: string;
  name: string;
  type: string;
  model: string;
  description: string | null;
  uom: string | null;
  default_quantity: Num | null;
  taxable: Generated<boolean>;
  tax_code: string | null;
  tax_mode: Generated<string>;
  tax_rate: NumDefault;
  /** `{ "USD": "100.00", "JPY": "12000" }` list price per currency. */
  pricing: ColumnType<Record<string, string>, string, string>;
  product_rate_plan_charge_number: string;
  recognized_revenue_accounting_code: string | null;
  deferred_revenue_accounting_code: string | null;
  revenue_recognition_rule_name: string | null;
}

export interface InvoicesTable {
  id: string;
  invoice_number: string;
  account_id: string;
  invoice_date: string;
  due_date: string;
  status: string;
  currency: string;
  amount: Num;
  amount_without_tax: Num;
  tax_amount: Num;
  balance: Num;
  credit_memo_amount: NumDefault;
  payment_amount: NumDefault;
  refund_amount: NumDefault;
  comments: string | null;
  posted_date: string | null;
  created_date: Ts;
  updated_date: Ts;
}

export interface InvoiceItemsTable {
  id: string;
  invoice_id: string;
  sort_order: number;
  charge_name: string;
  charge_type: string;
  product_rate_plan_charge_id: string | null;
  product_name: string | null;
  sku: string | null;
  charge_amount: Num;
  tax_amount: Num;
  balance: Num;
  quantity: NumDefault;
  unit_price: Num;
  unit_of_measure: string | null;
  service_start_date: string;
  service_end_date: string;
  processing_type: Generated<string>;
  tax_mode: Generated<string>;
  tax_code: string | null;
  description: string | null;
  recognized_revenue_accounting_code: string | null;
  deferred_revenue_accounting_code: string | null;
  revenue_recognition_rule_name: string | null;
}

export interface InvoiceTaxationItemsTable {
  id: string;
  invoice_item_id: string;
  invoice_id: string;
  name: string;
  tax_amount: Num;
  balance: Num;
  credit_amount: NumDefault;
  payment_amount: NumDefault;
  exempt_amount: NumDefault;
  jurisdiction: string | null;
  location_code: string | null;
  tax_code: string | null;
  tax_code_description: string | null;
  tax_date: string | null;
  tax_rate: Num;
  tax_rate_type: Generated<string>;
  tax_rate_description: string | null;
  sales_tax_payable_accounting_code: string | null;
}

export interface PaymentsTable {
  id: string;
  number: string;
  account_id: string;
  amount: Num;
  applied_amount: NumDefault;
  unapplied_amount: Num;
  refund_amount: NumDefault;
  currency: string;
  effective_date: string;
  status: Generated<string>;
  type: Generated<string>;
  payment_method_id: string | null;
  comment: string | null;
  reference_id: string | null;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export type { MemoKind };

export interface MemosTable {
  id: string;
  kind: MemoKind;
  number: string;
  account_id: string;
  currency: string;
  memo_date: string;
  target_date: string | null;
  due_date: string | null;
  status: string;
  amount: NumDefault;
  tax_amount: NumDefault;
  total_tax_exempt_amount: NumDefault;
  /** CM: applied to invoices/DMs. DM: beAppliedAmount (payments + CMs applied to it). */
  applied_amount: NumDefault;
  refund_amount: NumDefault;
  /** CM: unappliedAmount. DM: open balance. */
  balance: NumDefault;
  auto_pay: boolean | null;
  auto_apply_upon_posting: boolean | null;
  exclude_from_auto_apply_rules: boolean | null;
  reversed: Generated<boolean>;
  comment: string | null;
  reason_code: string | null;
  referred_invoice_id: string | null;
  referred_credit_memo_id: string | null;
  source: string | null;
  source_id: string | null;
  source_type: string;
  transferred_to_accounting: Generated<string>;
  tax_status: string | null;
  tax_message: string | null;
  latest_pdf_file_id: string | null;
  /** Why the sandbox generated this memo: 'DebitMemoWriteOff' | 'CreditMemoWriteOff' | 'Reversal' | null. */
  origin: string | null;
  revenue_impacting: boolean | null;
  written_off_memo_id: string | null;
  bill_to_contact_id: string | null;
  custom_fields: Json;
  posted_on: string | null;
  posted_by_id: string | null;
  cancelled_on: string | null;
  cancelled_by_id: string | null;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export interface MemoItemsTable {
  id: string;
  memo_id: string;
  sort_order: number;
  amount: Num;
  amount_without_tax: Num;
  tax_amount: NumDefault;
  applied_amount: NumDefault;
  refund_amount: NumDefault;
  balance: Num;
  quantity: Num | null;
  unit_price: Num | null;
  unit_of_measure: string | null;
  sku: string | null;
  sku_name: string;
  service_start_date: string | null;
  service_end_date: string | null;
  source_item_type: string | null;
  source_item_id: string | null;
  credit_from_item_source: string | null;
  credit_from_item_id: string | null;
  subscription_id: string | null;
  applied_to_item_id: string | null;
  processing_type: Generated<string>;
  tax_mode: Generated<string>;
  description: string | null;
  exclude_item_billing_from_revenue_accounting: Generated<boolean>;
  recognized_revenue_accounting_code: string | null;
  deferred_revenue_accounting_code: string | null;
  on_account_accounting_code: string | null;
  revenue_recognition_rule_name: string | null;
  revenue_schedule_number: string | null;
  custom_fields: Json;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export interface MemoTaxationItemsTable {
  id: string;
  memo_item_id: string;
  memo_id: string;
  name: string;
  tax_amount: Num;
  applied_amount: NumDefault;
  credit_amount: NumDefault;
  payment_amount: NumDefault;
  refund_amount: NumDefault;
  balance: Num;
  exempt_amount: NumDefault;
  jurisdiction: string | null;
  location_code: string | null;
  source_tax_item_id: string | null;
  tax_code: string | null;
  tax_code_description: string | null;
  tax_date: string | null;
  tax_rate: NumDefault;
  tax_rate_description: string | null;
  tax_rate_type: Generated<string>;
  sales_tax_payable_accounting_code: string | null;
  on_account_accounting_code: string | null;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export interface ApplicationsTable {
  id: string;
  source_type: 'CreditMemo' | 'Payment';
  source_id: string;
  target_type: 'Invoice' | 'DebitMemo';
  target_id: string;
  amount: Num;
  effective_date: string;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export interface ApplicationItemsTable {
  id: string;
  application_id: string;
  source_item_id: string | null;
  source_tax_item_id: string | null;
  target_item_id: string | null;
  target_tax_item_id: string | null;
  amount: Num;
}

export interface RefundsTable {
  id: string;
  number: string;
  account_id: string;
  credit_memo_id: string | null;
  payment_id: string | null;
  type: string;
  method_type: string | null;
  amount: Num;
  refund_date: string;
  status: Generated<string>;
  reason_code: string | null;
  comment: string | null;
  reference_id: string | null;
  second_refund_reference_id: string | null;
  gateway_state: Generated<string>;
  finance_information: Json;
  custom_fields: Json;
  created_date: Ts;
  created_by_id: string | null;
  updated_date: Ts;
  updated_by_id: string | null;
}

export interface MemoFilesTable {
  id: string;
  memo_id: string;
  version_number: number;
  origin: 'Generated' | 'Uploaded';
  file_name: string;
  content_type: Generated<string>;
  size: number;
  content: Uint8Array;
  created_date: Ts;
  created_by_id: string | null;
}

export interface EmailOutboxTable {
  id: string;
  memo_id: string;
  to_addresses: string;
  subject: string;
  body: string;
  pdf_file_id: string | null;
  status: Generated<string>;
  created_date: Ts;
  created_by_id: string | null;
}

export interface MemoEventsTable {
  id: Generated<number>;
  memo_id: string;
  event: string;
  detail: Json;
  user_id: string | null;
  user_name: string | null;
  created_at: Ts;
}

export interface IdempotencyKeysTable {
  client_id: string;
  key: string;
  method: string;
  path: string;
  body_hash: string;
  state: 'InProgress' | 'Done';
  response_status: number | null;
  response_body: string | null;
  response_headers: ColumnType<Record<string, string> | null, string | null, string | null>;
  created_at: Ts;
}

export interface DB {
  sandbox_settings: SandboxSettingsTable;
  sequences: SequencesTable;
  currencies: CurrenciesTable;
  accounting_codes: AccountingCodesTable;
  reason_codes: ReasonCodesTable;
  accounts: AccountsTable;
  contacts: ContactsTable;
  products: ProductsTable;
  product_rate_plans: ProductRatePlansTable;
  product_rate_plan_charges: ProductRatePlanChargesTable;
  invoices: InvoicesTable;
  invoice_items: InvoiceItemsTable;
  invoice_taxation_items: InvoiceTaxationItemsTable;
  payments: PaymentsTable;
  memos: MemosTable;
  memo_items: MemoItemsTable;
  memo_taxation_items: MemoTaxationItemsTable;
  applications: ApplicationsTable;
  application_items: ApplicationItemsTable;
  refunds: RefundsTable;
  memo_files: MemoFilesTable;
  email_outbox: EmailOutboxTable;
  memo_events: MemoEventsTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type MemoRow = Selectable<MemosTable>;
export type NewMemo = Insertable<MemosTable>;
export type MemoUpdate = Updateable<MemosTable>;
export type MemoItemRow = Selectable<MemoItemsTable>;
export type MemoTaxationItemRow = Selectable<MemoTaxationItemsTable>;
