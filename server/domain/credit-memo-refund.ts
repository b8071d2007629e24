import type { Caller } from '../caller.ts';
import type { Database } from '../db/connect.ts';
import type { Selectable } from 'kysely';
import type { RefundsTable } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError, invalidValue } from '../errors.ts';
import { money, sum, toWire } from '../../src/lib/money.ts';
import type { CreditMemoRefundRequest } from '../../src/contract/settlement-requests.ts';
import type { Refund } from '../../src/contract/settlement-responses.ts';
import { requestAmount } from './apply-targets.ts';
import { recordEvent } from './history.ts';
import { newId, nextNumber } from './ids.ts';
import { findMemo } from './memo-repo.ts';
import { refuseWriteOffCredit } from './write-off-lock.ts';
import { dateNotBefore, reasonCodeOf } from './settlement-codes.ts';
import { LineBook, memoLines, refundLines, type Portion } from './settle-lines.ts';
import { runWrite } from '../db/transaction.ts';

// POST /v1/credit-memos/{key}/refunds (docs/zuora/api-digest.md §6.13, §8.5). Only the unapplied part of a Posted
// credit memo is refundable. External refunds are Processed at once (gatewayState NotSubmitted);
// electronic refunds need a payment gateway, which the sandbox does not have. Without `items[]` the
// amount is taken from the credit memo's open lines in proportion to their open balances.

const refuse = (message: string, category: number = ErrorCategory.BusinessRule) =>
  new ZuoraError(category, message, { resource: Resource.CreditMemo });

