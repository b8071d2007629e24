import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { fileCount, insertMemo } from '../testing/document-fixtures.ts';
import { isPdf, pdfTextOf } from '../testing/pdf-text.ts';
import type { DemoRole } from '../../src/contract/permissions.ts';
import { creditMemoFileListSchema, debitMemoFileListSchema } from '../../src/contract/memos.ts';
import { creditMemoPdfStatusResponseSchema, debitMemoPdfStatusResponseSchema } from '../../src/contract/documents.ts';
import { category } from '../testing/reason-category.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(() => h.close());

async function download(path: string, role: DemoRole = 'admin') {
  const res = await h.app.request(path, { headers: { authorization: `Bearer ${await h.token(role)}` } });
  return { res, bytes: new Uint8Array(await res.arrayBuffer()) };
}

describe('POST …/pdfs and GET …/files', () => {
  it('renders a real PDF of a debit memo, stores versions newest first and downloads them', async () => {
    const memo = await insertMemo(h.conn.db, { kind: 'DebitMemo' });
    expect(await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`)).toMatchObject({
      status: 200,
      body: { success: true },
    });
    expect((await h.call('POST', `/v1/debitmemos/${memo.id}/pdfs`)).body).toEqual({ success: true });

    const list = await h.call('GET', `/v1/debit-memos/${memo.number}/files`);
    expect(list.status).toBe(200);
    expect(debitMemoFileListSchema.safeParse(list.body).success).toBe(true);
    const files = list.body.debitMemoFiles as { id: string; pdfFileUrl: string; versionNumber: number }[];
    expect(files.map((f) => f.versionNumber)).toEqual([2, 1]);
    expect(files[0].pdfFileUrl).toBe(`/v1/files/${files[0].id}`);

    const row = await h.conn.db
      .selectFrom('memos')
      .select('latest_pdf_file_id')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(row.latest_pdf_file_id).toBe(files[0].id);

    const { res, bytes } = await download(files[0].pdfFileUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename="${memo.number}-v2.pdf"`);
    expect(isPdf(bytes)).toBe(true);
    const text = pdfTextOf(bytes);
    expect(text).toContain(`Debit Memo ${memo.number}`);
    expect(text).toContain('Acme Corp');
    expect(text).toContain('Ada Lovelace');
    expect(text).toContain('Platform fee');
    expect(text).toContain('2024-03-01 to 2024-03-31');
    expect(text).toContain('CA State Tax');
    expect(text).toContain('8.8%');
    expect(text).toContain('$118.80');
    expect(text).toContain('$8.80');
    expect(text).toContain('Balance');
  });

  it('renders a Draft credit memo under both spellings, with the credit memo totals', async () => {
    const memo = await insertMemo(h.conn.db, { kind: 'CreditMemo', status: 'Draft' });
    expect((await h.call('POST', `/v1/creditmemos/${memo.number}/pdfs`)).body).toEqual({ success: true });
    const list = await h.call('GET', `/v1/credit-memos/${memo.id}/files`);
    expect(creditMemoFileListSchema.parse(list.body).creditMemoFiles).toHaveLength(1);
    const { bytes } = await download(list.body.creditMemoFiles[0].pdfFileUrl);
    const text = pdfTextOf(bytes);
    expect(text).toContain(`Credit Memo ${memo.number}`);
    expect(text).toContain('Status: Draft');
    expect(text).toContain('Unapplied');
  });

  it('prints markup and SQL-looking strings as plain text', async () => {
    const memo = await insertMemo(h.conn.db, {
      comment: '<script>alert("x")</script>',
      skuName: "'; DROP TABLE memos; --",
    });
    await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`);
    const list = await h.call('GET', `/v1/debit-memos/${memo.number}/files`);
    const text = pdfTextOf((await download(list.body.debitMemoFiles[0].pdfFileUrl)).bytes);
    expect(text).toContain('<script>alert("x")</script>');
    expect(text).toContain("'; DROP TABLE memos; --");
  });

  it('formats money in the currency’s decimals (JPY has none)', async () => {
    const memo = await insertMemo(h.conn.db, { currency: 'JPY' });
    await h.conn.db
      .updateTable('memos')
      .set({ amount: '12000', tax_amount: '0', balance: '12000' })
      .where('id', '=', memo.id)
      .execute();
    await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`);
    const list = await h.call('GET', `/v1/debit-memos/${memo.number}/files`);
    const text = pdfTextOf((await download(list.body.debitMemoFiles[0].pdfFileUrl)).bytes);
    expect(text).toContain('¥12,000');
    expect(text).not.toContain('¥12,000.00');
  });

  it('refuses without the Regenerate PDF permission (10) and for an unknown memo (40), storing nothing', async () => {
    const memo = await insertMemo(h.conn.db);
    const denied = await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`, undefined, { role: 'viewer' });
    expect(denied.status).toBe(403);
    expect(category(denied.body)).toBe(10);
    const missing = await h.call('POST', '/v1/debit-memos/DM99999999/pdfs');
    expect(missing.status).toBe(404);
    expect(category(missing.body)).toBe(40);
    expect(await fileCount(h.conn.db, memo.id)).toBe(0);
    const history = await h.call('GET', `/v1/debit-memos/${memo.number}/history`);
    expect(history.body.events).toEqual([]);
  });

  it('answers 404 (40) for an unknown file', async () => {
    const r = await h.call('GET', '/v1/files/0123456789abcdef0123456789abcdef');
    expect(r.status).toBe(404);
    expect(category(r.body)).toBe(40);
  });

  it('gives parallel generations of one memo distinct, consecutive versions', async () => {
    const memo = await insertMemo(h.conn.db);
    const results = await Promise.all(
      Array.from({ length: 6 }, () => h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`)),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    const list = await h.call('GET', `/v1/debit-memos/${memo.number}/files?pageSize=40`);
    expect(list.body.debitMemoFiles.map((f: { versionNumber: number }) => f.versionNumber)).toEqual([6, 5, 4, 3, 2, 1]);
  });

  it('pages the file list with nextPage', async () => {
    const memo = await insertMemo(h.conn.db);
    for (let i = 0; i < 3; i++) await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`);
    const first = await h.call('GET', `/v1/debit-memos/${memo.number}/files?pageSize=2`);
    expect(first.body.debitMemoFiles.map((f: { versionNumber: number }) => f.versionNumber)).toEqual([3, 2]);
    expect(first.body.nextPage).toBe(`/v1/debit-memos/${memo.number}/files?page=2&pageSize=2`);
    const second = await h.call('GET', first.body.nextPage);
    expect(second.body.debitMemoFiles.map((f: { versionNumber: number }) => f.versionNumber)).toEqual([1]);
    expect(second.body.nextPage).toBeUndefined();
  });
});

describe('GET …/pdf-status', () => {
  it('says None before and Generated after a PDF, for several keys at once', async () => {
    const a = await insertMemo(h.conn.db);
    const b = await insertMemo(h.conn.db);
    await h.call('POST', `/v1/debit-memos/${a.number}/pdfs`);
    const r = await h.call('GET', `/v1/debit-memos/pdf-status?debitMemoKeys=${a.number},${b.id}`);
    expect(r.status).toBe(200);
    debitMemoPdfStatusResponseSchema.parse(r.body);
    expect(r.body.debitMemoFiles).toEqual([
      expect.objectContaining({ debitMemoId: a.id, debitMemoNumber: a.number, pdfGenerationStatus: 'Generated' }),
      expect.objectContaining({ debitMemoId: b.id, debitMemoNumber: b.number, pdfGenerationStatus: 'None' }),
    ]);
  });

  it('uses creditMemoKeys for credit memos and refuses a missing parameter with category 23', async () => {
    const cm = await insertMemo(h.conn.db, { kind: 'CreditMemo' });
    const ok = await h.call('GET', `/v1/creditmemos/pdf-status?creditMemoKeys=${cm.number}`);
    creditMemoPdfStatusResponseSchema.parse(ok.body);
    expect(ok.body.creditMemoFiles[0]).toMatchObject({ creditMemoId: cm.id, pdfGenerationStatus: 'None' });
    const missing = await h.call('GET', '/v1/credit-memos/pdf-status');
    expect(missing.status).toBe(400);
    expect(category(missing.body)).toBe(23);
  });
});
