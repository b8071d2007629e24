import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError, invalidValue } from '../errors.ts';
import { allocate, money, sum, type Money } from '../../src/lib/money.ts';
import type { CreditMemoApplyRequest, CreditMemoUnapplyRequest } from '../../src/contract/settlement-requests.ts';
import { applyToTarget, lockTargets, targetsOf } from './apply-targets.ts';
import { recordEvent } from './history.ts';
import { refuseWriteOffCredit } from './write-off-lock.ts';
import { dateNotBefore } from './settlement-codes.ts';
import { LineBook, memoLines, settle, type Line, type Pair } from './settle-lines.ts';

// PUT /v1/credit-memos/{key}/apply and …/unapply (docs/zuora/api-digest.md §6.11–6.12).
// Header-level amounts (no `items[]`) are spread over the credit memo's open lines and over the
// target's open lines, each in proportion to the open balances, and paired in document order
// (settle-lines.ts). Unapply without items takes the amount back from the application's items in
// proportion to what each still carries.

const refuse = (message: string) =>
  new ZuoraError(ErrorCategory.BusinessRule, message, { resource: Resource.CreditMemo });

/**
 * Applies a Posted credit memo to invoices and debit memos of its account in the caller's
 * transaction. Also called by post with `autoApplyUponPosting`. Returns the credit memo row after.
 */
export async function applyCreditMemo(
  tx: Tx,
  cm: MemoRow,
  request: CreditMemoApplyRequest,
  caller: Caller | null,
): Promise<MemoRow> {
  const targets = targetsOf(request, cm.currency);
  const locked = await lockTargets(tx, cm.id, targets);
  const fresh = locked.memos.get(cm.id)!;
  if (fresh.status !== 'Posted')
    throw refuse(`Only a Posted credit memo can be applied; ${fresh.number} is ${fresh.status}.`);
  const effectiveDate = dateNotBefore(request.effectiveDate, fresh.memo_date, 'effectiveDate', 'the credit memo date');
  const total = sum(targets.map((t) => t.amount));
  if (total.gt(money(fresh.balance)))
    throw refuse(
      `The total amount ${total.toString()} exceeds the unapplied amount ${money(fresh.balance).toString()} of ${fresh.number}.`,
    );

  const book = new LineBook(await memoLines(tx, cm.id), `credit memo ${fresh.number}`);
  const source = {
    type: 'CreditMemo' as const,
    id: cm.id,
    number: fresh.number,
    accountId: fresh.account_id,
    currency: fresh.currency,
    book,
  };
  for (const t of targets) {
    const applied = await applyToTarget(tx, source, t, locked, effectiveDate, caller);
    const targetKey = t.type === 'Invoice' ? 'invoiceId' : 'debitMemoId';
    // The event names the document by its number too: the timeline shows numbers, not ids.
    const number = t.type === 'Invoice' ? locked.invoices.get(t.id)?.invoice_number : locked.memos.get(t.id)?.number;
    const numberKey = t.type === 'Invoice' ? 'invoiceNumber' : 'debitMemoNumber';
    await recordEvent(tx, cm.id, 'applied', caller, {
      [targetKey]: t.id,
      ...(number ? { [numberKey]: number } : {}),
      amount: applied.toString(),
      effectiveDate,
    });
    if (t.type === 'DebitMemo')
      await recordEvent(tx, t.id, 'applied', caller, {
        creditMemoId: cm.id,
        creditMemoNumber: fresh.number,
        amount: applied.toString(),
        effectiveDate,
      });
  }
  return tx.selectFrom('memos').selectAll().where('id', '=', cm.id).executeTakeFirstOrThrow();
}

