import type { Hono } from 'hono';
import { requirePermission, type AppEnv } from '../context.ts';

// Sandbox-only: the emails `POST …/emails` recorded instead of sending, newest first, so tests and the
// demo can show what would have gone out. Needs a bearer token (app.ts guards /sandbox/outbox).

export function registerSandboxOutboxRoute(app: Hono<AppEnv>): void {
  app.get('/sandbox/outbox', async (c) => {
    requirePermission(c, 'memo.view');
    const limit = Math.min(200, Math.max(1, Number(c.req.query('limit') ?? 50) || 50));
    let q = c
      .get('db')
      .selectFrom('email_outbox')
      .innerJoin('memos', 'memos.id', 'email_outbox.memo_id')
      .select([
        'email_outbox.id',
        'email_outbox.memo_id',
        'memos.number',
        'memos.kind',
        'email_outbox.to_addresses',
        'email_outbox.subject',
        'email_outbox.body',
        'email_outbox.pdf_file_id',
        'email_outbox.status',
        'email_outbox.created_date',
        'email_outbox.created_by_id',
      ])
      .orderBy('email_outbox.created_date', 'desc')
      .orderBy('email_outbox.id')
      .limit(limit);
    const memoId = c.req.query('memoId');
    if (memoId) q = q.where('email_outbox.memo_id', '=', memoId);
    const rows = await q.execute();
    const emails = rows.map((r) => ({
      id: r.id,
      memoId: r.memo_id,
      memoNumber: r.number,
      memoType: r.kind,
      to: r.to_addresses
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
      subject: r.subject,
      body: r.body,
      pdfFileId: r.pdf_file_id,
      status: r.status,
      createdDate: r.created_date,
      createdById: r.created_by_id,
    }));
    return c.json({ emails, success: true });
  });
}
