import { sql, type Kysely } from 'kysely';

// Ordered, append-only SQL migrations. One SQL dialect everywhere: PGlite is PostgreSQL in WASM.
// Money columns are numeric (exact); the domain rounds to the currency's decimal places.
export const MIGRATIONS: { name: string; sql: string }[] = [
  {
    name: '001_initial',
    sql: `
create table sandbox_settings (key text primary key, value text not null);

create table sequences (name text primary key, prefix text not null, width int not null, next_value bigint not null);

create table currencies (code text primary key, decimal_places int not null, active boolean not null default true);

create table accounting_codes (
  id text primary key, name text not null unique, type text not null, category text not null,
  status text not null default 'Active', gl_account_name text, gl_account_number text, notes text,
  created_by text, created_on timestamp(0) not null default localtimestamp(0),
  updated_by text, updated_on timestamp(0) not null default localtimestamp(0));

create table reason_codes (
  id text primary key, transaction_type text not null, name text not null,
  is_default boolean not null default false, active boolean not null default true,
  unique (transaction_type, name));

create table accounts (
  id text primary key, account_number text not null unique, name text not null, status text not null default 'Active',
  currency text not null references currencies(code), bill_cycle_day int not null default 1,
  payment_term text not null default 'Net 30', auto_pay boolean not null default false,
  default_payment_method_id text, additional_email_addresses text,
  bill_to_contact_id text, sold_to_contact_id text, notes text,
  created_date timestamp(0) not null default localtimestamp(0), updated_date timestamp(0) not null default localtimestamp(0));
create index accounts_name_idx on accounts (lower(name));

create table contacts (
  id text primary key, account_id text not null references accounts(id), first_name text not null, last_name text not null,
  work_email text, personal_email text, address1 text, address2 text, city text, state text, zip_code text, country text,
  work_phone text);

create table products (
  id text primary key, name text not null, sku text not null, product_number text not null, description text,
  category text, effective_start_date date not null, effective_end_date date not null);

create table product_rate_plans (
  id text primary key, product_id text not null references products(id), name text not null, description text,
  status text not null default 'Active', effective_start_date date not null, effective_end_date date not null,
  product_rate_plan_number text not null);

create table product_rate_plan_charges (
  id text primary key, product_rate_plan_id text not null references product_rate_plans(id),
  name text not null, type text not null, model text not null, description text, uom text,
  default_quantity numeric, taxable boolean not null default false, tax_code text, tax_mode text not null default 'TaxExclusive',
  tax_rate numeric not null default 0, pricing jsonb not null, product_rate_plan_charge_number text not null,
  recognized_revenue_accounting_code text, deferred_revenue_accounting_code text, revenue_recognition_rule_name text);

create table invoices (
  id text primary key, invoice_number text not null unique, account_id text not null references accounts(id),
  invoice_date date not null, due_date date not null, status text not null, currency text not null,
  amount numeric not null, amount_without_tax numeric not null, tax_amount numeric not null, balance numeric not null,
  credit_memo_amount numeric not null default 0, payment_amount numeric not null default 0, refund_amount numeric not null default 0,
  comments text, posted_date timestamp(0),
  created_date timestamp(0) not null default localtimestamp(0), updated_date timestamp(0) not null default localtimestamp(0));
create index invoices_account_idx on invoices (account_id, invoice_date desc);

create table invoice_items (
  id text primary key, invoice_id text not null references invoices(id), sort_order int not null,
  charge_name text not null, charge_type text not null, product_rate_plan_charge_id text, product_name text, sku text,
  charge_amount numeric not null, tax_amount numeric not null, balance numeric not null,
  quantity numeric not null default 1, unit_price numeric not null, unit_of_measure text,
  service_start_date date not null, service_end_date date not null, processing_type text not null default 'Charge',
  tax_mode text not null default 'TaxExclusive', tax_code text, description text,
  recognized_revenue_accounting_code text, deferred_revenue_accounting_code text, revenue_recognition_rule_name text);
create index invoice_items_invoice_idx on invoice_items (invoice_id, sort_order);

create table invoice_taxation_items (
  id text primary key, invoice_item_id text not null references invoice_items(id), invoice_id text not null references invoices(id),
  name text not null, tax_amount numeric not null, balance numeric not null,
  credit_amount numeric not null default 0, payment_amount numeric not null default 0, exempt_amount numeric not null default 0,
  jurisdiction text, location_code text, tax_code text, tax_code_description text, tax_date date, tax_rate numeric not null,
  tax_rate_type text not null default 'Percentage', tax_rate_description text, sales_tax_payable_accounting_code text);
create index invoice_taxation_items_item_idx on invoice_taxation_items (invoice_item_id);

create table payments (
  id text primary key, number text not null unique, account_id text not null references accounts(id),
  amount numeric not null, applied_amount numeric not null default 0, unapplied_amount numeric not null,
  refund_amount numeric not null default 0, currency text not null, effective_date date not null,
  status text not null default 'Processed', type text not null default 'External', payment_method_id text,
  comment text, reference_id text,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text);
create index payments_account_idx on payments (account_id, effective_date);

-- Credit memos and debit memos share one table: same lifecycle, numbering and list queries.
-- CM: applied_amount = applied to invoices/DMs, balance = unapplied amount.
-- DM: applied_amount = beAppliedAmount (payments + CMs applied to it), balance = open balance.
-- Identity (both): amount = applied_amount + refund_amount + balance.
create table memos (
  id text primary key, kind text not null check (kind in ('CreditMemo','DebitMemo')), number text not null,
  account_id text not null references accounts(id), currency text not null, memo_date date not null,
  target_date date, due_date date, status text not null,
  amount numeric not null default 0, tax_amount numeric not null default 0, total_tax_exempt_amount numeric not null default 0,
  applied_amount numeric not null default 0, refund_amount numeric not null default 0, balance numeric not null default 0,
  auto_pay boolean, auto_apply_upon_posting boolean, exclude_from_auto_apply_rules boolean, reversed boolean not null default false,
  comment text, reason_code text, referred_invoice_id text references invoices(id), referred_credit_memo_id text,
  source text, source_id text, source_type text not null, transferred_to_accounting text not null default 'No',
  tax_status text, tax_message text, latest_pdf_file_id text,
  origin text, revenue_impacting boolean, written_off_memo_id text,
  bill_to_contact_id text, custom_fields jsonb not null default '{}'::jsonb,
  posted_on timestamp(0), posted_by_id text, cancelled_on timestamp(0), cancelled_by_id text,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text,
  unique (kind, number));
create index memos_kind_number_idx on memos (kind, number desc);
create index memos_kind_status_number_idx on memos (kind, status, number desc);
create index memos_kind_date_idx on memos (kind, memo_date desc, number desc);
create index memos_account_idx on memos (account_id, kind, status);

create table memo_items (
  id text primary key, memo_id text not null references memos(id) on delete cascade, sort_order int not null,
  amount numeric not null, amount_without_tax numeric not null, tax_amount numeric not null default 0,
  applied_amount numeric not null default 0, refund_amount numeric not null default 0, balance numeric not null,
  quantity numeric, unit_price numeric, unit_of_measure text, sku text, sku_name text not null,
  service_start_date date, service_end_date date, source_item_type text, source_item_id text,
  credit_from_item_source text, credit_from_item_id text, subscription_id text, applied_to_item_id text,
  processing_type text not null default 'Charge', tax_mode text not null default 'TaxExclusive', description text,
  exclude_item_billing_from_revenue_accounting boolean not null default false,
  recognized_revenue_accounting_code text, deferred_revenue_accounting_code text, on_account_accounting_code text,
  revenue_recognition_rule_name text, revenue_schedule_number text, custom_fields jsonb not null default '{}'::jsonb,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text);
create index memo_items_memo_idx on memo_items (memo_id, sort_order);

-- Item-level settlement of a tax line: applied_amount (CM: applied; DM: credit + payment), balance = open.
create table memo_taxation_items (
  id text primary key, memo_item_id text not null references memo_items(id) on delete cascade,
  memo_id text not null references memos(id) on delete cascade,
  name text not null, tax_amount numeric not null, applied_amount numeric not null default 0,
  credit_amount numeric not null default 0, payment_amount numeric not null default 0,
  refund_amount numeric not null default 0, balance numeric not null, exempt_amount numeric not null default 0,
  jurisdiction text, location_code text, source_tax_item_id text, tax_code text, tax_code_description text,
  tax_date date, tax_rate numeric not null default 0, tax_rate_description text, tax_rate_type text not null default 'Percentage',
  sales_tax_payable_accounting_code text, on_account_accounting_code text,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text);
create index memo_taxation_items_item_idx on memo_taxation_items (memo_item_id);

-- One row per (source, target) pair: a credit memo or payment applied to an invoice or debit memo.
create table applications (
  id text primary key, source_type text not null check (source_type in ('CreditMemo','Payment')), source_id text not null,
  target_type text not null check (target_type in ('Invoice','DebitMemo')), target_id text not null,
  amount numeric not null, effective_date date not null,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text,
  unique (source_id, target_id));
create index applications_target_idx on applications (target_id);

-- Item-level detail of an application: which source (tax) item settled which target (tax) item.
create table application_items (
  id text primary key, application_id text not null references applications(id) on delete cascade,
  source_item_id text, source_tax_item_id text, target_item_id text, target_tax_item_id text, amount numeric not null);
create index application_items_app_idx on application_items (application_id);

create table refunds (
  id text primary key, number text not null unique, account_id text not null references accounts(id),
  credit_memo_id text, payment_id text, type text not null, method_type text, amount numeric not null,
  refund_date date not null, status text not null default 'Processed', reason_code text, comment text,
  reference_id text, second_refund_reference_id text, gateway_state text not null default 'NotSubmitted',
  finance_information jsonb not null default '{}'::jsonb, custom_fields jsonb not null default '{}'::jsonb,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text,
  updated_date timestamp(0) not null default localtimestamp(0), updated_by_id text);

create table memo_files (
  id text primary key, memo_id text not null references memos(id) on delete cascade, version_number int not null,
  origin text not null check (origin in ('Generated','Uploaded')), file_name text not null,
  content_type text not null default 'application/pdf', size int not null, content bytea not null,
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text);
create index memo_files_memo_idx on memo_files (memo_id, version_number desc);

create table email_outbox (
  id text primary key, memo_id text not null references memos(id) on delete cascade, to_addresses text not null,
  subject text not null, body text not null, pdf_file_id text, status text not null default 'Queued',
  created_date timestamp(0) not null default localtimestamp(0), created_by_id text);

-- History: one timeline of every event on a memo.
create table memo_events (
  id bigserial primary key, memo_id text not null, event text not null, detail jsonb not null default '{}'::jsonb,
  user_id text, user_name text, created_at timestamp(0) not null default localtimestamp(0));
create index memo_events_memo_idx on memo_events (memo_id, id);

create table idempotency_keys (
  client_id text not null, key text not null, method text not null, path text not null, body_hash text not null,
  state text not null, response_status int, response_body text, response_headers jsonb,
  created_at timestamp(0) not null default localtimestamp(0), primary key (client_id, key));
`,
  },
  {
    // List and lookup paths at 100,000 memos: status + date sorts, account + number order, amount and
    // balance sorts without a full sort, and the reverse lookups of credits, refunds and tax items.
    name: '002_read_indexes',
    sql: `
create index memos_kind_status_date_idx on memos (kind, status, memo_date desc, number desc);
create index memos_kind_account_number_idx on memos (kind, account_id, number desc);
create index memos_kind_amount_idx on memos (kind, amount desc, number desc);
create index memos_kind_balance_idx on memos (kind, balance desc, number desc);
create index memo_items_credit_from_idx on memo_items (credit_from_item_id) where credit_from_item_id is not null;
create index memo_taxation_items_memo_idx on memo_taxation_items (memo_id);
create index memo_taxation_items_source_idx on memo_taxation_items (source_tax_item_id) where source_tax_item_id is not null;
create index refunds_credit_memo_idx on refunds (credit_memo_id);
`,
  },
  {
    // Object Query orders every page by (sort field, id) and continues after a keyset cursor
    // (server/object-query/): its default order (updated date) and the list's memo-date order walk an index
    // and stop at the page, at any depth. Number search matches case-insensitively through lower().
    name: '003_object_query_indexes',
    sql: `
create index memos_kind_date_id_idx on memos (kind, memo_date desc, id desc);
create index memos_kind_updated_id_idx on memos (kind, updated_date desc, id desc);
create index memos_kind_lower_number_idx on memos (kind, lower(number) text_pattern_ops);
`,
  },
];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrate(db: Kysely<any>): Promise<void> {
  await sql`create table if not exists schema_migrations (name text primary key, applied_at timestamp(0) not null default localtimestamp(0))`.execute(
    db,
  );
  const done = new Set(
    (await sql<{ name: string }>`select name from schema_migrations`.execute(db)).rows.map((r) => r.name),
  );
  for (const m of MIGRATIONS) {
    if (done.has(m.name)) continue;
    await db.transaction().execute(async (tx) => {
      // One statement at a time: both drivers run parameterised (extended-protocol) queries.
      for (const statement of m.sql
        .split(/;\s*(?:\n|$)/)
        .map((x) => x.trim())
        .filter(Boolean)) {
        await sql.raw(statement).execute(tx);
      }
      await sql`insert into schema_migrations (name) values (${m.name})`.execute(tx);
    });
  }
}
