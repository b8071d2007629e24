import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { insertMemo } from '../testing/document-fixtures.ts';
import { category } from '../testing/reason-category.ts';

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
});
afterAll(() => h.close());

const outboxOf = async (memoId: string) =>
  (await h.call('GET', `/sandbox/outbox?memoId=${memoId}`)).body.emails as {
    to: string[];
    subject: string;
    body: string;
    pdfFileId: string | null;
  }[];

describe('POST …/emails', () => {
  it('records an email to the given addresses in the outbox, with the latest PDF, and in the history', async () => {
    const memo = await insertMemo(h.conn.db);
    await h.call('POST', `/v1/debit-memos/${memo.number}/pdfs`);
    const r = await h.call('POST', `/v1/debit-memos/${memo.number}/emails`, {
      emailAddresses: 'ap@acme.example, cfo@acme.example',
      useEmailTemplateSetting: false,
    });
    expect(r).toMatchObject({ status: 200, body: { success: true } });
    const [mail] = await outboxOf(memo.id);
    expect(mail.to).toEqual(['ap@acme.example', 'cfo@acme.example']);
    expect(mail.subject).toContain(memo.number);
    expect(mail.body).toContain('$118.80');
    const latest = await h.conn.db
      .selectFrom('memos')
      .select('latest_pdf_file_id')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(mail.pdfFileId).toBe(latest.latest_pdf_file_id);
    const history = await h.call('GET', `/v1/debit-memos/${memo.number}/history`);
    expect(history.body.events.at(-1)).toMatchObject({
      event: 'emailed',
      userName: 'Billing Admin',
      detail: { to: ['ap@acme.example', 'cfo@acme.example'] },
    });
  });

  it('falls back to the bill-to contact, adds the account’s additional addresses, for credit memos too', async () => {
    const memo = await insertMemo(h.conn.db, {
      kind: 'CreditMemo',
      additional: 'billing@acme.example,ada@acme.example',
    });
    const r = await h.call('POST', `/v1/creditmemos/${memo.number}/emails`, { includeAdditionalEmailAddresses: true });
    expect(r.status).toBe(200);
    const [mail] = await outboxOf(memo.id);
    expect(mail.to).toEqual(['ada@acme.example', 'billing@acme.example']);
    expect(mail.subject).toBe(`Credit Memo ${memo.number} from your billing team`);
    // The memo had no PDF: one is generated first, so the email keeps its promise of the latest PDF.
    const after = await h.conn.db
      .selectFrom('memos')
      .select('latest_pdf_file_id')
      .where('id', '=', memo.id)
      .executeTakeFirstOrThrow();
    expect(after.latest_pdf_file_id).not.toBeNull();
    expect(mail.pdfFileId).toBe(after.latest_pdf_file_id);
    expect(mail.body).toContain('The PDF is attached.');
  });

  it('refuses a Draft memo (30), a bill-to contact without email (30), a bad address (20), a foreign pdfFileId (20), and changes nothing', async () => {
    const draft = await insertMemo(h.conn.db, { status: 'Draft' });
    const d = await h.call('POST', `/v1/debit-memos/${draft.number}/emails`, { emailAddresses: 'a@b.example' });
    expect([d.status, category(d.body)]).toEqual([400, 30]);

    const noEmail = await insertMemo(h.conn.db, { email: null });
    const n = await h.call('POST', `/v1/debit-memos/${noEmail.number}/emails`, {});
    expect([n.status, category(n.body)]).toEqual([400, 30]);

    const memo = await insertMemo(h.conn.db);
    const bad = await h.call('POST', `/v1/debit-memos/${memo.number}/emails`, {
      emailAddresses: 'ok@acme.example, not-an-address',
    });
    expect([bad.status, category(bad.body)]).toEqual([400, 20]);
    const other = await insertMemo(h.conn.db);
    await h.call('POST', `/v1/debit-memos/${other.number}/pdfs`);
    const otherFile = (await h.call('GET', `/v1/debit-memos/${other.number}/files`)).body.debitMemoFiles[0]
      .id as string;
    const foreign = await h.call('POST', `/v1/debit-memos/${memo.number}/emails`, { pdfFileId: otherFile });
    expect([foreign.status, category(foreign.body)]).toEqual([400, 20]);
    const unknownField = await h.call('POST', `/v1/debit-memos/${memo.number}/emails`, { cc: 'x@y.example' });
    expect([unknownField.status, category(unknownField.body)]).toEqual([400, 21]);

    for (const m of [draft, noEmail, memo]) {
      expect(await outboxOf(m.id)).toEqual([]);
      expect((await h.call('GET', `/v1/debit-memos/${m.number}/history`)).body.events).toEqual([]);
    }
  });

  it('needs the email permission (10)', async () => {
    const memo = await insertMemo(h.conn.db);
    const r = await h.call('POST', `/v1/debit-memos/${memo.number}/emails`, {}, { role: 'viewer' });
    expect([r.status, category(r.body)]).toEqual([403, 10]);
    expect(await outboxOf(memo.id)).toEqual([]);
  });
});

describe('GET /sandbox/outbox', () => {
  it('needs a bearer token', async () => {
    const res = await h.app.request('/sandbox/outbox');
    expect(res.status).toBe(401);
  });
});
