import type { Hono } from 'hono';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { MemoKind } from '../db/types.ts';
import { findMemo } from '../domain/memo-repo.ts';
import { MEMO_BASES } from './memo-paths.ts';

// A memo's timeline (sandbox extension; Zuora shows it in the UI only): every event recorded by
// recordEvent(), oldest first.

export function registerHistoryRoutes(app: Hono<AppEnv>): void {
  for (const { base, kind } of MEMO_BASES) app.get(`${base}/:key/history`, (c) => history(c, kind));
}

async function history(c: AppContext, kind: MemoKind) {
  requirePermission(c, 'memo.view');
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!);
  const rows = await db
    .selectFrom('memo_events')
    .selectAll()
    .where('memo_id', '=', memo.id)
    .orderBy('id')
    .limit(1000)
    .execute();
  const events = rows.map((r) => ({
    id: String(r.id),
    event: r.event,
    at: r.created_at,
    userId: r.user_id,
    userName: r.user_name,
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : (r.detail ?? {})) as Record<string, unknown>,
  }));
  return c.json({ events, success: true });
}
