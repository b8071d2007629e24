import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Tx } from '../db/transaction.ts';

/** A Zuora-style 32-hex id. */
export const newId = (): string => randomBytes(16).toString('hex');

export type SequenceName = 'CreditMemo' | 'DebitMemo' | 'Invoice' | 'Payment' | 'Refund' | 'Account';

export const SEQUENCE_DEFAULTS: Record<SequenceName, { prefix: string; width: number }> = {
  CreditMemo: { prefix: 'CM', width: 8 },
  DebitMemo: { prefix: 'DM', width: 8 },
  Invoice: { prefix: 'INV', width: 8 },
  Payment: { prefix: 'P-', width: 8 },
  Refund: { prefix: 'R-', width: 8 },
  Account: { prefix: 'A', width: 8 },
};

/**
 * Next document number (`CM00000001`). The sequence row is updated in the caller's transaction, so
 * concurrent creators serialise on it and a rolled-back create gives its number back.
 */
export async function nextNumber(tx: Tx, name: SequenceName): Promise<string> {
  const d = SEQUENCE_DEFAULTS[name];
  await sql`insert into sequences (name, prefix, width, next_value) values (${name}, ${d.prefix}, ${d.width}, 1)
            on conflict (name) do nothing`.execute(tx);
  const row = await tx
    .updateTable('sequences')
    .set({ next_value: sql`next_value + 1` })
    .where('name', '=', name)
    .returning(['prefix', 'width', sql<number>`next_value - 1`.as('value')])
    .executeTakeFirstOrThrow();
  return `${row.prefix}${String(row.value).padStart(row.width, '0')}`;
}

/**
 * Next memo number that no memo holds yet. A user may give a memo a custom number that the sequence
 * reaches later (`DM00000181`); the sequence steps over it instead of failing on it forever.
 */
export async function nextFreeMemoNumber(tx: Tx, kind: 'CreditMemo' | 'DebitMemo'): Promise<string> {
  for (;;) {
    const number = await nextNumber(tx, kind);
    const taken = await tx
      .selectFrom('memos')
      .select('id')
      .where('kind', '=', kind)
      .where('number', '=', number)
      .executeTakeFirst();
    if (!taken) return number;
  }
}
