import type { Hono, Handler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { requirePermission } from '../context.ts';
import { ErrorCategory, Resource, ZuoraError } from '../errors.ts';
import { parseBody, parseValue, readJsonBody, splitCustomFields } from '../validation.ts';
import { writeOffRequestSchema } from '../../src/contract/write-off.ts';
import {
  creditMemoApplyRequestSchema,
  creditMemoRefundRequestSchema,
  creditMemoReverseRequestSchema,
  creditMemoUnapplyRequestSchema,
  creditMemoWriteOffRequestSchema,
  debitMemoCollectRequestSchema,
  paymentApplyRequestSchema,
} from '../../src/contract/settlement-requests.ts';
import { applyCreditMemo, unapplyCreditMemo } from '../domain/credit-memo-apply.ts';
import { findRefund, refundCreditMemo } from '../domain/credit-memo-refund.ts';
import { reverseCreditMemo } from '../domain/credit-memo-reverse.ts';
import { collectDebitMemo } from '../domain/debit-memo-collect.ts';
import { findMemo } from '../domain/memo-repo.ts';
import { applyPayment } from '../domain/payment-apply.ts';
import { serializeCreditMemo } from '../domain/serialize.ts';
import { runWrite } from '../db/transaction.ts';
import { writeOffCreditMemo } from '../domain/write-off-credit-memo.ts';
import { writeOffDebitMemo } from '../domain/write-off-debit-memo.ts';

// Settlement endpoints (docs/zuora/api-digest.md §4.13–4.14, §6.11–6.15, §8.4–8.5), both path spellings. Routes parse,
// authorise, call the domain and shape the response; the rules live in server/domain.

const DM = ['/v1/debit-memos', '/v1/debitmemos'];
const CM = ['/v1/credit-memos', '/v1/creditmemos'];
const WRITE_OFF_FIELDS = new Set([
  'memoDate',
  'comment',
  'reasonCode',
  'amount',
  'revenueImpacting',
  'recognizedRevenueAccountingCode',
  'items',
]);

/** Body with custom fields split off, validated by a strict schema. */
async function bodyWithCustomFields<T>(c: AppContext, parse: (standard: unknown) => T, resource: number) {
  const { standard, custom } = splitCustomFields(await readJsonBody(c, resource));
  return { request: parse(standard), custom };
}

async function accountNumberOf(c: AppContext, accountId: string): Promise<string | null> {
  const row = await c
    .get('db')
    .selectFrom('accounts')
    .select('account_number')
    .where('id', '=', accountId)
    .executeTakeFirst();
  return row?.account_number ?? null;
}

const debitMemoWriteOff: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'debitmemo.writeoff');
  const { request, custom } = await bodyWithCustomFields(
    c,
    (standard) => {
      const body = (standard ?? {}) as Record<string, unknown>;
      if (typeof body !== 'object' || Array.isArray(body))
        throw new ZuoraError(ErrorCategory.InvalidValue, 'The request body must be a JSON object.', {
          resource: Resource.DebitMemo,
        });
      const unknown = Object.keys(body).filter((k) => !WRITE_OFF_FIELDS.has(k));
      if (unknown.length > 0)
        throw new ZuoraError(ErrorCategory.UnknownField, `Unknown field(s) in request: ${unknown.join(', ')}`, {
          resource: Resource.DebitMemo,
        });
      if (
        body.revenueImpacting === 'No' &&
        (body.recognizedRevenueAccountingCode === undefined ||
          body.recognizedRevenueAccountingCode === null ||
          body.recognizedRevenueAccountingCode === '')
      ) {
        throw new ZuoraError(
          ErrorCategory.MissingField,
          "'recognizedRevenueAccountingCode' is required when 'revenueImpacting' is No.",
          { resource: Resource.DebitMemo },
        );
      }
      return parseValue(writeOffRequestSchema, body, Resource.DebitMemo);
    },
    Resource.DebitMemo,
  );
  const { creditMemoId } = await writeOffDebitMemo(c.get('db'), c.req.param('key')!, request, custom, caller);
  return c.json({ creditMemo: { id: creditMemoId }, success: true });
};

const creditMemoApply =
  (direction: 'apply' | 'unapply'): Handler<AppEnv> =>
  async (c) => {
    const caller = requirePermission(c, direction === 'apply' ? 'creditmemo.apply' : 'creditmemo.unapply');
    const request = await parseBody(
      c,
      direction === 'apply' ? creditMemoApplyRequestSchema : creditMemoUnapplyRequestSchema,
      Resource.CreditMemo,
    );
    const row = await runWrite(c.get('db'), async (tx) => {
      const cm = await findMemo(tx, 'CreditMemo', c.req.param('key')!);
      return direction === 'apply'
        ? applyCreditMemo(tx, cm, request, caller)
        : unapplyCreditMemo(tx, cm, request, caller);
    });
    return c.json({ ...serializeCreditMemo(row, await accountNumberOf(c, row.account_id)), success: true });
  };

const creditMemoRefund: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'creditmemo.refund');
  const { request, custom } = await bodyWithCustomFields(
    c,
    (s) => parseValue(creditMemoRefundRequestSchema, s, Resource.CreditMemo),
    Resource.CreditMemo,
  );
  return c.json(await refundCreditMemo(c.get('db'), c.req.param('key')!, request, custom, caller));
};

const creditMemoReverse: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'creditmemo.reverse');
  const request = await parseBody(c, creditMemoReverseRequestSchema, Resource.CreditMemo);
  const { creditMemoId, debitMemoId } = await reverseCreditMemo(c.get('db'), c.req.param('key')!, request, caller);
  return c.json({ creditMemo: { id: creditMemoId }, debitMemo: { id: debitMemoId }, success: true });
};

const creditMemoWriteOff: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'creditmemo.writeoff');
  const request = await parseBody(c, creditMemoWriteOffRequestSchema, Resource.CreditMemo);
  const { debitMemoId } = await writeOffCreditMemo(c.get('db'), c.req.param('key')!, request, caller);
  return c.json({ debitMemo: { id: debitMemoId }, success: true });
};

const debitMemoCollect: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'debitmemo.collect');
  const request = await parseBody(c, debitMemoCollectRequestSchema, Resource.DebitMemo);
  return c.json(await collectDebitMemo(c.get('db'), c.req.param('key')!, request, caller));
};

/** Applying a payment is the money side of collecting debit memos: the same permission. */
const paymentApply: Handler<AppEnv> = async (c) => {
  const caller = requirePermission(c, 'debitmemo.collect');
  const request = await parseBody(c, paymentApplyRequestSchema, Resource.Payment);
  return c.json(await applyPayment(c.get('db'), c.req.param('key')!, request, caller));
};

const refundGet: Handler<AppEnv> = async (c) => {
  requirePermission(c, 'memo.view');
  return c.json(await findRefund(c.get('db'), c.req.param('key')!));
};

export function registerSettlementRoutes(app: Hono<AppEnv>): void {
  for (const base of DM) {
    app.put(`${base}/:key/write-off`, debitMemoWriteOff);
    app.post(`${base}/:key/collect`, debitMemoCollect);
  }
  for (const base of CM) {
    app.put(`${base}/:key/apply`, creditMemoApply('apply'));
    app.put(`${base}/:key/unapply`, creditMemoApply('unapply'));
    app.post(`${base}/:key/refunds`, creditMemoRefund);
    app.put(`${base}/:key/reverse`, creditMemoReverse);
    app.put(`${base}/:key/write-off`, creditMemoWriteOff);
  }
  app.put('/v1/payments/:key/apply', paymentApply);
  app.get('/v1/refunds/:key', refundGet);
}
