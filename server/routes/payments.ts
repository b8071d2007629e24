import type { Hono } from 'hono';
import { sql } from 'kysely';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import { notFound, Resource } from '../errors.ts';
import { serializePayment } from '../domain/payment-apply.ts';
import { accountNumbers } from './memo-list.ts';
import { filterConditions, pageEnvelope, parsePaging, parseSort, type FilterSpec } from './list-params.ts';
import { isZuoraId } from '../../src/contract/ids.ts';

// Payments, read side (docs/zuora/api-digest.md §8.4): list with Zuora's equality filters and sort, retrieve by id or number.

const FILTERS: Record<string, FilterSpec> = {
  accountId: { column: 'p.account_id', type: 'string' },
  amount: { column: 'p.amount', type: 'number' },
  appliedAmount: { column: 'p.applied_amount', type: 'number' },
  createdById: { column: 'p.created_by_id', type: 'string' },
  createdDate: { column: 'p.created_date', type: 'datetime' },
  creditBalanceAmount: { column: '0', type: 'number' },
  currency: { column: 'p.currency', type: 'string' },
  effectiveDate: { column: 'p.effective_date', type: 'date' },
  number: { column: 'p.number', type: 'string' },
  refundAmount: { column: 'p.refund_amount', type: 'number' },
  status: {
    column: 'p.status',
    type: 'enum',
    values: ['Draft', 'Processing', 'Processed', 'Error', 'Canceled', 'Posted'],
  },
  type: { column: 'p.type', type: 'enum', values: ['External', 'Electronic'] },
  unappliedAmount: { column: 'p.unapplied_amount', type: 'number' },
  updatedById: { column: 'p.updated_by_id', type: 'string' },
  updatedDate: { column: 'p.updated_date', type: 'datetime' },
};
const SORT: Record<string, string> = {
  number: 'p.number',
  accountId: 'p.account_id',
  amount: 'p.amount',
  appliedAmount: 'p.applied_amount',
  unappliedAmount: 'p.unapplied_amount',
  refundAmount: 'p.refund_amount',
  creditBalanceAmount: '0',
  effectiveDate: 'p.effective_date',
  createdDate: 'p.created_date',
  createdById: 'p.created_by_id',
  updatedDate: 'p.updated_date',
  updatedById: 'p.updated_by_id',
};

export function registerPaymentReadRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/payments', async (c) => c.json(await list(c)));
  app.get('/v1/payments/:key', async (c) => c.json(await retrieve(c)));
}

async function list(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, { size: 20, max: 40 });
  const sort = parseSort(c.req.query('sort'), SORT);
  const db = c.get('db');
  let q = db.selectFrom('payments as p').selectAll('p');
  for (const cond of filterConditions(c, FILTERS)) q = q.where(cond);
  for (const s of sort.length ? sort : [{ column: 'p.number', direction: 'desc' }])
    q = q.orderBy(sql.raw(`${s.column} ${s.direction}`));
  const rows = await q
    .orderBy('p.number', 'desc')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const numbers = await accountNumbers(db, rows);
  const payments = rows.map((p) => {
    const { success: _ignored, ...rest } = serializePayment(p, numbers.get(p.account_id) ?? null);
    void _ignored;
    return rest;
  });
  return pageEnvelope(c, 'payments', payments, paging);
}

async function retrieve(c: AppContext) {
  requirePermission(c, 'memo.view');
  const key = c.req.param('key')!;
  const db = c.get('db');
  const q = db.selectFrom('payments').selectAll();
  const row = await (isZuoraId(key) ? q.where('id', '=', key) : q.where('number', '=', key)).executeTakeFirst();
  if (!row) throw notFound('Payment', key, Resource.Payment);
  const numbers = await accountNumbers(db, [row]);
  return serializePayment(row, numbers.get(row.account_id) ?? null);
}
