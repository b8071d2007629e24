import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { formatMoney } from '../../lib/money.ts';
import CancelDialog from './cancel-dialog.tsx';
import DeleteDialog from './delete-dialog.tsx';
import EmailDialog from './email-dialog.tsx';
import PostDialog from './post-dialog.tsx';
import UnpostDialog from './unpost-dialog.tsx';
import UploadFileDialog from './upload-file-dialog.tsx';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { helperOf, memoWithStatus, renderDialog } from './testing/sandbox-render.tsx';

// Post, Cancel Post, Cancel, Delete, Email and Upload File against the real sandbox:
// what each confirmation names, what the server then holds, and each refusal shown where it belongs.
// (Regenerate PDF and the upload request itself need Node's File/PDF machinery, which jsdom replaces:
// e2e/detail-lifecycle.spec.ts covers them in a browser.)

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox('admin');
}, 120_000);
afterAll(async () => s?.h.close());

const nbsp = (t: string) => t.replace(/\s/g, ' ');
const statusOf = async (path: string) => (await s.h.call('GET', path)).body.status as string;

describe('confirmations', () => {
  it('posts a Draft debit memo', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Draft');
    const { onSuccess, unmount } = renderDialog(PostDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Post Debit Memo' }));
    expect(nbsp(d.getByText(/Post debit memo/).textContent ?? '')).toContain(
      `${memo.memo.number} for ${nbsp(formatMoney(memo.memo.amount, memo.memo.currency))}`,
    );
    fireEvent.click(d.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(await statusOf(`/v1/debit-memos/${memo.memo.id}`)).toBe('Posted');
    unmount();
  });

  it('cancels a Draft credit memo, then deletes it with a confirmation naming the memo and amount', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Draft');
    const c = renderDialog(CancelDialog, memo);
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Cancel Credit Memo' })).getByRole('button', {
        name: 'Cancel memo',
      }),
    );
    await waitFor(() => expect(c.onSuccess).toHaveBeenCalled());
    c.unmount();
    const canceled = { kind: 'CreditMemo' as const, memo: { ...memo.memo, status: 'Canceled' as const } };
    const del = renderDialog(DeleteDialog, canceled);
    const d = within(await screen.findByRole('dialog', { name: 'Delete Credit Memo' }));
    expect(nbsp(d.getByText(/This cannot be undone/).parentElement?.textContent ?? '')).toContain(
      `Delete credit memo ${memo.memo.number} for ${nbsp(formatMoney(memo.memo.amount, memo.memo.currency))}?`,
    );
    fireEvent.click(d.getByRole('button', { name: 'Delete' }));
    // The page is left for the list, which shows the confirmation (handed over in the navigation state).
    await waitFor(async () => expect((await s.h.call('GET', `/v1/credit-memos/${memo.memo.id}`)).status).toBe(404));
    del.unmount();
  });

  it('shows Zuora’s refusal of Cancel Post on an applied credit memo, and changes nothing', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Posted', (m) => Number(m.appliedAmount) > 0);
    const { onSuccess, unmount } = renderDialog(UnpostDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Cancel Post' }));
    fireEvent.click(d.getByRole('button', { name: 'Unpost' }));
    expect(await d.findByRole('alert')).toHaveTextContent(/appl/i);
    expect(onSuccess).not.toHaveBeenCalled();
    expect(await statusOf(`/v1/credit-memos/${memo.memo.id}`)).toBe('Posted');
    unmount();
  });
});

/**
 * Gives a memo a stored PDF through SQL: jsdom replaces the typed arrays the sandbox renders PDFs into, so
 * the email's generate-first step is covered in e2e/detail-lifecycle.spec.ts instead.
 */
async function givePdf(memoId: string) {
  const id = globalThis.crypto.randomUUID().replace(/-/g, '');
  await sql`insert into memo_files (id, memo_id, version_number, origin, file_name, content_type, size, content)
            values (${id}, ${memoId}, 1, 'Generated', 'memo.pdf', 'application/pdf', 8, decode('255044462d312e34', 'hex'))`.execute(
    s.h.conn.db,
  );
  await sql`update memos set latest_pdf_file_id = ${id} where id = ${memoId}`.execute(s.h.conn.db);
}

