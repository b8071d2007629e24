import type { Hono } from 'hono';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { MemoKind } from '../db/types.ts';
import { findMemo } from '../domain/memo-repo.ts';
import { serializeMemo } from '../domain/serialize.ts';
import { MEMO_BASES } from './memo-paths.ts';
import { listMemos } from './memo-list.ts';
import {
  getItem,
  getPart,
  listApplicationParts,
  listItems,
  listItemTaxationItems,
  listParts,
} from './memo-item-reads.ts';

// Read routes of credit and debit memos, both path spellings (docs/zuora/api-digest.md §1). Everything needs memo.view.

export function registerMemoReadRoutes(app: Hono<AppEnv>): void {
  for (const { base, kind } of MEMO_BASES) {
    const read = (fn: (c: AppContext, kind: MemoKind) => Promise<unknown>) => async (c: AppContext) => {
      requirePermission(c, 'memo.view');
      return c.json(await fn(c, kind));
    };
    app.get(base, read(listMemos));
    app.get(`${base}/:key`, read(retrieve));
    app.get(`${base}/:key/items`, read(listItems));
    app.get(`${base}/:key/items/:itemId`, read(getItem));
    app.get(`${base}/:key/items/:itemId/taxation-items`, read(listItemTaxationItems));
    if (kind === 'CreditMemo') {
      app.get(`${base}/:key/parts`, read(listParts));
      app.get(`${base}/:key/parts/:partId`, read(getPart));
    } else {
      app.get(`${base}/:key/application-parts`, read(listApplicationParts));
    }
  }
}

async function retrieve(c: AppContext, kind: MemoKind) {
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!);
  const account = await db
    .selectFrom('accounts')
    .select('account_number')
    .where('id', '=', memo.account_id)
    .executeTakeFirst();
  return { ...serializeMemo(memo, account?.account_number ?? null), success: true };
}
