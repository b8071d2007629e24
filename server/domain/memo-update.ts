import {
  CUSTOM_FIELD_RE,
  customFieldsOf,
  type UpdateCreditMemoRequest,
  type UpdateDebitMemoRequest,
} from '../../src/contract/memo-requests.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoKind, MemoRow, MemoUpdate } from '../db/types.ts';
import { invalidValue, ruleViolation } from '../errors.ts';
import { recordEvent } from './history.ts';
import { updateItems } from './memo-update-items.ts';
import { findMemo, resourceOf } from './memo-repo.ts';
import { memoNoun, nowSql, recomputeTotals, resolveReasonCode, type Actor } from './memo-support.ts';

// Update (docs/zuora/api-digest.md §4.5, §6.5). A Draft memo takes every field and item changes (edit, add from a
// charge, delete); a Posted one only its comment, transferredToAccounting and custom fields, the
// fields that do not change what the customer owes. Totals are recomputed exactly from the items.

export type UpdateRequest = UpdateDebitMemoRequest | UpdateCreditMemoRequest;

const POSTED_EDITABLE = new Set(['comment', 'transferredToAccounting']);

export async function updateMemo(
  tx: Tx,
  kind: MemoKind,
  key: string,
  body: UpdateRequest,
  actor: Actor,
): Promise<MemoRow> {
  const memo = await findMemo(tx, kind, key, { forUpdate: true });
  const resource = resourceOf(kind);
  const noun = memoNoun(kind);
  const fields = Object.keys(body).filter(
    (k) => !CUSTOM_FIELD_RE.test(k) && (body as Record<string, unknown>)[k] !== undefined,
  );
  if (memo.status === 'Posted') {
    const refused = fields.filter((f) => !POSTED_EDITABLE.has(f));
    if (refused.length) {
      throw ruleViolation(
        `Only the comment, transferredToAccounting and custom fields of a posted ${noun} can be updated; unpost ${memo.number} to change ${refused.join(', ')}.`,
        resource,
      );
    }
  } else if (memo.status !== 'Draft') {
    throw ruleViolation(
      `Only ${noun}s with the Draft or Posted status can be updated. ${memo.number} is ${memo.status}.`,
      resource,
    );
  }

  const set: MemoUpdate = {};
  if (body.comment !== undefined) set.comment = body.comment;
  if (body.transferredToAccounting !== undefined) set.transferred_to_accounting = body.transferredToAccounting;
  if (body.reasonCode !== undefined) set.reason_code = await resolveReasonCode(tx, kind, body.reasonCode);
  const memoDate = body.effectiveDate ?? memo.memo_date;
  if (body.effectiveDate !== undefined) {
    if (memo.referred_invoice_id) {
      const invoice = await tx
        .selectFrom('invoices')
        .select(['invoice_date', 'invoice_number'])
        .where('id', '=', memo.referred_invoice_id)
        .executeTakeFirstOrThrow();
      if (memoDate < invoice.invoice_date)
        throw invalidValue(
          `'effectiveDate': ${memoDate} is before the invoice date ${invoice.invoice_date} of ${invoice.invoice_number}.`,
          resource,
        );
    }
    set.memo_date = memoDate;
  }
  if (kind === 'DebitMemo') {
    const b = body as UpdateDebitMemoRequest;
    if (b.autoPay !== undefined) set.auto_pay = b.autoPay;
    const dueDate = b.dueDate ?? memo.due_date;
    if (dueDate && dueDate < memoDate)
      throw invalidValue(`'dueDate': ${dueDate} is before the memo date ${memoDate}.`, resource);
    if (b.dueDate !== undefined) set.due_date = b.dueDate;
  } else {
    const b = body as UpdateCreditMemoRequest;
    if (b.autoApplyUponPosting !== undefined) set.auto_apply_upon_posting = b.autoApplyUponPosting;
    if (b.excludeFromAutoApplyRules !== undefined) set.exclude_from_auto_apply_rules = b.excludeFromAutoApplyRules;
  }
  const custom = customFieldsOf(body);
  if (Object.keys(custom).length) set.custom_fields = JSON.stringify({ ...memo.custom_fields, ...custom });

  await tx
    .updateTable('memos')
    .set({ ...set, updated_date: nowSql(), updated_by_id: actor.userId })
    .where('id', '=', memo.id)
    .execute();
  let itemChanges = {};
  if (body.items?.length) {
    itemChanges = await updateItems(tx, { ...memo, memo_date: memoDate }, body.items, actor);
    await recomputeTotals(tx, memo.id);
  }
  await recordEvent(tx, memo.id, 'edited', actor, {
    fields: [...fields.filter((f) => f !== 'items'), ...Object.keys(custom)],
    ...itemChanges,
  });
  return findMemo(tx, kind, memo.id);
}

/** `PUT /v1/debit-memos` (deprecated, §4.6): due dates of several debit memos, all or nothing. */
export async function updateDueDates(tx: Tx, entries: { id: string; dueDate: string }[], actor: Actor): Promise<void> {
  for (const [i, e] of entries.entries()) {
    const memo = await findMemo(tx, 'DebitMemo', e.id, { forUpdate: true });
    if (memo.status !== 'Draft' && memo.status !== 'Posted') {
      throw ruleViolation(
        `debitMemos[${i}]: only debit memos with the Draft or Posted status can have their due date changed. ${memo.number} is ${memo.status}.`,
        resourceOf('DebitMemo'),
      );
    }
    if (e.dueDate < memo.memo_date)
      throw invalidValue(
        `'debitMemos[${i}].dueDate': ${e.dueDate} is before the memo date ${memo.memo_date}.`,
        resourceOf('DebitMemo'),
      );
    await tx
      .updateTable('memos')
      .set({ due_date: e.dueDate, updated_date: nowSql(), updated_by_id: actor.userId })
      .where('id', '=', memo.id)
      .execute();
    await recordEvent(tx, memo.id, 'edited', actor, { fields: ['dueDate'] });
  }
}
