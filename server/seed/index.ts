import type { Database } from '../db/connect.ts';
import { runWrite } from '../db/transaction.ts';
import { buildDemo } from './build-demo.ts';
import { insertDataset } from './insert.ts';
import { topUpLarge } from './large.ts';

export type SeedPreset = 'demo' | 'large';

/**
 * Seeds the deterministic dataset when the database has no accounts yet: `demo` (a few hundred memos
 * with items, taxes, applications, refunds and history) or `large` (the demo plus set-generated memos
 * up to 100,000, for benchmarks). Returns false when the database already had data.
 */
export async function seedIfEmpty(db: Database, preset: SeedPreset): Promise<boolean> {
  const any = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const ds = buildDemo();
  await runWrite(db, async (tx) => {
    await insertDataset(tx, ds.rows);
    if (preset === 'large') await topUpLarge(tx);
  });
  return true;
}
