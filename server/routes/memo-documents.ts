import type { Hono } from 'hono';
import { emailMemoSchema } from '../../src/contract/memo-requests.ts';
import { MAX_UPLOAD_BYTES } from '../../src/contract/uploads.ts';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { MemoKind } from '../db/types.ts';
import { emailMemo } from '../domain/memo-email.ts';
import { findFile, listMemoFiles, uploadMemoFile } from '../domain/memo-files.ts';
import { generateMemoPdf } from '../domain/memo-pdf.ts';
import { findMemo, resourceOf } from '../domain/memo-repo.ts';
import { ErrorCategory, ZuoraError, invalidValue, missingField } from '../errors.ts';
import { runWrite } from '../db/transaction.ts';
import { parseBody } from '../validation.ts';
import { MEMO_BASES, pageOf } from './memo-paths.ts';

// A memo's documents: generate PDF, list/download/upload files, PDF status, email (docs/zuora/api-digest.md §4.19–4.22,
// §6.20). Register before the memo routes: `pdf-status` must not be taken for a memo key.

const filesKey = (kind: MemoKind) => (kind === 'CreditMemo' ? 'creditMemoFiles' : 'debitMemoFiles');

export function registerMemoDocumentRoutes(app: Hono<AppEnv>): void {
  for (const { base, kind } of MEMO_BASES) {
    app.get(`${base}/pdf-status`, (c) => pdfStatus(c, kind));
    app.post(`${base}/:key/pdfs`, (c) => generatePdf(c, kind));
    app.get(`${base}/:key/files`, (c) => listFiles(c, kind, base));
    app.post(`${base}/:key/files`, (c) => uploadFile(c, kind));
    app.post(`${base}/:key/emails`, (c) => email(c, kind));
  }
  app.get('/v1/files/:fileId', downloadFile);
}

async function generatePdf(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.pdf');
  await runWrite(c.get('db'), async (tx) => {
    const memo = await findMemo(tx, kind, c.req.param('key')!, { forUpdate: true });
    await generateMemoPdf(tx, memo, caller);
  });
  return c.json({ success: true });
}

async function listFiles(c: AppContext, kind: MemoKind, base: string) {
  requirePermission(c, 'memo.view');
  const db = c.get('db');
  const memo = await findMemo(db, kind, c.req.param('key')!);
  const p = pageOf((n) => c.req.query(n));
  const rows = await listMemoFiles(db, memo.id, { offset: p.offset, limit: p.limit + 1 });
  const files = rows
    .slice(0, p.limit)
    .map((r) => ({ id: r.id, pdfFileUrl: `/v1/files/${r.id}`, versionNumber: r.version_number }));
  const nextPage =
    rows.length > p.limit ? `${base}/${c.req.param('key')}/files?page=${p.page + 1}&pageSize=${p.pageSize}` : undefined;
  return c.json({ [filesKey(kind)]: files, ...(nextPage ? { nextPage } : {}), success: true });
}

async function uploadFile(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.upload');
  const resource = resourceOf(kind);
  // Refuse an oversized body before reading it; the multipart envelope adds a little to the file.
  const length = Number(c.req.header('content-length') ?? 0);
  if (length > MAX_UPLOAD_BYTES + 64 * 1024) throw invalidValue('The file is larger than 4 MB.', resource);
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
    throw invalidValue("Upload the file as multipart/form-data with a part named 'file'.", resource);
  }
  const form = await c.req.parseBody().catch(() => {
    throw new ZuoraError(ErrorCategory.Malformed, 'Malformed multipart/form-data request body.', { resource });
  });
  const file = form.file;
  if (!(file instanceof File)) throw missingField('file', resource);
  const upload = { name: file.name, type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) };
  const stored = await runWrite(c.get('db'), async (tx) => {
    const memo = await findMemo(tx, kind, c.req.param('key')!, { forUpdate: true });
    return uploadMemoFile(tx, memo, upload, caller);
  });
  return c.json({ fileId: stored.id, success: true });
}

async function downloadFile(c: AppContext) {
  requirePermission(c, 'memo.view');
  const file = await findFile(c.get('db'), c.req.param('fileId')!);
  const ascii = file.file_name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return c.body(new Uint8Array(file.content), 200, {
    'Content-Type': file.content_type,
    'Content-Length': String(file.content.byteLength),
    'Content-Disposition': `inline; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
    'Cache-Control': 'private, no-store',
  });
}

async function pdfStatus(c: AppContext, kind: MemoKind) {
  requirePermission(c, 'memo.view');
  const param = kind === 'CreditMemo' ? 'creditMemoKeys' : 'debitMemoKeys';
  const keys = (c.req.query(param) ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (keys.length === 0) {
    throw new ZuoraError(ErrorCategory.MissingQueryParameter, `Missing required query parameter '${param}'.`, {
      resource: resourceOf(kind),
    });
  }
  if (keys.length > 50) throw invalidValue(`'${param}': at most 50 keys per request.`, resourceOf(kind));
  const db = c.get('db');
  const out = [];
  for (const key of keys) {
    const memo = await findMemo(db, kind, key);
    const gen = await db
      .selectFrom('memo_files')
      .select((eb) => [
        eb.fn.min('created_date').as('first'),
        eb.fn.max('created_date').as('last'),
        eb.fn.countAll<number>().as('n'),
      ])
      .where('memo_id', '=', memo.id)
      .where('origin', '=', 'Generated')
      .executeTakeFirstOrThrow();
    const generated = Number(gen.n) > 0;
    const status = {
      pdfGenerationStatus: generated ? 'Generated' : 'None',
      createdOn: generated ? String(gen.first) : memo.created_date,
      updatedOn: generated ? String(gen.last) : memo.updated_date,
    };
    out.push(
      kind === 'CreditMemo'
        ? { creditMemoId: memo.id, creditMemoNumber: memo.number, ...status }
        : { debitMemoId: memo.id, debitMemoNumber: memo.number, ...status },
    );
  }
  return c.json({ [filesKey(kind)]: out, success: true });
}

async function email(c: AppContext, kind: MemoKind) {
  const caller = requirePermission(c, 'memo.email');
  const body = await parseBody(c, emailMemoSchema, resourceOf(kind));
  await runWrite(c.get('db'), async (tx) => {
    const memo = await findMemo(tx, kind, c.req.param('key')!, { forUpdate: true });
    await emailMemo(tx, memo, body, caller, { smtpUrl: process.env.SMTP_URL });
  });
  return c.json({ success: true });
}
