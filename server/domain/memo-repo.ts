import type { Database } from '../db/connect.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { notFound, Resource } from '../errors.ts';
import { ID_RE } from '../../src/contract/ids.ts';

export const resourceOf = (kind: MemoKind) => (kind === 'CreditMemo' ? Resource.CreditMemo : Resource.DebitMemo);

/**
 * Finds a memo by id or number ("key" path parameters accept both; `...Id` parameters only the id).
 * With `forUpdate` the row is locked for the rest of the transaction, so two settlements of one
 * memo serialise and the second sees the first one's balances.
 */
export async function findMemo(
  tx: Database,
  kind: MemoKind,
  key: string,
  opts: { forUpdate?: boolean; idOnly?: boolean } = {},
): Promise<MemoRow> {
  let q = tx.selectFrom('memos').selectAll().where('kind', '=', kind);
  q = ID_RE.test(key) ? q.where('id', '=', key) : opts.idOnly ? q.where('id', '=', '') : q.where('number', '=', key);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  if (!row) throw notFound(kind === 'CreditMemo' ? 'CreditMemo' : 'DebitMemo', key, resourceOf(kind));
  return row;
}

export async function memoItems(tx: Database, memoId: string) {
  return tx.selectFrom('memo_items').selectAll().where('memo_id', '=', memoId).orderBy('sort_order').execute();
}

export async function memoTaxationItems(tx: Database, memoId: string) {
  return tx
    .selectFrom('memo_taxation_items')
    .selectAll()
    .where('memo_id', '=', memoId)
    .orderBy('created_date')
    .orderBy('id')
    .execute();
}
