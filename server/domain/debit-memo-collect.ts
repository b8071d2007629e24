import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import { ErrorCategory, Resource, ZuoraError, invalidValue } from '../errors.ts';
import { minMoney, money, toWire, type Money } from '../../src/lib/money.ts';
import { maxDate, today } from '../../src/lib/dates.ts';
import type { DebitMemoCollectRequest } from '../../src/contract/settlement-requests.ts';
import type { DebitMemoCollectResponse } from '../../src/contract/settlement-responses.ts';
import { applyToTarget } from './apply-targets.ts';
import { recordEvent } from './history.ts';
import { findMemo } from './memo-repo.ts';
import { LineBook, memoLines } from './settle-lines.ts';
import { runWrite } from '../db/transaction.ts';
import { lockMemos, lockPayments } from './settlement-locks.ts';

// POST /v1/debit-memos/{key}/collect (docs/zuora/api-digest.md §4.14): with applyCredit, the account's Posted credit
// memos with an unapplied amount, then its Processed payments with an unapplied amount (or the order
// given), each oldest first then largest first, settle the debit memo until its balance is 0.
// Zuora's limits refuse the whole call (30). `collect: true` would take an electronic payment for
// what is left; the sandbox has no gateway, so it refuses when something is left to collect (and
// rolls back the credits it applied, so the call changes nothing).

export const COLLECT_LIMITS = { debitMemoItems: 10, creditMemos: 25, creditMemoItems: 100, payments: 25 } as const;

const refuse = (message: string) =>
  new ZuoraError(ErrorCategory.BusinessRule, message, { resource: Resource.DebitMemo });

