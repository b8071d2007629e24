import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/connect.ts';
import type { MemoItemRow, MemoKind, MemoRow } from '../db/types.ts';
import { notFound, Resource } from '../errors.ts';
import { findMemo, resourceOf } from '../domain/memo-repo.ts';
import {
  serializeCreditMemoItem,
  serializeCreditMemoTaxItem,
  serializeDebitMemoItem,
  serializeDebitMemoTaxItem,
} from '../domain/serialize.ts';
import { isPositive, toWire } from '../../src/lib/money.ts';
import { filterConditions, pageEnvelope, parsePaging, parseSort, type FilterSpec } from './list-params.ts';

// A memo's items (docs/zuora/api-digest.md §4.15, §6.16), taxation items of one item (§4.16, §6.17), credit memo parts
// (§6.19) and debit memo application parts (§4.18). Sub-lists clamp pageSize to 40 instead of refusing,
// so a client asking for "everything" still gets pages (Zuora does not document which it does, A21).

const SUB_LIST = { size: 20, max: 40, clamp: true } as const;

const ITEM_FILTERS_COMMON: Record<string, FilterSpec> = {
  amount: { column: 'i.amount', type: 'number' },
  createdById: { column: 'i.created_by_id', type: 'string' },
  createdDate: { column: 'i.created_date', type: 'datetime' },
  id: { column: 'i.id', type: 'string' },
  serviceEndDate: { column: 'i.service_end_date', type: 'date', nullable: true },
  serviceStartDate: { column: 'i.service_start_date', type: 'date', nullable: true },
  sku: { column: 'i.sku', type: 'string' },
  skuName: { column: 'i.sku_name', type: 'string' },
  sourceItemId: { column: 'i.source_item_id', type: 'string' },
  subscriptionId: { column: 'i.subscription_id', type: 'string' },
  updatedById: { column: 'i.updated_by_id', type: 'string' },
  updatedDate: { column: 'i.updated_date', type: 'datetime' },
};
const ITEM_FILTERS: Record<MemoKind, Record<string, FilterSpec>> = {
  DebitMemo: { ...ITEM_FILTERS_COMMON, beAppliedAmount: { column: 'i.applied_amount', type: 'number' } },
  CreditMemo: {
    ...ITEM_FILTERS_COMMON,
    appliedAmount: { column: 'i.applied_amount', type: 'number' },
    refundAmount: { column: 'i.refund_amount', type: 'number' },
  },
};
const ITEM_SORT_COMMON = {
  id: 'i.id',
  amount: 'i.amount',
  sku: 'i.sku',
  skuName: 'i.sku_name',
  serviceStartDate: 'i.service_start_date',
  serviceEndDate: 'i.service_end_date',
  sourceItemId: 'i.source_item_id',
  createdDate: 'i.created_date',
  createdById: 'i.created_by_id',
  updatedDate: 'i.updated_date',
  updatedById: 'i.updated_by_id',
  subscriptionId: 'i.subscription_id',
};
const ITEM_SORT: Record<MemoKind, Record<string, string>> = {
  DebitMemo: { ...ITEM_SORT_COMMON, beAppliedAmount: 'i.applied_amount' },
  CreditMemo: { ...ITEM_SORT_COMMON, appliedAmount: 'i.applied_amount', refundAmount: 'i.refund_amount' },
};

async function serializeItems(db: Database, kind: MemoKind, items: MemoItemRow[]) {
  const ids = items.map((i) => i.id);
  const taxes = ids.length
    ? await db
        .selectFrom('memo_taxation_items')
        .selectAll()
        .where('memo_item_id', 'in', ids)
        .orderBy('created_date')
        .orderBy('id')
        .execute()
    : [];
  return items.map((i) => {
    const own = taxes.filter((t) => t.memo_item_id === i.id);
    return kind === 'CreditMemo' ? serializeCreditMemoItem(i, own) : serializeDebitMemoItem(i, own);
  });
}

export async function listItems(c: AppContext, kind: MemoKind) {
  const paging = parsePaging(c, SUB_LIST);
  const sort = parseSort(c.req.query('sort'), ITEM_SORT[kind]);
  const conditions = filterConditions(c, ITEM_FILTERS[kind]);
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!);
  let q = db.selectFrom('memo_items as i').selectAll('i').where('i.memo_id', '=', memo.id);
  for (const cond of conditions) q = q.where(cond);
  // Zuora's default order is updatedDate descending; ties keep the items' own order.
  const keys = sort.length ? sort : [{ column: 'i.updated_date', direction: 'desc' as const }];
  for (const k of keys) q = q.orderBy(sql.raw(`${k.column} ${k.direction}`));
  const rows = await q
    .orderBy('i.sort_order')
    .orderBy('i.id')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  return pageEnvelope(c, 'items', await serializeItems(db, kind, rows), paging);
}

