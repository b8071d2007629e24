import Big from 'big.js';
import type { Insertable } from 'kysely';
import type { DB } from '../db/types.ts';
import { currencyDecimals } from '../../src/lib/money.ts';
import { Prng } from './prng.ts';

// The in-memory dataset the seed builds before writing it in bulk: one array of insertable rows per
// table, plus the open "lines" of every settleable document so applications can be allocated item by item.

export type Rows = { [K in keyof DB]: Insertable<DB[K]>[] };
export type Row<K extends keyof DB> = Insertable<DB[K]>;

/** One settleable line of a document: a charge item (without its tax) or one taxation item. */
export interface Line {
  kind: 'item' | 'tax';
  /** memo_items / invoice_items row, or memo_taxation_items / invoice_taxation_items row. */
  row: Record<string, unknown> & { id: string };
  /** The item a tax line belongs to (for application_items). */
  itemId: string;
  open: Big;
}

export interface Doc {
  type: 'Invoice' | 'CreditMemo' | 'DebitMemo';
  id: string;
  accountId: string;
  currency: string;
  date: string;
  row: Record<string, unknown>;
  lines: Line[];
}

export class Dataset {
  readonly rng: Prng;
  readonly rows: Rows;
  readonly docs = new Map<string, Doc>();
  /** Invoice (tax) item amounts already credited by seeded credit memos, by invoice (tax) item id. */
  readonly credited = new Map<string, Big>();
  constructor(seed: number) {
    this.rng = new Prng(seed);
    const empty = {} as Record<string, unknown[]>;
    for (const t of TABLE_ORDER) empty[t] = [];
    this.rows = empty as unknown as Rows;
  }
  id(): string {
    return this.rng.id();
  }
}

/** Insertion order respects foreign keys. */
export const TABLE_ORDER = [
  'currencies',
  'sequences',
  'accounting_codes',
  'reason_codes',
  'accounts',
  'contacts',
  'products',
  'product_rate_plans',
  'product_rate_plan_charges',
  'invoices',
  'invoice_items',
  'invoice_taxation_items',
  'payments',
  'memos',
  'memo_items',
  'memo_taxation_items',
  'applications',
  'application_items',
  'refunds',
  'memo_events',
] as const satisfies readonly (keyof DB)[];

/** Fixed-point string of a decimal in the currency's places (what the numeric columns store). */
export const fx = (v: Big, currency: string) => v.toFixed(currencyDecimals(currency));

/** Adds `delta` to a numeric string field of a row, keeping the currency's places. */
export function bump(row: Record<string, unknown>, field: string, delta: Big, currency: string): void {
  row[field] = fx(new Big((row[field] as string | undefined) ?? '0').plus(delta), currency);
}

export const big = (v: unknown) => new Big((v as string | number | undefined) ?? 0);

/** Date-time string `yyyy-mm-dd hh:mm:ss` on a given date, at a deterministic time of day. */
export function at(date: string, rng: Prng, fromHour = 8, toHour = 18): string {
  const h = String(rng.int(fromHour, toHour)).padStart(2, '0');
  const m = String(rng.int(0, 59)).padStart(2, '0');
  const s = String(rng.int(0, 59)).padStart(2, '0');
  return `${date} ${h}:${m}:${s}`;
}

/** Seeded dates never pass the anchor's last day (so they are never in the future of the demo). */
export const capDate = (date: string, last: string) => (date > last ? last : date);
