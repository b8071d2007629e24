import { sql } from 'kysely';
import type { Database } from '../db/connect.ts';

// The balance identities every write must keep, checked over the whole database in SQL (exact numeric
// arithmetic). Used by the seed tests, the settlement tests and the soak: an empty list means consistent.
//
// Conventions (see server/db/migrations.ts):
// - memo: amount = applied_amount + refund_amount + balance; the header equals the sums of its items
//   (charge part, tax-exclusive) and taxation items; Draft/Canceled memos have nothing applied or refunded.
// - CM applied_amount = Σ its applications; DM applied_amount = Σ applications to it; CM refund_amount = Σ refunds.
// - invoice: amount = amount_without_tax + tax_amount = payment_amount + credit_memo_amount + balance,
//   balance = Σ item balances (charge part) + Σ taxation-item balances.
// - payment: amount = applied_amount + unapplied_amount + refund_amount; applied_amount = Σ its applications.

export interface Violation {
  rule: string;
  id: string;
  detail: string;
}

const CHECKS: { rule: string; query: string }[] = [
  {
    rule: 'memo amount = applied + refunded + balance',
    query: `
    select id, concat(number, ': ', amount, ' <> ', applied_amount, ' + ', refund_amount, ' + ', balance) as detail
    from memos where amount <> applied_amount + refund_amount + balance`,
  },
  {
    rule: 'memo amounts are not negative',
    query: `
    select id, concat(number, ': applied ', applied_amount, ' refunded ', refund_amount, ' balance ', balance) as detail
    from memos where applied_amount < 0 or refund_amount < 0 or balance < 0`,
  },
  {
    rule: 'Draft/Canceled memos have nothing applied or refunded',
    query: `
    select id, concat(number, ' (', status, '): applied ', applied_amount, ' refunded ', refund_amount) as detail
    from memos where status in ('Draft', 'Canceled') and (applied_amount <> 0 or refund_amount <> 0)`,
  },
  {
    rule: 'memo header = sum of items and taxation items',
    query: `
    with i as (select memo_id, sum(amount) a, sum(applied_amount) ap, sum(refund_amount) r, sum(balance) b from memo_items group by memo_id),
         t as (select memo_id, sum(tax_amount) a, sum(applied_amount) ap, sum(refund_amount) r, sum(balance) b from memo_taxation_items group by memo_id)
    select m.id, concat(m.number, ': amount ', m.amount, '/', coalesce(i.a,0) + coalesce(t.a,0), ' tax ', m.tax_amount, '/', coalesce(t.a,0),
      ' applied ', m.applied_amount, '/', coalesce(i.ap,0) + coalesce(t.ap,0), ' refunded ', m.refund_amount, '/', coalesce(i.r,0) + coalesce(t.r,0),
      ' balance ', m.balance, '/', coalesce(i.b,0) + coalesce(t.b,0)) as detail
    from memos m join i on i.memo_id = m.id left join t on t.memo_id = m.id
    where m.amount <> i.a + coalesce(t.a,0) or m.tax_amount <> coalesce(t.a,0) or m.applied_amount <> i.ap + coalesce(t.ap,0)
       or m.refund_amount <> i.r + coalesce(t.r,0) or m.balance <> i.b + coalesce(t.b,0)`,
  },
  {
    rule: 'memo item amount = applied + refunded + balance, tax = sum of its taxation items',
    query: `
    select i.id, concat('item of ', i.memo_id, ': ', i.amount, ' <> ', i.applied_amount, ' + ', i.refund_amount, ' + ', i.balance,
      ' or tax ', i.tax_amount, ' <> ', coalesce(t.s, 0)) as detail
    from memo_items i left join (select memo_item_id, sum(tax_amount) s from memo_taxation_items group by memo_item_id) t on t.memo_item_id = i.id
    where i.amount <> i.applied_amount + i.refund_amount + i.balance or i.balance < 0 or i.tax_amount <> coalesce(t.s, 0)`,
  },
  {
    rule: 'memo taxation item tax = applied + refunded + balance (DM: applied = credit + payment)',
    query: `
    select t.id, concat('tax item of ', t.memo_id, ': ', t.tax_amount, ' <> ', t.applied_amount, ' + ', t.refund_amount, ' + ', t.balance) as detail
    from memo_taxation_items t join memos m on m.id = t.memo_id
    where t.tax_amount <> t.applied_amount + t.refund_amount + t.balance or t.balance < 0
       or (m.kind = 'DebitMemo' and t.applied_amount <> t.credit_amount + t.payment_amount)`,
  },
  {
    rule: 'CM applied amount = sum of its applications',
    query: `
    select m.id, concat(m.number, ': ', m.applied_amount, ' <> ', coalesce(a.s, 0)) as detail
    from memos m left join (select source_id, sum(amount) s from applications group by source_id) a on a.source_id = m.id
    where m.kind = 'CreditMemo' and m.applied_amount <> coalesce(a.s, 0)`,
  },
  {
    rule: 'DM applied amount = sum of applications to it',
    query: `
    select m.id, concat(m.number, ': ', m.applied_amount, ' <> ', coalesce(a.s, 0)) as detail
    from memos m left join (select target_id, sum(amount) s from applications group by target_id) a on a.target_id = m.id
    where m.kind = 'DebitMemo' and m.applied_amount <> coalesce(a.s, 0)`,
  },
  {
    rule: 'CM refund amount = sum of its processed refunds',
    query: `
    select m.id, concat(m.number, ': ', m.refund_amount, ' <> ', coalesce(r.s, 0)) as detail
    from memos m left join (select credit_memo_id, sum(amount) s from refunds where status = 'Processed' group by credit_memo_id) r on r.credit_memo_id = m.id
    where m.kind = 'CreditMemo' and m.refund_amount <> coalesce(r.s, 0)`,
  },
  {
    rule: 'application amount = sum of its application items, and positive',
    query: `
    select a.id, concat(a.source_type, ' ', a.source_id, ' -> ', a.target_type, ' ', a.target_id, ': ', a.amount, ' <> ', coalesce(i.s, 0)) as detail
    from applications a left join (select application_id, sum(amount) s from application_items group by application_id) i on i.application_id = a.id
    where a.amount <> coalesce(i.s, 0) or a.amount <= 0`,
  },
  {
    rule: 'invoice amount = without tax + tax = payments + credits + balance',
    query: `
    select id, concat(invoice_number, ': ', amount, ' / ', amount_without_tax, ' + ', tax_amount, ' / ', payment_amount, ' + ', credit_memo_amount, ' + ', balance) as detail
    from invoices where amount <> amount_without_tax + tax_amount or amount <> payment_amount + credit_memo_amount + balance or balance < 0`,
  },
  {
    rule: 'invoice balance = item and taxation item balances; payments and credits = applications',
    query: `
    with i as (select invoice_id, sum(balance) b from invoice_items group by invoice_id),
         t as (select invoice_id, sum(balance) b from invoice_taxation_items group by invoice_id),
         p as (select target_id, sum(amount) filter (where source_type = 'Payment') pay, sum(amount) filter (where source_type = 'CreditMemo') cm
               from applications where target_type = 'Invoice' group by target_id)
    select v.id, concat(v.invoice_number, ': balance ', v.balance, '/', coalesce(i.b,0) + coalesce(t.b,0), ' payments ', v.payment_amount, '/',
      coalesce(p.pay,0), ' credits ', v.credit_memo_amount, '/', coalesce(p.cm,0)) as detail
    from invoices v left join i on i.invoice_id = v.id left join t on t.invoice_id = v.id left join p on p.target_id = v.id
    where v.balance <> coalesce(i.b,0) + coalesce(t.b,0) or v.payment_amount <> coalesce(p.pay,0) or v.credit_memo_amount <> coalesce(p.cm,0)`,
  },
  {
    rule: 'payment amount = applied + unapplied + refunded; applied = sum of its applications',
    query: `
    select y.id, concat(y.number, ': ', y.amount, ' / ', y.applied_amount, ' + ', y.unapplied_amount, ' + ', y.refund_amount, ' applications ', coalesce(a.s,0)) as detail
    from payments y left join (select source_id, sum(amount) s from applications where source_type = 'Payment' group by source_id) a on a.source_id = y.id
    where y.amount <> y.applied_amount + y.unapplied_amount + y.refund_amount or y.unapplied_amount < 0 or y.applied_amount <> coalesce(a.s, 0)`,
  },
];

/** Every broken balance identity in the database (at most 20 per rule). Empty when consistent. */
export async function auditInvariants(db: Database): Promise<Violation[]> {
  const out: Violation[] = [];
  for (const check of CHECKS) {
    const res = await sql<{ id: string; detail: string }>`${sql.raw(check.query)} limit 20`.execute(db);
    for (const r of res.rows) out.push({ rule: check.rule, id: r.id, detail: r.detail });
  }
  return out;
}
