import { sql } from 'kysely';
import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import { ruleViolation } from '../errors.ts';
import { allocate, money, sum, type Money } from '../../src/lib/money.ts';
import { newId } from './ids.ts';

// THE settlement mechanism, shared by write-off, apply/unapply, refund, reverse, collect and payment
// apply: which lines move, by how much, and the balance updates of lines, headers, applications.
// The transaction they run in: server/db/transaction.ts (runWrite); their lock order: settlement-locks.ts.
//
// Line convention: a document's settleable lines are its items (their own amount, WITHOUT their
// taxation items) and its taxation items. Every line keeps `amount = applied + refund + balance`, and
// the header's balance is the sum of its line balances. Header-level amounts are spread over a
// document's open lines in proportion to their open balances (`allocate()`, largest remainder in the
// currency's smallest unit); a source's portions are then paired with a target's portions in document
// order (items, each followed by its taxation items), so every application item moves one source line
// onto one target line.

export type LineKind = 'item' | 'tax';
/** One settleable line: an item (`id` = item id) or a taxation item (`id` = tax id, `itemId` its item). */
export interface Line {
  kind: LineKind;
  id: string;
  itemId: string;
  balance: Money;
}
export interface Portion {
  line: Line;
  amount: Money;
}
/** One application item to move: a source line (null for a payment, which has no lines) onto a target line. */
export interface Pair {
  source: Line | null;
  target: Line;
  amount: Money;
  /** Unapply: the application item this pair reduces. */
  applicationItemId?: string;
}

export type SourceDoc = { type: 'CreditMemo' | 'Payment'; id: string };
export type TargetDoc = { type: 'DebitMemo' | 'Invoice'; id: string };

// ------------------------------------------------------------------------------------------ lines

function group(
  items: { id: string; balance: string }[],
  taxes: { id: string; item: string; balance: string }[],
): Line[] {
  const byItem = new Map<string, Line[]>();
  for (const t of taxes) {
    const list = byItem.get(t.item) ?? [];
    list.push({ kind: 'tax', id: t.id, itemId: t.item, balance: money(t.balance) });
    byItem.set(t.item, list);
  }
  return items.flatMap((i) => [
    { kind: 'item' as const, id: i.id, itemId: i.id, balance: money(i.balance) },
    ...(byItem.get(i.id) ?? []),
  ]);
}

/** A memo's lines in document order, locked (the header must already be locked by the caller). */
export async function memoLines(tx: Tx, memoId: string): Promise<Line[]> {
  const items = await tx
    .selectFrom('memo_items')
    .select(['id', 'balance'])
    .where('memo_id', '=', memoId)
    .orderBy('sort_order')
    .orderBy('id')
    .forUpdate()
    .execute();
  const taxes = await tx
    .selectFrom('memo_taxation_items')
    .select(['id', 'memo_item_id as item', 'balance'])
    .where('memo_id', '=', memoId)
    .orderBy('created_date')
    .orderBy('id')
    .forUpdate()
    .execute();
  return group(items, taxes);
}

export async function invoiceLines(tx: Tx, invoiceId: string): Promise<Line[]> {
  const items = await tx
    .selectFrom('invoice_items')
    .select(['id', 'balance'])
    .where('invoice_id', '=', invoiceId)
    .orderBy('sort_order')
    .orderBy('id')
    .forUpdate()
    .execute();
  const taxes = await tx
    .selectFrom('invoice_taxation_items')
    .select(['id', 'invoice_item_id as item', 'balance'])
    .where('invoice_id', '=', invoiceId)
    .orderBy('id')
    .forUpdate()
    .execute();
  return group(items, taxes);
}

/**
 * The open balances of a set of lines while one request draws on them: several targets of one apply
 * draw from the same credit memo lines, so each draw sees what the previous ones left.
 */