/** Unapplies a credit memo from invoices and debit memos it was applied to. */
export async function unapplyCreditMemo(
  tx: Tx,
  cm: MemoRow,
  request: CreditMemoUnapplyRequest,
  caller: Caller | null,
): Promise<MemoRow> {
  const targets = targetsOf(request, cm.currency);
  const locked = await lockTargets(tx, cm.id, targets);
  const fresh = locked.memos.get(cm.id)!;
  if (fresh.status !== 'Posted')
    throw refuse(`Only a Posted credit memo can be unapplied; ${fresh.number} is ${fresh.status}.`);
  await refuseWriteOffCredit(tx, fresh, 'unapply');
  const effectiveDate = dateNotBefore(request.effectiveDate, fresh.memo_date, 'effectiveDate', 'the credit memo date');

  for (const t of targets) {
    const label = `${t.type === 'Invoice' ? 'invoice' : 'debit memo'} ${t.id}`;
    const app = await tx
      .selectFrom('applications')
      .select(['id', 'amount'])
      .where('source_id', '=', cm.id)
      .where('target_id', '=', t.id)
      .executeTakeFirst();
    if (!app) throw refuse(`The credit memo ${fresh.number} is not applied to the ${label}.`);
    if (t.amount.gt(money(app.amount)))
      throw refuse(
        `The amount ${t.amount.toString()} exceeds the ${money(app.amount).toString()} applied to the ${label}.`,
      );
    const appItems = await tx
      .selectFrom('application_items')
      .selectAll()
      .where('application_id', '=', app.id)
      .orderBy('id')
      .execute();
    const left = new Map(appItems.map((a) => [a.id, money(a.amount)]));
    const pairs: Pair[] = [];
    const draw = (candidates: typeof appItems, amount: Money) => {
      const open = candidates.filter((a) => left.get(a.id)!.gt(0));
      const available = sum(open.map((a) => left.get(a.id)!));
      if (amount.gt(available))
        throw refuse(
          `The amount ${amount.toString()} exceeds the ${available.toString()} applied to the named lines of the ${label}.`,
        );
      allocate(
        amount,
        open.map((a) => left.get(a.id)!),
        fresh.currency,
      ).forEach((part, i) => {
        if (!part.gt(0)) return;
        const a = open[i];
        left.set(a.id, left.get(a.id)!.minus(part));
        pairs.push({
          source: lineOf(a.source_item_id, a.source_tax_item_id),
          target: lineOf(a.target_item_id, a.target_tax_item_id)!,
          amount: part,
          applicationItemId: a.id,
        });
      });
    };
    if (t.items && t.items.length > 0) {
      const itemTotal = sum(t.items.map((i) => i.amount));
      if (!itemTotal.eq(t.amount))
        throw refuse(
          `The item amounts of the ${label} sum to ${itemTotal.toString()}, not to its amount ${t.amount.toString()}.`,
        );
      for (const item of t.items) {
        const matching = appItems.filter(
          (a) =>
            (!item.sourceItemId || a.source_item_id === item.sourceItemId) &&
            (!item.sourceTaxItemId || a.source_tax_item_id === item.sourceTaxItemId) &&
            (!item.targetItemId || a.target_item_id === item.targetItemId) &&
            (!item.targetTaxItemId || a.target_tax_item_id === item.targetTaxItemId),
        );
        if (matching.length === 0)
          throw invalidValue(
            `No application of ${fresh.number} to the ${label} matches the item ${JSON.stringify({ ...item, amount: item.amount.toNumber() })}.`,
          );
        draw(matching, item.amount);
      }
    } else {
      draw(appItems, t.amount);
    }
    const moved = await settle(tx, {
      source: { type: 'CreditMemo', id: cm.id },
      target: { type: t.type, id: t.id },
      pairs,
      effectiveDate,
      caller,
      direction: -1,
    });
    const targetKey = t.type === 'Invoice' ? 'invoiceId' : 'debitMemoId';
    await recordEvent(tx, cm.id, 'unapplied', caller, { [targetKey]: t.id, amount: moved.toString(), effectiveDate });
    if (t.type === 'DebitMemo')
      await recordEvent(tx, t.id, 'unapplied', caller, {
        creditMemoId: cm.id,
        creditMemoNumber: fresh.number,
        amount: moved.toString(),
        effectiveDate,
      });
  }
  return tx.selectFrom('memos').selectAll().where('id', '=', cm.id).executeTakeFirstOrThrow();
}

function lineOf(itemId: string | null, taxId: string | null): Line | null {
  if (taxId) return { kind: 'tax', id: taxId, itemId: itemId ?? '', balance: money(0) };
  if (itemId) return { kind: 'item', id: itemId, itemId, balance: money(0) };
  return null;
}
