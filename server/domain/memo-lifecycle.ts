import { isPositive } from '../../src/lib/money.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { ruleViolation } from '../errors.ts';
import { recordEvent } from './history.ts';
import { findMemo, resourceOf } from './memo-repo.ts';
import { memoNoun, nowSql, type Actor } from './memo-support.ts';
import { applyOnPosting } from './memo-post-apply.ts';

// Status transitions (docs/zuora/api-digest.md §7.1): post Draft → Posted, unpost Posted → Draft (nothing applied
// or refunded), cancel Draft → Canceled, delete Canceled → gone. Each locks the memo row first, so a
// concurrent settlement and unpost of one memo cannot both succeed.

function requireStatus(memo: MemoRow, status: string, verb: string): void {
  if (memo.status !== status) {
    throw ruleViolation(
      `Only ${memoNoun(memo.kind)}s with the ${status} status can be ${verb}. ${memo.number} is ${memo.status}.`,
      resourceOf(memo.kind),
    );
  }
}

const reload = (tx: Tx, memo: MemoRow) => findMemo(tx, memo.kind, memo.id);

/** Posts a memo already locked by the caller (also used by autoPost on create). */
export async function postLocked(tx: Tx, memo: MemoRow, actor: Actor): Promise<MemoRow> {
  requireStatus(memo, 'Draft', 'posted');
  await tx
    .updateTable('memos')
    .set({
      status: 'Posted',
      posted_on: nowSql(),
      posted_by_id: actor.userId,
      updated_date: nowSql(),
      updated_by_id: actor.userId,
    })
    .where('id', '=', memo.id)
    .execute();
  await recordEvent(tx, memo.id, 'posted', actor);
  const posted = await reload(tx, memo);
  await applyOnPosting(tx, posted, actor);
  return reload(tx, memo);
}

export async function postMemo(tx: Tx, kind: MemoKind, key: string, actor: Actor): Promise<MemoRow> {
  return postLocked(tx, await findMemo(tx, kind, key, { forUpdate: true }), actor);
}

/** The number of the first document this memo was settled with, for the unpost refusal message. */
async function firstSettlement(tx: Tx, memo: MemoRow): Promise<string | null> {
  const side = memo.kind === 'DebitMemo' ? 'target_id' : 'source_id';
  const app = await tx
    .selectFrom('applications')
    .selectAll()
    .where(side, '=', memo.id)
    .orderBy('created_date')
    .orderBy('id')
    .executeTakeFirst();
  if (!app) return null;
  const otherId = memo.kind === 'DebitMemo' ? app.source_id : app.target_id;
  const otherType = memo.kind === 'DebitMemo' ? app.source_type : app.target_type;
  if (otherType === 'Payment')
    return (
      (await tx.selectFrom('payments').select('number').where('id', '=', otherId).executeTakeFirst())?.number ?? otherId
    );
  if (otherType === 'Invoice')
    return (
      (await tx.selectFrom('invoices').select('invoice_number as number').where('id', '=', otherId).executeTakeFirst())
        ?.number ?? otherId
    );
  return (
    (await tx.selectFrom('memos').select('number').where('id', '=', otherId).executeTakeFirst())?.number ?? otherId
  );
}

export async function unpostMemo(tx: Tx, kind: MemoKind, key: string, actor: Actor): Promise<MemoRow> {
  const memo = await findMemo(tx, kind, key, { forUpdate: true });
  requireStatus(memo, 'Posted', 'unposted');
  const resource = resourceOf(kind);
  if (isPositive(memo.applied_amount)) {
    const doc = await firstSettlement(tx, memo);
    throw ruleViolation(`Cannot unpost: applied to ${doc ?? 'another document'}. Unapply it first.`, resource);
  }
  if (kind === 'CreditMemo' && isPositive(memo.refund_amount)) {
    const refund = await tx
      .selectFrom('refunds')
      .select('number')
      .where('credit_memo_id', '=', memo.id)
      .orderBy('created_date')
      .executeTakeFirst();
    throw ruleViolation(`Cannot unpost: refunded by ${refund?.number ?? 'a refund'}.`, resource);
  }
  await tx
    .updateTable('memos')
    .set({ status: 'Draft', posted_on: null, posted_by_id: null, updated_date: nowSql(), updated_by_id: actor.userId })
    .where('id', '=', memo.id)
    .execute();
  await recordEvent(tx, memo.id, 'unposted', actor);
  return reload(tx, memo);
}

export async function cancelMemo(tx: Tx, kind: MemoKind, key: string, actor: Actor): Promise<MemoRow> {
  const memo = await findMemo(tx, kind, key, { forUpdate: true });
  requireStatus(memo, 'Draft', 'cancelled');
  await tx
    .updateTable('memos')
    .set({
      status: 'Canceled',
      cancelled_on: nowSql(),
      cancelled_by_id: actor.userId,
      updated_date: nowSql(),
      updated_by_id: actor.userId,
    })
    .where('id', '=', memo.id)
    .execute();
  await recordEvent(tx, memo.id, 'canceled', actor);
  return reload(tx, memo);
}

/** Deletes a Canceled memo with its items, taxation items, files and queued emails (FK cascades). */
export async function deleteMemo(tx: Tx, kind: MemoKind, key: string, actor: Actor): Promise<void> {
  const memo = await findMemo(tx, kind, key, { forUpdate: true });
  requireStatus(memo, 'Canceled', 'deleted');
  await tx.deleteFrom('memos').where('id', '=', memo.id).execute();
  // The timeline row outlives the memo on purpose: an audit trail of who deleted what.
  await recordEvent(tx, memo.id, 'deleted', actor, { number: memo.number });
}
