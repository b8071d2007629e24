import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';

// The `large` preset tops the demo dataset up to LARGE_MEMO_COUNT memos with set-based INSERT ... SELECT
// over generate_series: deterministic (every value is a function of the row number), one item per
// memo, no history events, and fast enough on PGlite (a JS row loop would take minutes).

export const LARGE_MEMO_COUNT = 100_000;
const BATCH = 25_000;

export async function topUpLarge(db: Database, total = LARGE_MEMO_COUNT): Promise<void> {
  const existing = Number((await sql<{ n: string }>`select count(*) as n from memos`.execute(db)).rows[0].n);
  const charge = await sql<{
    id: string;
  }>`select id from product_rate_plan_charges where name = 'Platform Fee'`.execute(db);
  const chargeId = charge.rows[0]?.id ?? null;
  const perKind = Math.ceil(Math.max(0, total - existing) / 2);
  for (const [kind, prefix] of [
    ['CreditMemo', 'CM'],
    ['DebitMemo', 'DM'],
  ] as const) {
    const seq = await sql<{ next_value: string }>`select next_value from sequences where name = ${kind}`.execute(db);
    const start = Number(seq.rows[0].next_value);
    for (let from = 0; from < perKind; from += BATCH) {
      const to = Math.min(perKind, from + BATCH) - 1;
      await insertBatch(db, kind, prefix, start, from, to);
    }
    await sql`update sequences set next_value = ${start + perKind} where name = ${kind}`.execute(db);
  }
  await sql`insert into memo_items (id, memo_id, sort_order, amount, amount_without_tax, tax_amount, applied_amount, refund_amount,
      balance, quantity, unit_price, unit_of_measure, sku, sku_name, service_start_date, service_end_date, source_item_type, source_item_id,
      processing_type, tax_mode, recognized_revenue_accounting_code, deferred_revenue_accounting_code, on_account_accounting_code,
      revenue_recognition_rule_name, created_date, created_by_id, updated_date, updated_by_id)
    select md5('item-' || m.id), m.id, 1, m.amount, m.amount, 0, m.applied_amount, m.refund_amount, m.balance, 1, m.amount, null,
      'SKU-PLATFORM', 'Platform Fee', m.memo_date, m.memo_date + 30, 'ProductRatePlanCharge', ${chargeId}, 'Charge', 'TaxExclusive',
      'Subscription Revenue', 'Deferred Revenue', case when m.kind = 'CreditMemo' then 'Customer Cash on Account' end,
      'Recognize upon invoicing', m.created_date, m.created_by_id, m.created_date, m.created_by_id
    from memos m where not exists (select 1 from memo_items i where i.memo_id = m.id)`.execute(db);
  await sql`analyze`.execute(db);
}

async function insertBatch(
  db: Database,
  kind: 'CreditMemo' | 'DebitMemo',
  prefix: string,
  start: number,
  from: number,
  to: number,
) {
  const isCm = kind === 'CreditMemo';
  await sql`
    with acc as (
      select id, currency, bill_to_contact_id, (row_number() over (order by account_number))::int - 1 as idx,
             count(*) over ()::int as n from accounts),
    gen as (
      select g, date '2026-01-01' + ((g * 7919) % 324)::int as memo_date, (g * 31) % 20 as bucket,
             ((g * 104729) % 99000 + 1000)::numeric / 100 as base
      from generate_series(${from}::bigint, ${to}::bigint) g),
    rows as (
      select gen.*, acc.id as account_id, acc.currency, acc.bill_to_contact_id,
             case when bucket < 5 then 'Draft' when bucket < 18 then 'Posted' else 'Canceled' end as status,
             round(base * case acc.currency when 'JPY' then 150 when 'KWD' then 0.307 when 'EUR' then 0.9 when 'GBP' then 0.8
                                             when 'CAD' then 1.35 else 1 end, cu.decimal_places) as amount
      from gen join acc on acc.idx = (gen.g % acc.n)::int join currencies cu on cu.code = acc.currency)
    insert into memos (id, kind, number, account_id, currency, memo_date, due_date, status, amount, tax_amount, applied_amount,
      refund_amount, balance, auto_pay, auto_apply_upon_posting, exclude_from_auto_apply_rules, reason_code, source, source_type,
      tax_status, bill_to_contact_id, posted_on, posted_by_id, cancelled_on, cancelled_by_id, created_date, created_by_id,
      updated_date, updated_by_id)
    select md5(${kind} || '-large-' || g), ${kind}, ${prefix} || lpad((${start}::int + g)::text, 8, '0'), account_id, currency, memo_date,
      case when ${isCm} then null else memo_date + 30 end, status, amount, 0, 0, 0, amount,
      case when ${isCm} then null else true end, case when ${isCm} then false end, case when ${isCm} then false end,
      'Correcting Invoice Error', case when ${isCm} then 'AdhocFromPrpc' end, 'Standalone', 'Complete', bill_to_contact_id,
      case when status = 'Posted' then memo_date + time '14:00:00' end, case when status = 'Posted' then 'a0000000000000000000000000000001' end,
      case when status = 'Canceled' then memo_date + time '15:00:00' end, case when status = 'Canceled' then 'a0000000000000000000000000000001' end,
      memo_date + time '09:00:00', 'a0000000000000000000000000000001', memo_date + time '14:00:00', 'a0000000000000000000000000000001'
    from rows`.execute(db);
}
