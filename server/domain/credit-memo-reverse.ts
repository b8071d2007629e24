import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import type { MemoRow } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError } from '../errors.ts';
import { money, type Money } from '../../src/lib/money.ts';
import type { CreditMemoReverseRequest } from '../../src/contract/settlement-requests.ts';
import { recordEvent } from './history.ts';
import { findMemo } from './memo-repo.ts';
import { refuseWriteOffCredit } from './write-off-lock.ts';
import { assignNumber, createMirrorMemo, memoLineRows, mirrorPairs, type MirrorLine } from './mirror-memo.ts';
import { dateNotBefore, reasonCodeOf } from './settlement-codes.ts';
import { settle } from './settle-lines.ts';
import { runWrite, type Tx } from '../db/transaction.ts';
import { maxDate, today } from '../../src/lib/dates.ts';

// PUT /v1/credit-memos/{key}/reverse (docs/zuora/api-digest.md §6.14, docs/zuora/ui-inventory.md §3.10): a Posted, unapplied credit
// memo gets a Posted debit memo mirroring its open lines, and is applied to it in full; CM.reversed.
// A partly refunded credit memo is reversed for what is left (the refunded part is already settled).

export const REVERSE_MAX_LINES = 2000;

const refuse = (message: string) =>
  new ZuoraError(ErrorCategory.BusinessRule, message, { resource: Resource.CreditMemo });

export async function reverseCreditMemo(
  db: Database,
  key: string,
  request: CreditMemoReverseRequest,
  caller: Caller,
): Promise<{ creditMemoId: string; debitMemoId: string }> {
  return runWrite(db, async (tx) => {
    const cm = await findMemo(tx, 'CreditMemo', key, { forUpdate: true });
    if (cm.status !== 'Posted')
      throw refuse(`Only a Posted credit memo can be reversed; ${cm.number} is ${cm.status}.`);
    await refuseWriteOffCredit(tx, cm, 'reverse');
    if (cm.reversed) throw refuse(`The credit memo ${cm.number} is already reversed.`);
    if (!money(cm.applied_amount).eq(0))
      throw refuse(
        `The credit memo ${cm.number} is applied (${money(cm.applied_amount).toString()}); unapply it before reversing.`,
      );
    if (!money(cm.balance).gt(0)) throw refuse(`The credit memo ${cm.number} has no unapplied amount to reverse.`);
    const memoDate = dateNotBefore(request.memoDate, cm.memo_date, 'memoDate', 'the credit memo date');
    const applyEffectiveDate = dateNotBefore(
      request.applyEffectiveDate ?? maxDate(today(), memoDate),
      memoDate,
      'applyEffectiveDate',
      'the memo date',
    );
    const reasonCode = await reasonCodeOf(tx, 'DebitMemo', request.reasonCode, 'Credit memo reversal');
    const rows = await memoLineRows(tx, cm.id);
    const lineCount = rows.reduce((n, r) => n + 1 + r.taxes.length, 0);
    if (lineCount > REVERSE_MAX_LINES)
      throw refuse(
        `The credit memo ${cm.number} has ${lineCount} items and taxation items; at most ${REVERSE_MAX_LINES} can be reversed.`,
      );

    const dm = await offsetCreditMemo(tx, cm, rows, {
      memoDate,
      applyEffectiveDate,
      reasonCode,
      comment: request.comment ?? null,
      origin: 'Reversal',
      caller,
    });
    await tx.updateTable('memos').set({ reversed: true }).where('id', '=', cm.id).execute();
    await recordEvent(tx, cm.id, 'reversed', caller, {
      debitMemoId: dm.id,
      debitMemoNumber: dm.number,
      memoDate,
      applyEffectiveDate,
    });
    return { creditMemoId: cm.id, debitMemoId: dm.id };
  });
}

/**
 * Creates a Posted debit memo mirroring the credit memo's open lines and applies the credit memo to it
 * in full (CM reverse and CM write-off). The caller holds the credit memo's lock.
 */
export async function offsetCreditMemo(
  tx: Tx,
  cm: MemoRow,
  rows: Awaited<ReturnType<typeof memoLineRows>>,
  opts: {
    memoDate: string;
    applyEffectiveDate: string;
    reasonCode: string;
    comment: string | null;
    origin: 'Reversal' | 'CreditMemoWriteOff';
    caller: Caller;
  },
): Promise<MemoRow> {
  const lines: MirrorLine[] = rows.map((r) => ({
    item: r.item,
    amount: money(r.item.balance),
    taxes: r.taxes.map((tax) => ({ tax, amount: money(tax.balance) })),
  }));
  const mirror = await createMirrorMemo(
    tx,
    {
      kind: 'DebitMemo',
      from: cm,
      memoDate: opts.memoDate,
      reasonCode: opts.reasonCode,
      comment: opts.comment,
      sourceType: 'CreditMemo',
      origin: opts.origin,
      referredCreditMemoId: cm.id,
      writtenOffMemoId: opts.origin === 'CreditMemoWriteOff' ? cm.id : null,
      caller: opts.caller,
    },
    lines,
  );
  const total: Money = await settle(tx, {
    source: { type: 'CreditMemo', id: cm.id },
    target: { type: 'DebitMemo', id: mirror.memo.id },
    pairs: mirrorPairs(lines, mirror, true),
    effectiveDate: opts.applyEffectiveDate,
    caller: opts.caller,
    direction: 1,
  });
  if (!total.eq(money(mirror.memo.amount)) || !total.eq(money(cm.balance)))
    throw refuse('The credit memo could not be applied in full to the generated debit memo.');
  const dm = await assignNumber(tx, mirror.memo);
  await recordEvent(tx, dm.id, 'created', opts.caller, {
    origin: opts.origin,
    creditMemoId: cm.id,
    creditMemoNumber: cm.number,
  });
  await recordEvent(tx, dm.id, 'applied', opts.caller, {
    creditMemoId: cm.id,
    creditMemoNumber: cm.number,
    amount: total.toString(),
  });
  await recordEvent(tx, cm.id, 'applied', opts.caller, {
    debitMemoId: dm.id,
    debitMemoNumber: dm.number,
    amount: total.toString(),
  });
  return dm;
}