export async function collectDebitMemo(
  db: Database,
  key: string,
  request: DebitMemoCollectRequest,
  caller: Caller,
): Promise<DebitMemoCollectResponse> {
  const applyCredit = request.applyCredit ?? false;
  if (request.applicationOrder && !applyCredit)
    throw invalidValue("'applicationOrder' is only valid when 'applyCredit' is true.", Resource.DebitMemo);
  if (request.payment && !request.collect)
    throw invalidValue("'payment' is only valid when 'collect' is true.", Resource.DebitMemo);
  const order = request.applicationOrder ?? ['CreditMemo', 'UnappliedPayment'];
  if (new Set(order).size !== order.length)
    throw invalidValue("'applicationOrder' lists a kind twice.", Resource.DebitMemo);

  return runWrite(db, async (tx) => {
    const first = await findMemo(tx, 'DebitMemo', key);
    // Candidates from an unlocked read; everything is locked together in the global order and re-read.
    const cmIds =
      applyCredit && order.includes('CreditMemo')
        ? (
            await tx
              .selectFrom('memos')
              .select('id')
              .where('kind', '=', 'CreditMemo')
              .where('account_id', '=', first.account_id)
              .where('status', '=', 'Posted')
              .where('currency', '=', first.currency)
              .where('balance', '>', '0')
              .execute()
          ).map((r) => r.id)
        : [];
    const paymentIds =
      applyCredit && order.includes('UnappliedPayment')
        ? (
            await tx
              .selectFrom('payments')
              .select('id')
              .where('account_id', '=', first.account_id)
              .where('status', '=', 'Processed')
              .where('currency', '=', first.currency)
              .where('unapplied_amount', '>', '0')
              .execute()
          ).map((r) => r.id)
        : [];
    const memos = await lockMemos(tx, [first.id, ...cmIds]);
    const payments = await lockPayments(tx, paymentIds);
    const dm = memos.get(first.id)!;
    if (dm.status !== 'Posted')
      throw refuse(`Only a Posted debit memo can be collected; ${dm.number} is ${dm.status}.`);
    const itemCount = (await memoLines(tx, dm.id)).filter((l) => l.kind === 'item').length;
    if (itemCount > COLLECT_LIMITS.debitMemoItems)
      throw refuse(
        `The debit memo ${dm.number} has ${itemCount} items; collect handles at most ${COLLECT_LIMITS.debitMemoItems}.`,
      );

    // Oldest first, then largest first.
    const credits = cmIds
      .map((id) => memos.get(id)!)
      .filter((m) => money(m.balance).gt(0))
      .sort(
        (a, b) =>
          a.memo_date.localeCompare(b.memo_date) || money(b.balance).cmp(money(a.balance)) || a.id.localeCompare(b.id),
      );
    const unapplied = paymentIds
      .map((id) => payments.get(id)!)
      .filter((p) => money(p.unapplied_amount).gt(0))
      .sort(
        (a, b) =>
          a.effective_date.localeCompare(b.effective_date) ||
          money(b.unapplied_amount).cmp(money(a.unapplied_amount)) ||
          a.id.localeCompare(b.id),
      );

    // Plan first (so the limits refuse before anything moves), then apply.
    let remaining = money(dm.balance);
    const plan: { kind: 'CreditMemo' | 'UnappliedPayment'; id: string; amount: Money }[] = [];
    for (const kind of order) {
      const sources =
        kind === 'CreditMemo'
          ? credits.map((c) => ({ id: c.id, open: money(c.balance) }))
          : unapplied.map((p) => ({ id: p.id, open: money(p.unapplied_amount) }));
      for (const s of sources) {
        if (!remaining.gt(0)) break;
        const amount = minMoney(s.open, remaining);
        plan.push({ kind, id: s.id, amount });
        remaining = remaining.minus(amount);
      }
    }
    const usedCms = plan.filter((p) => p.kind === 'CreditMemo');
    const usedPayments = plan.filter((p) => p.kind === 'UnappliedPayment');
    if (usedCms.length > COLLECT_LIMITS.creditMemos)
      throw refuse(
        `Collecting ${dm.number} would use ${usedCms.length} credit memos; at most ${COLLECT_LIMITS.creditMemos}.`,
      );
    if (usedPayments.length > COLLECT_LIMITS.payments)
      throw refuse(
        `Collecting ${dm.number} would use ${usedPayments.length} payments; at most ${COLLECT_LIMITS.payments}.`,
      );
    const books = new Map<string, LineBook>();
    for (const p of usedCms)
      books.set(p.id, new LineBook(await memoLines(tx, p.id), `credit memo ${memos.get(p.id)!.number}`));
    const cmItems = [...books.values()].reduce((n, b) => n + b.lines.filter((l) => l.kind === 'item').length, 0);
    if (cmItems > COLLECT_LIMITS.creditMemoItems)
      throw refuse(
        `Collecting ${dm.number} would use ${cmItems} credit memo items; at most ${COLLECT_LIMITS.creditMemoItems}.`,
      );
    if (request.collect && remaining.gt(0)) {
      throw refuse(
        `Collecting the remaining ${remaining.toString()} ${dm.currency} needs an electronic payment through a payment gateway, and no gateway is configured in this sandbox.`,
      );
    }

    const locked = { memos, invoices: new Map() };
    // The sandbox always answers both lists in full; the SPA's reader takes them absent (settlement-responses.ts).
    type Applied = NonNullable<DebitMemoCollectResponse['appliedCreditMemos']>;
    const response: DebitMemoCollectResponse & { appliedCreditMemos: Applied; appliedPayments: Applied } = {
      appliedCreditMemos: [],
      appliedPayments: [],
      debitMemo: { id: dm.id, number: dm.number },
      success: true,
    };
    for (const p of plan) {
      const target = { type: 'DebitMemo' as const, id: dm.id, amount: p.amount };
      if (p.kind === 'CreditMemo') {
        const cm = memos.get(p.id)!;
        const source = {
          type: 'CreditMemo' as const,
          id: cm.id,
          number: cm.number,
          accountId: cm.account_id,
          currency: cm.currency,
          book: books.get(cm.id)!,
        };
        const effectiveDate = maxDate(today(), maxDate(dm.memo_date, cm.memo_date));
        await applyToTarget(tx, source, target, locked, effectiveDate, caller);
        await recordEvent(tx, cm.id, 'applied', caller, {
          debitMemoId: dm.id,
          debitMemoNumber: dm.number,
          amount: p.amount.toString(),
          effectiveDate,
          via: 'collect',
        });
        await recordEvent(tx, dm.id, 'applied', caller, {
          creditMemoId: cm.id,
          creditMemoNumber: cm.number,
          amount: p.amount.toString(),
          effectiveDate,
          via: 'collect',
        });
        response.appliedCreditMemos.push({
          id: cm.id,
          number: cm.number,
          appliedAmount: toWire(p.amount),
          unappliedAmount: toWire(money(cm.balance).minus(p.amount)),
        });
      } else {
        const pay = payments.get(p.id)!;
        const source = {
          type: 'Payment' as const,
          id: pay.id,
          number: pay.number,
          accountId: pay.account_id,
          currency: pay.currency,
          book: null,
        };
        const effectiveDate = maxDate(today(), maxDate(dm.memo_date, pay.effective_date));
        await applyToTarget(tx, source, target, locked, effectiveDate, caller);
        await recordEvent(tx, dm.id, 'applied', caller, {
          paymentId: pay.id,
          paymentNumber: pay.number,
          amount: p.amount.toString(),
          effectiveDate,
          via: 'collect',
        });
        response.appliedPayments.push({
          id: pay.id,
          number: pay.number,
          appliedAmount: toWire(p.amount),
          unappliedAmount: toWire(money(pay.unapplied_amount).minus(p.amount)),
        });
      }
    }
    if (plan.length > 0)
      await recordEvent(tx, dm.id, 'collected', caller, {
        creditMemos: usedCms.length,
        payments: usedPayments.length,
        balanceAfter: remaining.toString(),
      });
    return response;
  });
}
