import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import { ErrorCategory, Resource, ZuoraError, ruleViolation } from '../errors.ts';
import { cmp, fitsCurrency, money, type Money } from '../../src/lib/money.ts';
import {
  WRITE_OFF_DEFAULT_REASON_CODE,
  previewWriteOff,
  writeOffAmountProblem,
  writeOffItemsProblem,
  type WriteOffItemInput,
  type WriteOffRequest,
} from '../../src/contract/write-off.ts';
import { recordEvent } from './history.ts';
import { findMemo } from './memo-repo.ts';
import { assignNumber, createMirrorMemo, memoLineRows, mirrorPairs, type MirrorLine } from './mirror-memo.ts';
import { dateNotBefore, reasonCodeOf, writeOffAccountingCode } from './settlement-codes.ts';
import { settle } from './settle-lines.ts';
import { runWrite } from '../db/transaction.ts';

// PUT /v1/debit-memos/{key}/write-off (docs/zuora/api-digest.md §4.13, seeds 000/002). The rule for `amount` and
// `items[]` is the product-wide one in src/contract/write-off.ts (full or partial open balance,
// spread over open items and taxation items in proportion to their open balances). One transaction
// with the debit memo locked: create the Posted credit memo mirroring the open lines, apply it line by
// line; any refusal or error rolls everything back, including the credit memo and its number.

export async function writeOffDebitMemo(
  db: Database,
  key: string,
  request: WriteOffRequest,
  customFields: Record<string, unknown>,
  caller: Caller,
): Promise<{ creditMemoId: string }> {
  return runWrite(db, async (tx) => {
    const refuse = (message: string, category: number = ErrorCategory.BusinessRule) =>
      new ZuoraError(category, message, { resource: Resource.DebitMemo });
    const dm = await findMemo(tx, 'DebitMemo', key, { forUpdate: true });
    if (dm.status !== 'Posted')
      throw refuse(`Only a Posted debit memo can be written off; ${dm.number} is ${dm.status}.`);
    if (!money(dm.balance).gt(0)) throw refuse(`The debit memo ${dm.number} has no open balance to write off.`);
    const memoDate = dateNotBefore(request.memoDate, dm.memo_date, 'memoDate', 'the debit memo date');
    const reasonCode = await reasonCodeOf(tx, 'CreditMemo', request.reasonCode, WRITE_OFF_DEFAULT_REASON_CODE);
    const revenueImpacting = (request.revenueImpacting ?? 'Yes') === 'Yes';
    const expenseCode = revenueImpacting
      ? null
      : await writeOffAccountingCode(tx, request.recognizedRevenueAccountingCode ?? '');

    const rows = await memoLineRows(tx, dm.id);
    const inputs: WriteOffItemInput[] = rows.map((r) => ({
      id: r.item.id,
      balance: r.item.balance,
      skuName: r.item.sku_name,
      taxationItems: r.taxes.map((t) => ({ id: t.id, balance: t.balance, name: t.name })),
    }));
    const memoInput = { currency: dm.currency, balance: dm.balance, debitMemoDate: dm.memo_date };
    const amount = request.amount ?? money(dm.balance);
    const amountProblem = writeOffAmountProblem(amount, memoInput);
    if (amountProblem) {
      // Above the open balance is a business rule (30); zero, negative or too many decimals an invalid
      // value (20), as on every other endpoint that takes an amount.
      const overBalance = fitsCurrency(amount, dm.currency) && cmp(amount, dm.balance) > 0;
      throw refuse(
        `'amount': ${amountProblem}.`,
        overBalance ? ErrorCategory.BusinessRule : ErrorCategory.InvalidValue,
      );
    }

    const allocated = new Map<string, Money>();
    if (request.items) {
      const itemsProblem = writeOffItemsProblem(request.items, inputs, amount, dm.currency);
      if (itemsProblem) throw refuse(itemsProblem);
      for (const i of request.items) allocated.set((i.debitMemoItemId ?? i.taxItemId)!, money(i.amount));
    } else {
      for (const line of previewWriteOff(memoInput, inputs, amount).lines) {
        allocated.set(line.debitMemoItemId, line.amount);
        for (const t of line.taxationItems) allocated.set(t.taxItemId, t.amount);
      }
    }
    const zero = money(0);
    const lines: MirrorLine[] = rows.map((r) => ({
      item: r.item,
      amount: allocated.get(r.item.id) ?? zero,
      taxes: r.taxes.map((tax) => ({ tax, amount: allocated.get(tax.id) ?? zero })),
    }));

    const mirror = await createMirrorMemo(
      tx,
      {
        kind: 'CreditMemo',
        from: dm,
        memoDate,
        reasonCode,
        comment: request.comment ?? null,
        sourceType: 'Standalone',
        origin: 'DebitMemoWriteOff',
        revenueImpacting,
        writtenOffMemoId: dm.id,
        customFields,
        // Revenue-impacting: the DM item's deferred revenue code is reversed; otherwise the chosen expense code.
        codes: (item) =>
          revenueImpacting
            ? {
                recognized: item.deferred_revenue_accounting_code ?? item.recognized_revenue_accounting_code,
                deferred: item.deferred_revenue_accounting_code,
              }
            : { recognized: expenseCode, deferred: item.deferred_revenue_accounting_code },
        caller,
      },
      lines,
    );
    const total = await settle(tx, {
      source: { type: 'CreditMemo', id: mirror.memo.id },
      target: { type: 'DebitMemo', id: dm.id },
      pairs: mirrorPairs(lines, mirror, false),
      effectiveDate: memoDate,
      caller,
      direction: 1,
    });
    if (!total.eq(money(mirror.memo.amount)))
      throw ruleViolation('The generated credit memo could not be applied in full.');
    const cm = await assignNumber(tx, mirror.memo);

    // The event names the other document only: a reader of this debit memo's history follows it to the credit memo.
    await recordEvent(tx, dm.id, 'writtenOff', caller, {
      creditMemoId: cm.id,
      creditMemoNumber: cm.number,
      amount: total.toString(),
      revenueImpacting,
    });
    await recordEvent(tx, cm.id, 'created', caller, {
      origin: 'DebitMemoWriteOff',
      debitMemoId: dm.id,
      debitMemoNumber: dm.number,
    });
    await recordEvent(tx, cm.id, 'applied', caller, {
      debitMemoId: dm.id,
      debitMemoNumber: dm.number,
      amount: total.toString(),
    });
    return { creditMemoId: cm.id };
  });
}
