import type { Hono } from 'hono';
import type { z } from 'zod';
import {
  bulkCreateEnvelopeSchema,
  bulkUpdateCreditMemoSchema,
  bulkUpdateDebitMemoSchema,
  bulkUpdateEnvelopeSchema,
  createCreditMemoFromChargeSchema,
  createCreditMemoFromInvoiceSchema,
  createDebitMemoFromChargeSchema,
  createDebitMemoFromInvoiceSchema,
  updateCreditMemoSchema,
  updateDebitMemoSchema,
  updateDebitMemoDueDatesSchema,
} from '../../src/contract/memo-requests.ts';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { createFromCharge } from '../domain/memo-create.ts';
import { createFromInvoice } from '../domain/memo-create-invoice.ts';
import { cancelMemo, deleteMemo, postMemo, unpostMemo } from '../domain/memo-lifecycle.ts';
import { resourceOf } from '../domain/memo-repo.ts';
import { updateDueDates, updateMemo } from '../domain/memo-update.ts';
import { serializeMemo } from '../domain/serialize.ts';
import { ErrorCategory, Resource, ZuoraError, missingField, processId } from '../errors.ts';
import { runWrite, type Tx } from '../db/transaction.ts';
import { parseBody, parseValue } from '../validation.ts';
import { MEMO_BASES } from './memo-paths.ts';

// Memo writes (docs/zuora/api-digest.md §4.3–4.12, §6.3–6.10): routes parse, authorise, run the domain in one
// transaction and answer with the memo. Bulk operations run one transaction per memo and report
// each memo's outcome in order (HTTP 200 even when some failed).

const schemas = {
  DebitMemo: {
    charge: createDebitMemoFromChargeSchema,
    invoice: createDebitMemoFromInvoiceSchema,
    update: updateDebitMemoSchema,
    bulkUpdate: bulkUpdateDebitMemoSchema,
  },
  CreditMemo: {
    charge: createCreditMemoFromChargeSchema,
    invoice: createCreditMemoFromInvoiceSchema,
    update: updateCreditMemoSchema,
    bulkUpdate: bulkUpdateCreditMemoSchema,
  },
} as const;

export async function memoBody(tx: Tx, row: MemoRow) {
  const account = await tx
    .selectFrom('accounts')
    .select('account_number')
    .where('id', '=', row.account_id)
    .executeTakeFirst();
  return { ...serializeMemo(row, account?.account_number ?? null), success: true as const };
}

export function registerMemoWriteRoutes(app: Hono<AppEnv>): void {
  for (const { base, kind } of MEMO_BASES) {
    // Static segments before `:key`, so `bulk` is never read as a memo key.
    app.post(`${base}/bulk`, (c) => bulkCreate(c, kind));
    app.put(`${base}/bulk`, (c) => bulkUpdate(c, kind));
    app.post(base, (c) => create(c, kind));
    app.post(`${base}/invoice/:invoiceKey`, (c) => createFromInvoiceRoute(c, kind));
    app.put(`${base}/:key/post`, (c) => transition(c, kind, 'memo.post', postMemo));
    app.put(`${base}/:key/unpost`, (c) => transition(c, kind, 'memo.unpost', unpostMemo));
    app.put(`${base}/:key/cancel`, (c) => transition(c, kind, 'memo.cancel', cancelMemo));
    app.put(`${base}/:key`, (c) => update(c, kind));
    app.delete(`${base}/:key`, (c) => remove(c, kind));
  }
  app.post('/v1/invoices/:invoiceKey/debitmemos', (c) => createFromInvoiceRoute(c, 'DebitMemo'));
  app.post('/v1/invoices/:invoiceKey/creditmemos', (c) => createFromInvoiceRoute(c, 'CreditMemo'));
  app.put('/v1/debit-memos', dueDates);
  app.put('/v1/debitmemos', dueDates);
}