describe('Email', () => {
  it('prefills the bill-to contact, refuses bad or missing addresses next to the field, and sends', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Posted');
    await givePdf(memo.memo.id);
    const account = (await s.h.call('GET', `/v1/accounts/${memo.memo.accountId}`)).body;
    const { onSuccess, unmount } = renderDialog(EmailDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Email Debit Memo' }));
    const field = d.getByLabelText('Debit Memo Email Address');
    await waitFor(() => expect(field).toHaveValue(account.billToContact.workEmail));
    fireEvent.change(field, { target: { value: 'ap@example.com, not-an-address' } });
    await waitFor(() => expect(helperOf(field)).toBe('Not a valid email address: not-an-address'));
    expect(d.getByRole('button', { name: 'Send' })).toBeDisabled();
    fireEvent.change(field, { target: { value: '  ' } });
    await waitFor(() =>
      expect(helperOf(field)).toBe('Enter at least one email address, or use the email template setting'),
    );
    fireEvent.change(field, { target: { value: 'ap@example.com, cfo@example.com' } });
    await waitFor(() => expect(d.getByRole('button', { name: 'Send' })).toBeEnabled());
    fireEvent.click(d.getByRole('button', { name: 'Send' }));
    await waitFor(() =>
      expect(onSuccess).toHaveBeenCalledWith({
        message: `Emailed debit memo ${memo.memo.number} to ap@example.com, cfo@example.com`,
      }),
    );
    const history = (await s.h.call('GET', `/v1/debit-memos/${memo.memo.id}/history`)).body.events as {
      event: string;
      detail: { to?: unknown };
    }[];
    expect(JSON.stringify(history.filter((e) => e.event === 'emailed').at(-1)?.detail.to)).toContain('cfo@example.com');
    unmount();
  });

  it('shows Zuora’s refusal for a Draft memo and keeps the typed addresses', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Draft');
    const { unmount } = renderDialog(EmailDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Email Credit Memo' }));
    const field = d.getByLabelText('Credit Memo Email Address');
    fireEvent.change(field, { target: { value: 'keep@example.com' } });
    await waitFor(() => expect(d.getByRole('button', { name: 'Send' })).toBeEnabled());
    fireEvent.click(d.getByRole('button', { name: 'Send' }));
    expect(await d.findByRole('alert')).toHaveTextContent(
      `Only a Posted credit memo can be emailed; ${memo.memo.number} is Draft.`,
    );
    expect(field).toHaveValue('keep@example.com');
    unmount();
  });
});

describe('Upload File', () => {
  // The browser's file chooser cannot run in jsdom; a change event with the chosen file is what it sends.
  const choose = (input: HTMLElement, file: File) => fireEvent.change(input, { target: { files: [file] } });
  const pdf = (name: string, bytes: number) =>
    new File([new Uint8Array(bytes).fill(32).map((b, i) => (i < 5 ? '%PDF-'.charCodeAt(i) : b))], name, {
      type: 'application/pdf',
    });

  it('refuses a non-PDF and a file over 4 MB next to the field, and accepts a PDF', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Posted');
    const { unmount } = renderDialog(UploadFileDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Upload File' }));
    const input = d.getByLabelText('PDF file');
    choose(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(helperOf(input)).toBe('notes.txt is not a PDF: only PDF files can be uploaded'));
    expect(d.getByRole('button', { name: 'Upload' })).toBeDisabled();
    choose(input, pdf('big.pdf', 5 * 1024 * 1024));
    await waitFor(() => expect(helperOf(input)).toBe('big.pdf is 5.0 MB; the limit is 4 MB'));
    expect(d.getByRole('button', { name: 'Upload' })).toBeDisabled();
    choose(input, pdf('signed-copy.pdf', 2048));
    await waitFor(() =>
      expect(helperOf(input)).toBe(`A PDF of at most 4 MB, attached to debit memo ${memo.memo.number}.`),
    );
    expect(d.getByRole('button', { name: 'Upload' })).toBeEnabled();
    unmount();
  });
});
