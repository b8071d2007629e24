import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Harness } from './harness.ts';

// Test helpers for the memo write endpoints: pick rows of the demo seed by their meaning, and take a
// snapshot of everything a memo write could change, to prove a refused request changed nothing.

export async function fixtures(h: Harness) {
  const db = h.conn.db;
  const accounts = await db.selectFrom('accounts').selectAll().orderBy('account_number').execute();
  const usd = accounts.find((a) => a.currency === 'USD')!;
  const jpy = accounts.find((a) => a.currency === 'JPY')!;
  const charges = await db.selectFrom('product_rate_plan_charges').selectAll().execute();
  const byName = (name: string) => charges.find((c) => c.name === name)!;
  // A posted USD invoice with a taxed item that no credit memo has credited yet.
  const fresh = await db
    .selectFrom('invoice_items as ii')
    .innerJoin('invoices as inv', 'inv.id', 'ii.invoice_id')
    .select(['ii.id', 'ii.invoice_id'])
    .where('inv.status', '=', 'Posted')
    .where('inv.account_id', '=', usd.id)
    .where((eb) =>
      eb.exists(
        eb.selectFrom('invoice_taxation_items as t').select('t.id').whereRef('t.invoice_item_id', '=', 'ii.id'),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('memo_items as mi').select('mi.id').whereRef('mi.credit_from_item_id', '=', 'ii.id')),
      ),
    )
    .orderBy('inv.invoice_number')
    .executeTakeFirstOrThrow();
  const invoice = await db
    .selectFrom('invoices')
    .selectAll()
    .where('id', '=', fresh.invoice_id)
    .executeTakeFirstOrThrow();
  const invoiceItems = await db
    .selectFrom('invoice_items')
    .selectAll()
    .where('invoice_id', '=', invoice.id)
    .orderBy('sort_order')
    .execute();
  const taxedItem = fresh.id;
  return {
    usd,
    jpy,
    taxable: byName('Platform Fee'), // FlatFee, 8.25 % tax
    perUnit: byName('Additional Seats'),
    usage: byName('API Calls'),
    untaxed: byName('Enterprise Licence'),
    discount: byName('Launch Discount'),
    invoice,
    invoiceItems,
    taxedItem: invoiceItems.find((i) => i.id === taxedItem)!,
  };
}

/** Counts and money totals of every table a memo write touches. */
export async function snapshot(h: Harness) {
  const { rows } = await sql<Record<string, string>>`select
      (select count(*) from memos)::text as memos,
      (select coalesce(sum(amount), 0)::text from memos) as memo_amount,
      (select coalesce(sum(balance), 0)::text from memos) as memo_balance,
      (select string_agg(status, ',' order by id) from memos) as statuses,
      (select count(*) from memo_items)::text as items,
      (select coalesce(sum(amount), 0)::text from memo_items) as item_amount,
      (select count(*) from memo_taxation_items)::text as taxes,
      (select coalesce(sum(tax_amount), 0)::text from memo_taxation_items) as tax_amount,
      (select count(*) from memo_events)::text as events,
      (select max(updated_date)::text from memos) as updated,
      (select coalesce(sum(next_value), 0)::text from sequences) as sequences`.execute(h.conn.db);
  return rows[0];
}

/** Sends a request that must be refused with `category` and asserts the database did not change. */
export async function expectRefused(
  h: Harness,
  method: string,
  path: string,
  body: unknown,
  category: number,
  opts: { role?: 'admin' | 'clerk' | 'viewer'; message?: RegExp } = {},
) {
  const before = await snapshot(h);
  const res = await h.call(method, path, body, { role: opts.role });
  expect(res.body, JSON.stringify(res.body)).toMatchObject({ success: false });
  expect(res.body.reasons[0].code % 100, JSON.stringify(res.body.reasons)).toBe(category);
  expect(res.status).toBeGreaterThanOrEqual(400);
  if (opts.message) expect(res.body.reasons[0].message).toMatch(opts.message);
  expect(await snapshot(h)).toEqual(before);
  return res;
}
