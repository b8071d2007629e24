import type { Transaction } from 'kysely';
import type { Database } from './connect.ts';
import { lockContentionError } from './sql-errors.ts';
import type { DB } from './types.ts';

/**
 * The transaction a write runs in. Domain functions that change rows take a `Tx`, not the pool, so a
 * write outside a transaction does not type-check (a `Database` is not a `Tx`).
 */
export type Tx = Transaction<DB>;

/**
 * The one way a write opens its transaction: every route and domain entry point that changes rows
 * runs through here, so lock contention (deadlock, serialization failure, lock not available)
 * becomes Zuora's category 50 wherever it happens.
 */
export async function runWrite<T>(db: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await db.transaction().execute(fn);
  } catch (e) {
    throw lockContentionError(e) ?? e;
  }
}