async function create(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.create');
  const body = await parseBody(c, schemas[kind].charge, resourceOf(kind));
  return c.json(
    await runWrite(c.get('db'), async (tx) => memoBody(tx, await createFromCharge(tx, kind, body, caller))),
  );
}

async function createFromInvoiceRoute(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.create');
  const body = await parseBody(c, schemas[kind].invoice, resourceOf(kind));
  const invoiceKey = c.req.param('invoiceKey')!;
  return c.json(
    await runWrite(c.get('db'), async (tx) =>
      memoBody(tx, await createFromInvoice(tx, kind, invoiceKey, body, caller)),
    ),
  );
}

async function update(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.edit');
  const body = await parseBody(c, schemas[kind].update, resourceOf(kind));
  const key = c.req.param('key')!;
  return c.json(await runWrite(c.get('db'), async (tx) => memoBody(tx, await updateMemo(tx, kind, key, body, caller))));
}

type Transition = typeof postMemo;
async function transition(
  c: AppContext,
  kind: MemoKind,
  permission: 'memo.post' | 'memo.unpost' | 'memo.cancel',
  op: Transition,
) {
  const caller = requirePermission(c, permission);
  const key = c.req.param('key')!;
  return c.json(await runWrite(c.get('db'), async (tx) => memoBody(tx, await op(tx, kind, key, caller))));
}

async function remove(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.delete');
  const key = c.req.param('key')!;
  await runWrite(c.get('db'), (tx) => deleteMemo(tx, kind, key, caller));
  return c.json({ success: true });
}

async function dueDates(c: AppContext) {
  const caller = requirePermission(c, 'memo.edit');
  const body = await parseBody(c, updateDebitMemoDueDatesSchema, Resource.DebitMemo);
  await runWrite(c.get('db'), (tx) => updateDueDates(tx, body.debitMemos, caller));
  return c.json({ success: true });
}

/** One bulk entry's outcome: the memo, or Zuora's failed-entry shape with its index. */
async function entry(c: AppContext, index: number, id: string | undefined, run: (tx: Tx) => Promise<MemoRow>) {
  try {
    return await runWrite(c.get('db'), async (tx) => memoBody(tx, await run(tx)));
  } catch (err) {
    const reasons =
      err instanceof ZuoraError
        ? err.reasons
        : [{ code: Resource.Unknown * 100 + ErrorCategory.Internal, message: 'An internal error occurred.' }];
    if (!(err instanceof ZuoraError)) console.error('bulk entry failed', err);
    return {
      success: false as const,
      processId: processId(),
      reasons,
      objectIndex: index,
      ...(id !== undefined && { id }),
    };
  }
}

async function bulkCreate(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.create');
  const resource = resourceOf(kind);
  const { sourceType, memos } = await parseBody(c, bulkCreateEnvelopeSchema, resource);
  const results = [];
  for (const [i, raw] of memos.entries()) {
    results.push(
      await entry(c, i, undefined, async (tx) => {
        if (sourceType === 'Standalone')
          return createFromCharge(tx, kind, parseValue(schemas[kind].charge, raw, resource), caller);
        const body = parseValue(
          schemas[kind].invoice as z.ZodType<z.infer<(typeof schemas)[typeof kind]['invoice']>>,
          raw,
          resource,
        );
        if (!body.invoiceId) throw missingField('invoiceId', resource);
        return createFromInvoice(tx, kind, body.invoiceId, body, caller);
      }),
    );
  }
  return c.json({ memos: results, success: true });
}

async function bulkUpdate(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.edit');
  const resource = resourceOf(kind);
  const { memos } = await parseBody(c, bulkUpdateEnvelopeSchema, resource);
  const results = [];
  for (const [i, raw] of memos.entries()) {
    const id =
      raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string'
        ? (raw as { id: string }).id
        : undefined;
    results.push(
      await entry(c, i, id, async (tx) => {
        const { id: key, ...body } = parseValue(schemas[kind].bulkUpdate, raw, resource);
        return updateMemo(tx, kind, key, body, caller);
      }),
    );
  }
  return c.json({ memos: results, success: true });
}