async function findItem(db: Database, kind: MemoKind, memo: MemoRow, itemId: string): Promise<MemoItemRow> {
  const item = await db
    .selectFrom('memo_items')
    .selectAll()
    .where('memo_id', '=', memo.id)
    .where('id', '=', itemId)
    .executeTakeFirst();
  if (!item) throw notFound(kind === 'CreditMemo' ? 'CreditMemoItem' : 'DebitMemoItem', itemId, resourceOf(kind));
  return item;
}

export async function getItem(c: AppContext, kind: MemoKind) {
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!);
  const item = await findItem(db, kind, memo, c.req.param('itemId')!);
  const [out] = await serializeItems(db, kind, [item]);
  return { ...out, success: true };
}

export async function listItemTaxationItems(c: AppContext, kind: MemoKind) {
  const paging = parsePaging(c, SUB_LIST);
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!, { idOnly: true });
  const item = await findItem(db, kind, memo, c.req.param('itemId')!);
  const rows = await db
    .selectFrom('memo_taxation_items')
    .selectAll()
    .where('memo_item_id', '=', item.id)
    .orderBy('created_date')
    .orderBy('id')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const data = rows.map((t) => (kind === 'CreditMemo' ? serializeCreditMemoTaxItem(t) : serializeDebitMemoTaxItem(t)));
  return pageEnvelope(c, 'data', data, paging);
}

/** The unapplied part's id: derived from the memo id, so it is stable across reads. */
export const unappliedPartId = (memoId: string) => createHash('md5').update(`unapplied-part:${memoId}`).digest('hex');

async function creditMemoParts(db: Database, memo: MemoRow) {
  const apps = await db
    .selectFrom('applications')
    .selectAll()
    .where('source_id', '=', memo.id)
    .orderBy('created_date')
    .orderBy('id')
    .execute();
  const parts = apps.map((a) => ({
    id: a.id,
    amount: toWire(a.amount),
    invoiceId: a.target_type === 'Invoice' ? a.target_id : null,
    debitMemoId: a.target_type === 'DebitMemo' ? a.target_id : null,
    createdDate: a.created_date,
    createdById: a.created_by_id,
    updatedDate: a.updated_date,
    updatedById: a.updated_by_id,
  }));
  // One unapplied part while something is unapplied; a fully refunded memo has no parts (§5.3).
  if (isPositive(memo.balance)) {
    parts.unshift({
      id: unappliedPartId(memo.id),
      amount: toWire(memo.balance),
      invoiceId: null,
      debitMemoId: null,
      createdDate: memo.created_date,
      createdById: memo.created_by_id,
      updatedDate: memo.updated_date,
      updatedById: memo.updated_by_id,
    });
  }
  return parts;
}

export async function listParts(c: AppContext) {
  const paging = parsePaging(c, SUB_LIST);
  const memo = await findMemo(c.get('db'), 'CreditMemo', c.req.param('key')!);
  const parts = await creditMemoParts(c.get('db'), memo);
  return pageEnvelope(c, 'parts', parts.slice(paging.offset, paging.offset + paging.pageSize + 1), paging);
}

export async function getPart(c: AppContext) {
  const memo = await findMemo(c.get('db'), 'CreditMemo', c.req.param('key')!);
  const partId = c.req.param('partId')!;
  const part = (await creditMemoParts(c.get('db'), memo)).find((p) => p.id === partId);
  if (!part) throw notFound('CreditMemoPart', partId, Resource.CreditMemo);
  return { ...part, success: true };
}

export async function listApplicationParts(c: AppContext) {
  const paging = parsePaging(c, SUB_LIST);
  const db = c.get('db');
  const memo = await findMemo(db, 'DebitMemo', c.req.param('key')!, { idOnly: true });
  const apps = await db
    .selectFrom('applications')
    .selectAll()
    .where('target_id', '=', memo.id)
    .orderBy('created_date')
    .orderBy('id')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const parts = apps.map((a) => ({
    appliedAmount: toWire(a.amount),
    ...(a.source_type === 'CreditMemo' ? { creditMemoId: a.source_id } : { paymentId: a.source_id }),
    createdById: a.created_by_id,
    createdDate: a.created_date,
    updatedById: a.updated_by_id,
    updatedDate: a.updated_date,
  }));
  return pageEnvelope(c, 'applicationParts', parts, paging);
}
