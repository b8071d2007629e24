import { today } from '../../src/lib/dates.ts';
import {
  customFieldsOf,
  type CreateCreditMemoFromChargeRequest,
  type CreateDebitMemoFromChargeRequest,
} from '../../src/contract/memo-requests.ts';
import type { Tx } from '../db/transaction.ts';
import type { AccountsTable, MemoKind, MemoRow, NewMemo } from '../db/types.ts';
import { invalidValue, ruleViolation } from '../errors.ts';
import type { Selectable } from 'kysely';
import { recordEvent } from './history.ts';
import { newId, nextFreeMemoNumber } from './ids.ts';
import { chargeLineOf, insertChargeItem } from './memo-charge-items.ts';
import { postLocked } from './memo-lifecycle.ts';
import { findMemo, resourceOf } from './memo-repo.ts';
import {
  assertCan,
  defaultDueDate,
  memoNoun,
  recomputeTotals,
  resolveAccount,
  resolveCurrency,
  resolveReasonCode,
  type Actor,
} from './memo-support.ts';

// Create from charge (docs/zuora/api-digest.md §4.3, §6.3): a Standalone memo in Draft (Posted with autoPost),
// one item per product rate plan charge, tax from the charge's rate, totals derived from the items.
// The caller runs it in one transaction: a refused charge leaves nothing behind (not even a number).

export type CreateFromChargeRequest = CreateDebitMemoFromChargeRequest | CreateCreditMemoFromChargeRequest;

/** The header fields every created memo shares; `number` is checked for uniqueness or drawn. */
export async function insertMemoHeader(
  tx: Tx,
  kind: MemoKind,
  account: Selectable<AccountsTable>,
  fields: Omit<NewMemo, 'id' | 'kind' | 'number' | 'account_id' | 'status'> & { number?: string },
  actor: Actor,
): Promise<string> {
  if (fields.number !== undefined) {
    const taken = await tx
      .selectFrom('memos')
      .select('id')
      .where('kind', '=', kind)
      .where('number', '=', fields.number)
      .executeTakeFirst();
    if (taken)
      throw ruleViolation(
        `The number ${fields.number} is already used by another ${memoNoun(kind)}.`,
        resourceOf(kind),
      );
  }
  const id = newId();
  const number = fields.number ?? (await nextFreeMemoNumber(tx, kind));
  await tx
    .insertInto('memos')
    .values({
      transferred_to_accounting: 'No',
      tax_status: 'Complete',
      bill_to_contact_id: account.bill_to_contact_id,
      ...fields,
      id,
      kind,
      number,
      account_id: account.id,
      status: 'Draft',
      created_by_id: actor.userId,
      updated_by_id: actor.userId,
    })
    .execute();
  return id;
}

/** Posts right away when asked (needs the post permission too), records the history, returns the row. */
export async function finishCreate(
  tx: Tx,
  kind: MemoKind,
  id: string,
  autoPost: boolean | undefined,
  actor: Actor,
  detail: Record<string, unknown>,
): Promise<MemoRow> {
  await recomputeTotals(tx, id);
  await recordEvent(tx, id, 'created', actor, detail);
  const memo = await findMemo(tx, kind, id, { forUpdate: true });
  return autoPost ? postLocked(tx, memo, actor) : memo;
}

export async function createFromCharge(
  tx: Tx,
  kind: MemoKind,
  body: CreateFromChargeRequest,
  actor: Actor,
): Promise<MemoRow> {
  if (body.autoPost) assertCan(actor, 'memo.post');
  const account = await resolveAccount(tx, kind, body.accountId, body.accountNumber);
  const currency = await resolveCurrency(tx, kind, body.currency ?? account.currency);
  const memoDate = body.effectiveDate ?? today();
  const reasonCode = await resolveReasonCode(tx, kind, body.reasonCode);

  let dm: Pick<NewMemo, 'due_date' | 'auto_pay'> = {};
  let cm: Pick<NewMemo, 'auto_apply_upon_posting' | 'exclude_from_auto_apply_rules' | 'source'> = {};
  if (kind === 'DebitMemo') {
    const b = body as CreateDebitMemoFromChargeRequest;
    const dueDate = b.dueDate ?? defaultDueDate(memoDate, account.payment_term);
    if (dueDate < memoDate)
      throw invalidValue(`'dueDate': ${dueDate} is before the memo date ${memoDate}.`, resourceOf(kind));
    dm = { due_date: dueDate, auto_pay: b.autoPay ?? true };
  } else {
    const b = body as CreateCreditMemoFromChargeRequest;
    cm = {
      auto_apply_upon_posting: false,
      exclude_from_auto_apply_rules: b.excludeFromAutoApplyRules ?? false,
      source: 'AdhocFromPrpc',
    };
  }

  const id = await insertMemoHeader(
    tx,
    kind,
    account,
    {
      number: body.number,
      currency,
      memo_date: memoDate,
      comment: body.comment ?? null,
      reason_code: reasonCode,
      source_type: 'Standalone',
      custom_fields: JSON.stringify(customFieldsOf(body)),
      ...dm,
      ...cm,
    },
    actor,
  );
  for (const [i, charge] of body.charges.entries()) {
    await insertChargeItem(
      tx,
      { kind, memoId: id, currency, memoDate },
      chargeLineOf(charge),
      i + 1,
      `charges[${i}]`,
      actor,
    );
  }
  return finishCreate(tx, kind, id, body.autoPost, actor, { source: 'charges', charges: body.charges.length });
}
