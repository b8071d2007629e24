import type { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { requirePermission, type AppEnv } from '../context.ts';
import type { AccountingCodesTable } from '../db/types.ts';
import { notFound, Resource } from '../errors.ts';
import { pageEnvelope, parsePaging } from './list-params.ts';

// Accounting codes (docs/zuora/api-digest.md §8.6): pages of up to 300 (the default), no filters.

const serialize = (a: Selectable<AccountingCodesTable>) => ({
  id: a.id,
  name: a.name,
  type: a.type,
  category: a.category,
  status: a.status,
  glAccountName: a.gl_account_name,
  glAccountNumber: a.gl_account_number,
  notes: a.notes,
  createdBy: a.created_by,
  createdOn: a.created_on,
  updatedBy: a.updated_by,
  updatedOn: a.updated_on,
});

export function registerAccountingCodeRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/accounting-codes', async (c) => {
    requirePermission(c, 'memo.view');
    const paging = parsePaging(c, { size: 300, max: 300 });
    const rows = await c
      .get('db')
      .selectFrom('accounting_codes')
      .selectAll()
      .orderBy('name')
      .limit(paging.pageSize + 1)
      .offset(paging.offset)
      .execute();
    return c.json(pageEnvelope(c, 'accountingCodes', rows.map(serialize), paging));
  });
  app.get('/v1/accounting-codes/:id', async (c) => {
    requirePermission(c, 'memo.view');
    const id = c.req.param('id');
    const row = await c.get('db').selectFrom('accounting_codes').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('AccountingCode', id, Resource.AccountingCode);
    return c.json({ ...serialize(row), success: true });
  });
}
