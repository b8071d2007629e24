import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoRole } from '../../src/contract/permissions.ts';
import { newId } from '../domain/ids.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import { fileCount, insertMemo } from '../testing/document-fixtures.ts';
import { category } from '../testing/reason-category.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(() => h.close());

const pdfBytes = (size = 1000) => {
  const b = Buffer.alloc(size, 0x20);
  b.write('%PDF-1.4\n');
  return b;
};

async function upload(
  path: string,
  bytes: Uint8Array | null,
  type = 'application/pdf',
  role: DemoRole = 'admin',
  name = 'signed copy.pdf',
) {
  const form = new FormData();
  if (bytes) form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
  else form.append('note', 'no file here');
  const res = await h.app.request(path, {
    method: 'POST',
    headers: { authorization: `Bearer ${await h.token(role)}` },
    body: form,
  });
  return { status: res.status, body: await res.json() };
}

describe('POST …/files (upload)', () => {
  it('stores an uploaded PDF as the next version, lists it and records the event', async () => {
    const memo = await insertMemo(h.conn.db, { status: 'Draft' });
    await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`);
    const r = await upload(`/v1/debit-memos/${memo.number}/files`, pdfBytes());
    expect(r).toMatchObject({ status: 200, body: { fileId: expect.stringMatching(/^[0-9a-f]{32}$/), success: true } });
    const list = await h.call('GET', `/v1/debit-memos/${memo.number}/files`);
    expect(list.body.debitMemoFiles[0]).toEqual({
      id: r.body.fileId,
      pdfFileUrl: `/v1/files/${r.body.fileId}`,
      versionNumber: 2,
    });
    const dl = await h.app.request(`/v1/files/${r.body.fileId}`, {
      headers: { authorization: `Bearer ${await h.token()}` },
    });
    expect(dl.headers.get('content-disposition')).toContain('filename="signed copy.pdf"');
    expect(Buffer.from(await dl.arrayBuffer()).equals(pdfBytes())).toBe(true);
    const history = await h.call('GET', `/v1/debit-memos/${memo.number}/history`);
    expect(history.body.events.map((e: { event: string }) => e.event)).toEqual(['pdfGenerated', 'fileUploaded']);
  });

  it('accepts a file just under 4 MB (the JSON body limit does not apply to uploads) and credit memos too', async () => {
    const memo = await insertMemo(h.conn.db, { kind: 'CreditMemo' });
    const r = await upload(`/v1/creditmemos/${memo.number}/files`, pdfBytes(4 * 1024 * 1024 - 10));
    expect(r.status).toBe(200);
    expect(await fileCount(h.conn.db, memo.id)).toBe(1);
  });

  it('refuses non-PDFs (20) by content type and by content, oversized files (20) and a missing part (22)', async () => {
    const memo = await insertMemo(h.conn.db);
    const path = `/v1/debit-memos/${memo.number}/files`;
    const asText = await upload(path, pdfBytes(), 'text/plain');
    expect([asText.status, category(asText.body)]).toEqual([400, 20]);
    const fakePdf = await upload(path, Buffer.from('<html>not a pdf</html>'), 'application/pdf');
    expect([fakePdf.status, category(fakePdf.body)]).toEqual([400, 20]);
    const big = await upload(path, pdfBytes(4 * 1024 * 1024 + 1));
    expect([big.status, category(big.body)]).toEqual([400, 20]);
    const none = await upload(path, null);
    expect([none.status, category(none.body)]).toEqual([400, 22]);
    const json = await h.call('POST', path, { file: 'x' });
    expect([json.status, category(json.body)]).toEqual([400, 20]);
    expect(await fileCount(h.conn.db, memo.id)).toBe(0);
  });

  it('refuses a Canceled memo (30), a caller without the upload permission (10) and the 51st file (30)', async () => {
    const canceled = await insertMemo(h.conn.db, { status: 'Canceled' });
    const r = await upload(`/v1/debit-memos/${canceled.number}/files`, pdfBytes());
    expect([r.status, category(r.body)]).toEqual([400, 30]);
    expect(await fileCount(h.conn.db, canceled.id)).toBe(0);

    const memo = await insertMemo(h.conn.db);
    const viewer = await upload(`/v1/debit-memos/${memo.number}/files`, pdfBytes(), 'application/pdf', 'viewer');
    expect([viewer.status, category(viewer.body)]).toEqual([403, 10]);

    const content = pdfBytes(20);
    await h.conn.db
      .insertInto('memo_files')
      .values(
        Array.from({ length: 50 }, (_, i) => ({
          id: newId(),
          memo_id: memo.id,
          version_number: i + 1,
          origin: 'Uploaded' as const,
          file_name: `f${i}.pdf`,
          size: 20,
          content,
        })),
      )
      .execute();
    const full = await upload(`/v1/debit-memos/${memo.number}/files`, pdfBytes());
    expect([full.status, category(full.body)]).toEqual([400, 30]);
    expect(await fileCount(h.conn.db, memo.id)).toBe(50);
    // Generated versions do not count against the upload limit.
    expect((await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`)).status).toBe(200);
  });
});
