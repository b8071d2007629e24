import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';

// The row locks every settlement takes, in its transaction (server/db/transaction.ts; see settle-lines.ts
// for what moves).

const sortedUnique = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Locks memos FOR UPDATE in id order (the one global order: memos, then invoices, then payments, each
 * by id), so two settlements over overlapping documents queue instead of deadlocking. Returns the rows
 * as they are after the lock (READ COMMITTED re-reads the latest committed version).
 */
export async function lockMemos(tx: Tx, ids: Iterable<string>): Promise<Map<string, MemoRow>> {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map();
  const rows = await tx.selectFrom('memos').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockInvoices(tx: Tx, ids: Iterable<string>) {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map<string, never>();
  const rows = await tx.selectFrom('invoices').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockPayments(tx: Tx, ids: Iterable<string>) {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map<string, never>();
  const rows = await tx.selectFrom('payments').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}
