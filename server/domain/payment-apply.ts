import type { Selectable } from 'kysely';
import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import type { PaymentsTable } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError, notFound } from '../errors.ts';
import { money, sum, toWire } from '../../src/lib/money.ts';
import type { PaymentApplyRequest } from '../../src/contract/settlement-requests.ts';
import type { Payment } from '../../src/contract/settlement-responses.ts';
import { applyToTarget, lockTargets, targetsOf } from './apply-targets.ts';
import { recordEvent } from './history.ts';
import { dateNotBefore } from './settlement-codes.ts';
import { runWrite } from '../db/transaction.ts';
import { lockPayments } from './settlement-locks.ts';

// PUT /v1/payments/{paymentKey}/apply (docs/zuora/api-digest.md §8.4): a Processed payment's unapplied amount
// settles Posted invoices and debit memos of its account. A payment has no lines, so header amounts
// are spread over the target's open lines only.

const refuse = (message: string) => new ZuoraError(ErrorCategory.BusinessRule, message, { resource: Resource.Payment });

export async function applyPayment(
  db: Database,
  key: string,
  request: PaymentApplyRequest,
  caller: Caller,
): Promise<Payment> {
  return runWrite(db, async (tx) => {
    const found = await tx
      .selectFrom('payments')
      .select(['id', 'currency'])
      .where((eb) => eb.or([eb('id', '=', key), eb('number', '=', key)]))
      .executeTakeFirst();
    if (!found) throw notFound('Payment', key, Resource.Payment);
    const targets = targetsOf(request, found.currency);
    const locked = await lockTargets(tx, null, targets);
    const payment = (await lockPayments(tx, [found.id])).get(found.id)!;
    if (payment.status !== 'Processed')
      throw refuse(`Only a Processed payment can be applied; ${payment.number} is ${payment.status}.`);
    const effectiveDate = dateNotBefore(
      request.effectiveDate,
      payment.effective_date,
      'effectiveDate',
      'the payment date',
    );
    const total = sum(targets.map((t) => t.amount));
    if (total.gt(money(payment.unapplied_amount)))
      throw refuse(
        `The total amount ${total.toString()} exceeds the unapplied amount ${money(payment.unapplied_amount).toString()} of ${payment.number}.`,
      );
    const source = {
      type: 'Payment' as const,
      id: payment.id,
      number: payment.number,
      accountId: payment.account_id,
      currency: payment.currency,
      book: null,
    };
    for (const t of targets) {
      const applied = await applyToTarget(tx, source, t, locked, effectiveDate, caller);
      if (t.type === 'DebitMemo')
        await recordEvent(tx, t.id, 'applied', caller, {
          paymentId: payment.id,
          paymentNumber: payment.number,
          amount: applied.toString(),
          effectiveDate,
        });
    }
    return serializePayment(
      await tx.selectFrom('payments').selectAll().where('id', '=', payment.id).executeTakeFirstOrThrow(),
    );
  });
}

export function serializePayment(p: Selectable<PaymentsTable>, accountNumber: string | null = null): Payment {
  return {
    id: p.id,
    number: p.number,
    accountId: p.account_id,
    accountNumber,
    amount: toWire(p.amount),
    appliedAmount: toWire(p.applied_amount),
    unappliedAmount: toWire(p.unapplied_amount),
    refundAmount: toWire(p.refund_amount),
    creditBalanceAmount: 0,
    currency: p.currency,
    effectiveDate: p.effective_date,
    status: p.status,
    type: p.type,
    paymentMethodId: p.payment_method_id,
    paymentMethodSnapshotId: null,
    gatewayId: null,
    gatewayState: 'NotSubmitted',
    gatewayResponse: null,
    gatewayResponseCode: null,
    referenceId: p.reference_id,
    comment: p.comment,
    standalone: false,
    prepayment: false,
    createdDate: p.created_date,
    createdById: p.created_by_id,
    updatedDate: p.updated_date,
    updatedById: p.updated_by_id,
    success: true,
  };
}
