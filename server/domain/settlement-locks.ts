import type { Database } from '../db/connect.ts';
import type { MemoRow } from '../db/types.ts';
import { ErrorCategory, ZuoraError } from '../errors.ts';

// The transaction and the row locks every settlement runs under (see settle-lines.ts for what moves).

const LOCK_CODES = new Set(['40P01', '40001', '55P03']);

/**
 * Runs a settlement in one transaction. A deadlock or serialisation failure between two concurrent
 * settlements becomes Zuora's locking-contention error (category 50): nothing was changed, retry.
 */
export async function runSettlement<T>(db: Database, fn: (tx: Database) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (e) {
    const code = (e as { code?: unknown } | null)?.code;
    if (typeof code === 'string' && LOCK_CODES.has(code)) {
      throw new ZuoraError(
        ErrorCategory.LockingContention,
        'Another operation is changing the same documents. Nothing was changed; please retry.',
      );
    }
    throw e;
  }
}

const sortedUnique = (ids: Iterable<string>) => [...new Set(ids)].sort();

/**
 * Locks memos FOR UPDATE in id order (the one global order: memos, then invoices, then payments, each
 * by id), so two settlements over overlapping documents queue instead of deadlocking. Returns the rows
 * as they are after the lock (READ COMMITTED re-reads the latest committed version).
 */
export async function lockMemos(tx: Database, ids: Iterable<string>): Promise<Map<string, MemoRow>> {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map();
  const rows = await tx.selectFrom('memos').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockInvoices(tx: Database, ids: Iterable<string>) {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map<string, never>();
  const rows = await tx.selectFrom('invoices').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}

export async function lockPayments(tx: Database, ids: Iterable<string>) {
  const list = sortedUnique(ids);
  if (list.length === 0) return new Map<string, never>();
  const rows = await tx.selectFrom('payments').selectAll().where('id', 'in', list).orderBy('id').forUpdate().execute();
  return new Map(rows.map((r) => [r.id, r]));
}
