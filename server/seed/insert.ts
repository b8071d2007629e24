import type { Database } from '../db/connect.ts';
import type { DB } from '../db/types.ts';
import { TABLE_ORDER, type Rows } from './dataset.ts';

// Bulk writes: multi-row INSERTs of at most 1000 rows and ~30,000 bind parameters each (PostgreSQL's
// limit is 65,535 per statement), in foreign-key order.

export async function insertRows<K extends keyof DB>(db: Database, table: K, rows: Rows[K]): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(rows[0]).length;
  const size = Math.max(1, Math.min(1000, Math.floor(30_000 / cols)));
  for (let i = 0; i < rows.length; i += size) {
    await db
      .insertInto(table)
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      .values(rows.slice(i, i + size) as any)
      .execute();
  }
}

export async function insertDataset(db: Database, rows: Rows): Promise<void> {
  for (const table of TABLE_ORDER) await insertRows(db, table, rows[table]);
}