export async function refundCreditMemo(
  db: Database,
  key: string,
  request: CreditMemoRefundRequest,
  customFields: Record<string, unknown>,
  caller: Caller,
): Promise<Refund> {
  if (request.type === 'Electronic') {
    throw refuse(
      'Electronic refunds need a payment gateway, and no gateway is configured in this sandbox. Record the refund as External with its methodType.',
    );
  }
  if (!request.methodType) throw refuse("'methodType' is required for an External refund.", ErrorCategory.MissingField);
  if (request.paymentMethodId || request.gatewayId)
    throw invalidValue("'paymentMethodId' and 'gatewayId' apply to Electronic refunds only.", Resource.CreditMemo);

  return runWrite(db, async (tx) => {
    const cm = await findMemo(tx, 'CreditMemo', key, { forUpdate: true });
    if (cm.status !== 'Posted')
      throw refuse(`Only a Posted credit memo can be refunded; ${cm.number} is ${cm.status}.`);
    await refuseWriteOffCredit(tx, cm, 'refund');
    const amount = requestAmount(request.totalAmount, cm.currency, 'totalAmount');
    if (amount.gt(money(cm.balance)))
      throw refuse(
        `The refund amount ${amount.toString()} exceeds the unapplied amount ${money(cm.balance).toString()} of ${cm.number}.`,
      );
    const refundDate = dateNotBefore(request.refundDate, cm.memo_date, 'refundDate', 'the credit memo date');
    const reasonCode = await reasonCodeOf(tx, 'CreditMemoRefund', request.reasonCode, 'Standard Refund');

    const book = new LineBook(await memoLines(tx, cm.id), `credit memo ${cm.number}`);
    let portions: Portion[];
    if (request.items && request.items.length > 0) {
      const itemTotal = sum(request.items.map((i) => i.amount));
      if (!itemTotal.eq(amount))
        throw refuse(`The item amounts sum to ${itemTotal.toString()}, not to totalAmount ${amount.toString()}.`);
      portions = request.items.map((i, k) => {
        if (Boolean(i.creditMemoItemId) === Boolean(i.creditTaxItemId))
          throw invalidValue(`'items[${k}]' names exactly one of creditMemoItemId or creditTaxItemId.`);
        const line = i.creditMemoItemId ? book.find('item', i.creditMemoItemId) : book.find('tax', i.creditTaxItemId!);
        if (!line)
          throw invalidValue(
            `'items[${k}]': ${i.creditMemoItemId ?? i.creditTaxItemId} is not a line of ${cm.number}.`,
          );
        return book.take(line, requestAmount(i.amount, cm.currency, `items[${k}].amount`));
      });
    } else {
      portions = book.spread(amount, cm.currency);
    }
    await refundLines(tx, cm.id, portions, caller);

    const row = await tx
      .insertInto('refunds')
      .values({
        id: newId(),
        number: await nextNumber(tx, 'Refund'),
        account_id: cm.account_id,
        credit_memo_id: cm.id,
        type: request.type,
        method_type: request.methodType,
        amount: amount.toString(),
        refund_date: refundDate,
        status: 'Processed',
        reason_code: reasonCode,
        comment: request.comment ?? null,
        reference_id: request.referenceId ?? null,
        second_refund_reference_id: request.secondRefundReferenceId ?? null,
        gateway_state: 'NotSubmitted',
        finance_information: JSON.stringify(request.financeInformation ?? {}),
        custom_fields: JSON.stringify(customFields),
        created_by_id: caller.userId,
        updated_by_id: caller.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(tx, cm.id, 'refunded', caller, {
      refundId: row.id,
      refundNumber: row.number,
      amount: amount.toString(),
      refundDate,
      methodType: request.methodType,
    });
    return serializeRefund(row);
  });
}

/** GET /v1/refunds/{refundKey}: id or number. */
export async function findRefund(db: Database, key: string): Promise<Refund> {
  const row = await db
    .selectFrom('refunds')
    .selectAll()
    .where((eb) => eb.or([eb('id', '=', key), eb('number', '=', key)]))
    .executeTakeFirst();
  if (!row)
    throw new ZuoraError(ErrorCategory.NotFound, `Cannot find a Refund instance with id or number ${key}.`, {
      resource: Resource.Refund,
    });
  return serializeRefund(row);
}

export function serializeRefund(r: Selectable<RefundsTable>): Refund {
  const finance = (r.finance_information ?? {}) as Record<string, string | undefined>;
  const code = (name: string | undefined, type: string) => ({ code: name ?? null, type: name ? type : null });
  const bank = code(finance.bankAccountAccountingCode, 'Cash');
  const unapplied = code(finance.unappliedPaymentAccountingCode, 'CustomerCashOnAccount');
  const onAccount = code(finance.onAccountAccountingCode, 'CustomerCashOnAccount');
  return {
    id: r.id,
    number: r.number,
    status: r.status as Refund['status'],
    type: r.type as Refund['type'],
    methodType: r.method_type,
    accountId: r.account_id,
    amount: toWire(r.amount),
    refundDate: r.refund_date,
    comment: r.comment,
    paymentMethodId: null,
    paymentMethodSnapshotId: null,
    paymentId: r.payment_id,
    creditMemoId: r.credit_memo_id,
    reasonCode: r.reason_code,
    referenceId: r.reference_id,
    secondRefundReferenceId: r.second_refund_reference_id,
    gatewayId: null,
    gatewayResponse: null,
    gatewayResponseCode: null,
    gatewayState: r.gateway_state,
    gatewayReconciliationStatus: null,
    gatewayReconciliationReason: null,
    markedForSubmissionOn: null,
    submittedOn: null,
    settledOn: null,
    cancelledOn: null,
    refundTransactionTime: null,
    softDescriptor: null,
    softDescriptorPhone: null,
    payoutId: null,
    financeInformation: {
      bankAccountAccountingCode: bank.code,
      bankAccountAccountingCodeType: bank.type,
      unappliedPaymentAccountingCode: unapplied.code,
      unappliedPaymentAccountingCodeType: unapplied.type,
      onAccountAccountingCode: onAccount.code,
      onAccountAccountingCodeType: onAccount.type,
      transferredToAccounting: finance.transferredToAccounting ?? 'No',
    },
    organizationLabel: null,
    createdDate: r.created_date,
    createdById: r.created_by_id,
    updatedDate: r.updated_date,
    updatedById: r.updated_by_id,
    ...(r.custom_fields ?? {}),
    success: true,
  };
}
