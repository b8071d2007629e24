import type { Database } from '../db/connect.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { notFound, Resource } from '../errors.ts';
import { isZuoraId } from '../../src/contract/ids.ts';

export const resourceOf = (kind: MemoKind) => (kind === 'CreditMemo' ? Resource.CreditMemo : Resource.DebitMemo);

/**
 * Finds a memo by id or number ("key" path parameters accept both; `...Id` parameters only the id).
 * With `forUpdate` the row is locked for the rest of the transaction, so two settlements of one
 * memo serialise and the second sees the first one's balances. A read: the pool or a transaction.
 */
export async function findMemo(
  db: Database,
  kind: MemoKind,
  key: string,
  opts: { forUpdate?: boolean; idOnly?: boolean } = {},
): Promise<MemoRow> {
  let q = db.selectFrom('memos').selectAll().where('kind', '=', kind);
  q = isZuoraId(key) ? q.where('id', '=', key) : opts.idOnly ? q.where('id', '=', '') : q.where('number', '=', key);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(kind === 'CreditMemo' ? 'CreditMemo' : 'DebitMemo', key, resourceOf(kind));
  return row;
}

export async function memoItems(db: Database, memoId: string) {
  return db.selectFrom('memo_items').selectAll().where('memo_id', '=', memoId).orderBy('sort_order').execute();
}

export async function memoTaxationItems(db: Database, memoId: string) {
  return db
    .selectFrom('memo_taxation_items')
    .selectAll()
    .where('memo_id', '=', memoId)
    .orderBy('created_date')
    .orderBy('id')
    .execute();
}