export class LineBook {
  readonly lines: Line[];
  readonly #left = new Map<string, Money>();
  constructor(
    lines: Line[],
    readonly what: string,
  ) {
    this.lines = lines;
    for (const l of lines) this.#left.set(l.id, l.balance);
  }
  find(kind: LineKind, id: string): Line | undefined {
    return this.lines.find((l) => l.kind === kind && l.id === id);
  }
  left(line: Line): Money {
    return this.#left.get(line.id)!;
  }
  total(): Money {
    return sum(this.#left.values());
  }
  /** Spreads `amount` over the open lines in proportion to what they have left. */
  spread(amount: Money, currency: string): Portion[] {
    const open = this.lines.filter((l) => this.left(l).gt(0));
    const available = sum(open.map((l) => this.left(l)));
    if (amount.gt(available))
      throw ruleViolation(
        `The amount ${amount.toString()} exceeds the open balance ${available.toString()} of the ${this.what}.`,
      );
    const parts = allocate(
      amount,
      open.map((l) => this.left(l)),
      currency,
    );
    const out = open.map((line, i) => ({ line, amount: parts[i] })).filter((p) => p.amount.gt(0));
    for (const p of out) this.#left.set(p.line.id, this.left(p.line).minus(p.amount));
    return out;
  }
  /** Takes an explicit amount from one line (item-level request). */
  take(line: Line, amount: Money): Portion {
    if (amount.gt(this.left(line))) {
      throw ruleViolation(
        `The amount ${amount.toString()} exceeds the open balance ${this.left(line).toString()} of ${line.kind === 'tax' ? 'taxation item' : 'item'} ${line.id} of the ${this.what}.`,
      );
    }
    this.#left.set(line.id, this.left(line).minus(amount));
    return { line, amount };
  }
}

/**
 * Pairs source portions with target portions in order (each step moves the smaller of the two
 * remainders), so every line receives exactly its portion on both sides. Sources may be absent (payments).
 */
export function pairUp(sources: Portion[] | null, targets: Portion[]): Pair[] {
  if (!sources)
    return targets.filter((t) => t.amount.gt(0)).map((t) => ({ source: null, target: t.line, amount: t.amount }));
  const pairs: Pair[] = [];
  const src = sources.map((s) => ({ ...s }));
  const tgt = targets.map((t) => ({ ...t }));
  let i = 0;
  let j = 0;
  while (i < src.length && j < tgt.length) {
    const step = src[i].amount.lt(tgt[j].amount) ? src[i].amount : tgt[j].amount;
    if (step.gt(0)) pairs.push({ source: src[i].line, target: tgt[j].line, amount: step });
    src[i].amount = src[i].amount.minus(step);
    tgt[j].amount = tgt[j].amount.minus(step);
    if (src[i].amount.eq(0)) i++;
    if (tgt[j].amount.eq(0)) j++;
  }
  if (i < src.length || j < tgt.length)
    throw new Error('pairUp: source and target portions do not sum to the same amount');
  return pairs;
}

// ------------------------------------------------------------------------------------------ updates

type LineTable = 'memo_items' | 'memo_taxation_items' | 'invoice_items' | 'invoice_taxation_items';
type HeaderTable = 'memos' | 'invoices' | 'payments';
type Changes = Record<string, 1 | -1>;
const HAS_UPDATED_DATE = new Set(['memo_items', 'memo_taxation_items', 'memos', 'payments']);

function deltasOf(pairs: Pair[], pick: (p: Pair) => Line | null, kind: LineKind): Map<string, Money> {
  const out = new Map<string, Money>();
  for (const p of pairs) {
    const line = pick(p);
    if (!line || line.kind !== kind) continue;
    out.set(line.id, (out.get(line.id) ?? money(0)).plus(p.amount));
  }
  return out;
}

function setClause(changes: Changes, alias: string, value: ReturnType<typeof sql>) {
  return Object.entries(changes).map(
    ([col, sign]) => sql`${sql.ref(col)} = ${sql.ref(`${alias}.${col}`)} ${sign > 0 ? sql`+` : sql`-`} ${value}`,
  );
}

/**
 * Adds `sign × amount` to each named column of each line in one statement, and refuses (category 30,
 * rolled back by the caller's transaction) if any of them would go negative.
 */
export async function bumpLines(
  tx: Tx,
  table: LineTable,
  deltas: Map<string, Money>,
  changes: Changes,
  caller?: Caller | null,
): Promise<void> {
  if (deltas.size === 0) return;
  const values = sql.join([...deltas].map(([id, amt]) => sql`(${id}, ${amt.toString()}::numeric)`));
  const sets = setClause(changes, 't', sql`v.amt`);
  if (HAS_UPDATED_DATE.has(table))
    sets.push(sql`updated_date = localtimestamp(0)`, sql`updated_by_id = ${caller?.userId ?? null}`);
  const cols = Object.keys(changes);
  const rows = await sql<Record<string, string>>`
    update ${sql.table(table)} as t set ${sql.join(sets)}
    from (values ${values}) as v(id, amt) where t.id = v.id
    returning t.id, ${sql.join(cols.map((c) => sql.ref(`t.${c}`)))}`.execute(tx);
  if (rows.rows.length !== deltas.size) throw new Error(`bumpLines: ${table} lines not found`);
  for (const r of rows.rows) {
    for (const c of cols)
      if (money(r[c]).lt(0))
        throw ruleViolation(`The operation would make the ${c.replace(/_/g, ' ')} of line ${r.id} negative.`);
  }
}

export async function bumpRow(
  tx: Tx,
  table: HeaderTable,
  id: string,
  amount: Money,
  changes: Changes,
  caller?: Caller | null,
): Promise<void> {
  const sets = setClause(changes, table, sql`${amount.toString()}::numeric`);
  if (HAS_UPDATED_DATE.has(table))
    sets.push(sql`updated_date = localtimestamp(0)`, sql`updated_by_id = ${caller?.userId ?? null}`);
  const cols = Object.keys(changes);
  const rows = await sql<Record<string, string>>`
    update ${sql.table(table)} set ${sql.join(sets)} where id = ${id}
    returning ${sql.join(cols.map((c) => sql.ref(c)))}`.execute(tx);
  if (rows.rows.length !== 1) throw new Error(`bumpRow: ${table} ${id} not found`);
  for (const c of cols)
    if (money(rows.rows[0][c]).lt(0))
      throw ruleViolation(`The operation would make the ${c.replace(/_/g, ' ')} of ${id} negative.`);
}

export interface SettleInput {
  source: SourceDoc;
  target: TargetDoc;
  pairs: Pair[];
  effectiveDate: string;
  caller: Caller | null;
  /** 1 = apply, -1 = unapply. */
  direction: 1 | -1;
}

/**
 * Moves the pairs' amounts from the source onto the target: source and target lines and headers,
 * the invoice's credit/payment totals, the (source, target) application and its items. The caller
 * holds the locks on both documents and validated the request; any negative balance still refuses.
 */
export async function settle(tx: Tx, input: SettleInput): Promise<Money> {
  const { source, target, pairs, caller } = input;
  const s = input.direction;
  const n = -s as 1 | -1;
  const total = sum(pairs.map((p) => p.amount));
  if (total.eq(0)) return total;
  const fromCredit = source.type === 'CreditMemo';

  if (fromCredit) {
    await bumpLines(
      tx,
      'memo_items',
      deltasOf(pairs, (p) => p.source, 'item'),
      { applied_amount: s, balance: n },
      caller,
    );
    await bumpLines(
      tx,
      'memo_taxation_items',
      deltasOf(pairs, (p) => p.source, 'tax'),
      { applied_amount: s, balance: n },
      caller,
    );
    await bumpRow(tx, 'memos', source.id, total, { applied_amount: s, balance: n }, caller);
  } else {
    await bumpRow(tx, 'payments', source.id, total, { applied_amount: s, unapplied_amount: n }, caller);
  }

  const creditColumn = fromCredit ? 'credit_amount' : 'payment_amount';
  if (target.type === 'DebitMemo') {
    await bumpLines(
      tx,
      'memo_items',
      deltasOf(pairs, (p) => p.target, 'item'),
      { applied_amount: s, balance: n },
      caller,
    );
    await bumpLines(
      tx,
      'memo_taxation_items',
      deltasOf(pairs, (p) => p.target, 'tax'),
      { applied_amount: s, [creditColumn]: s, balance: n },
      caller,
    );
    await bumpRow(tx, 'memos', target.id, total, { applied_amount: s, balance: n }, caller);
  } else {
    await bumpLines(
      tx,
      'invoice_items',
      deltasOf(pairs, (p) => p.target, 'item'),
      { balance: n },
    );
    await bumpLines(
      tx,
      'invoice_taxation_items',
      deltasOf(pairs, (p) => p.target, 'tax'),
      { [creditColumn]: s, balance: n },
    );
    await bumpRow(tx, 'invoices', target.id, total, {
      balance: n,
      [fromCredit ? 'credit_memo_amount' : 'payment_amount']: s,
    });
  }

  if (s === 1) await recordApplication(tx, input, total);
  else await reduceApplication(tx, input, total);
  return total;
}

async function recordApplication(tx: Tx, input: SettleInput, total: Money) {
  const { source, target, pairs, caller } = input;
  const app = await sql<{ id: string }>`
    insert into applications (id, source_type, source_id, target_type, target_id, amount, effective_date, created_by_id, updated_by_id)
    values (${newId()}, ${source.type}, ${source.id}, ${target.type}, ${target.id}, ${total.toString()}::numeric, ${input.effectiveDate}, ${caller?.userId ?? null}, ${caller?.userId ?? null})
    on conflict (source_id, target_id) do update set amount = applications.amount + excluded.amount,
      effective_date = excluded.effective_date, updated_date = localtimestamp(0), updated_by_id = excluded.updated_by_id
    returning id`.execute(tx);
  const applicationId = app.rows[0].id;
  await tx
    .insertInto('application_items')
    .values(
      pairs.map((p) => ({
        id: newId(),
        application_id: applicationId,
        source_item_id: p.source?.kind === 'item' ? p.source.id : null,
        source_tax_item_id: p.source?.kind === 'tax' ? p.source.id : null,
        target_item_id: p.target.kind === 'item' ? p.target.id : null,
        target_tax_item_id: p.target.kind === 'tax' ? p.target.id : null,
        amount: p.amount.toString(),
      })),
    )
    .execute();
}

async function reduceApplication(tx: Tx, input: SettleInput, total: Money) {
  const { source, target, pairs } = input;
  const app = await tx
    .selectFrom('applications')
    .select(['id', 'amount'])
    .where('source_id', '=', source.id)
    .where('target_id', '=', target.id)
    .forUpdate()
    .executeTakeFirst();
  if (!app || money(app.amount).lt(total)) throw ruleViolation('The amount to unapply exceeds the amount applied.');
  const byItem = new Map<string, Money>();
  for (const p of pairs) {
    if (!p.applicationItemId) throw new Error('reduceApplication: pair without application item');
    byItem.set(p.applicationItemId, (byItem.get(p.applicationItemId) ?? money(0)).plus(p.amount));
  }
  const values = sql.join([...byItem].map(([id, amt]) => sql`(${id}, ${amt.toString()}::numeric)`));
  const rows = await sql<{ amount: string }>`
    update application_items as t set amount = t.amount - v.amt from (values ${values}) as v(id, amt)
    where t.id = v.id and t.application_id = ${app.id} returning t.amount`.execute(tx);
  if (rows.rows.length !== byItem.size || rows.rows.some((r) => money(r.amount).lt(0)))
    throw ruleViolation('The amount to unapply exceeds the amount applied.');
  await tx.deleteFrom('application_items').where('application_id', '=', app.id).where('amount', '=', '0').execute();
  const left = money(app.amount).minus(total);
  if (left.eq(0)) await tx.deleteFrom('applications').where('id', '=', app.id).execute();
  else
    await tx
      .updateTable('applications')
      .set({
        amount: left.toString(),
        effective_date: input.effectiveDate,
        updated_date: sql`localtimestamp(0)`,
        updated_by_id: input.caller?.userId ?? null,
      })
      .where('id', '=', app.id)
      .execute();
}

/** Refund: moves `amount` of each credit memo line (and the header) from balance to refund_amount. */
export async function refundLines(
  tx: Tx,
  creditMemoId: string,
  portions: Portion[],
  caller: Caller | null,
): Promise<Money> {
  const total = sum(portions.map((p) => p.amount));
  const pick = (kind: LineKind) =>
    new Map(portions.filter((p) => p.line.kind === kind && p.amount.gt(0)).map((p) => [p.line.id, p.amount]));
  await bumpLines(tx, 'memo_items', pick('item'), { refund_amount: 1, balance: -1 }, caller);
  await bumpLines(tx, 'memo_taxation_items', pick('tax'), { refund_amount: 1, balance: -1 }, caller);
  await bumpRow(tx, 'memos', creditMemoId, total, { refund_amount: 1, balance: -1 }, caller);
  return total;
}
