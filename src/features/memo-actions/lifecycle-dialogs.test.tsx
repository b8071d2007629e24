import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { screen, waitFor, within } from '@testing-library/react';
import { fill } from '../../test/user-input.ts';
import userEvent from '@testing-library/user-event';
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
    const { onSuccess, unmount, user } = renderDialog(PostDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Post Debit Memo' }));
    expect(nbsp(d.getByText(/Post debit memo/).textContent ?? '')).toContain(
      `${memo.memo.number} for ${nbsp(formatMoney(memo.memo.amount, memo.memo.currency))}`,
    );
    await user.click(d.getByRole('button', { name: 'Post' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(await statusOf(`/v1/debit-memos/${memo.memo.id}`)).toBe('Posted');
    unmount();
  });

  it('cancels a Draft credit memo, then deletes it with a confirmation naming the memo and amount', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Draft');
    const c = renderDialog(CancelDialog, memo);
    await c.user.click(
      within(await screen.findByRole('dialog', { name: 'Cancel Credit Memo' })).getByRole('button', {
        name: 'Cancel memo',
      }),
    );
    await waitFor(() => expect(c.onSuccess).toHaveBeenCalled());
    c.unmount();
    const canceled = { kind: 'CreditMemo' as const, memo: { ...memo.memo, status: 'Canceled' as const } };
    const del = renderDialog(DeleteDialog, canceled);
    const { user } = del;
    const d = within(await screen.findByRole('dialog', { name: 'Delete Credit Memo' }));
    expect(nbsp(d.getByText(/This cannot be undone/).parentElement?.textContent ?? '')).toContain(
      `Delete credit memo ${memo.memo.number} for ${nbsp(formatMoney(memo.memo.amount, memo.memo.currency))}?`,
    );
    await user.click(d.getByRole('button', { name: 'Delete' }));
    // The page is left for the list, which shows the confirmation (handed over in the navigation state).
    await waitFor(async () => expect((await s.h.call('GET', `/v1/credit-memos/${memo.memo.id}`)).status).toBe(404));
    del.unmount();
  });

  it('shows Zuora’s refusal of Cancel Post on an applied credit memo, and changes nothing', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Posted', (m) => Number(m.appliedAmount) > 0);
    const { onSuccess, unmount, user } = renderDialog(UnpostDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Cancel Post' }));
    await user.click(d.getByRole('button', { name: 'Unpost' }));
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
    const { onSuccess, unmount, user } = renderDialog(EmailDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Email Debit Memo' }));
    const field = d.getByLabelText('Debit Memo Email Address');
    await waitFor(() => expect(field).toHaveValue(account.billToContact.workEmail));
    await fill(user, field, 'ap@example.com, not-an-address');
    await waitFor(() => expect(helperOf(field)).toBe('Not a valid email address: not-an-address'));
    expect(d.getByRole('button', { name: 'Send' })).toBeDisabled();
    await fill(user, field, '  ');
    await waitFor(() =>
      expect(helperOf(field)).toBe('Enter at least one email address, or use the email template setting'),
    );
    await fill(user, field, 'ap@example.com, cfo@example.com');
    await waitFor(() => expect(d.getByRole('button', { name: 'Send' })).toBeEnabled());
    await user.click(d.getByRole('button', { name: 'Send' }));
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
    const account = (await s.h.call('GET', `/v1/accounts/${memo.memo.accountId}`)).body;
    const { unmount, user } = renderDialog(EmailDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Email Credit Memo' }));
    const field = d.getByLabelText('Credit Memo Email Address');
    // Type once the bill-to contact is prefilled, as a person reading the dialog would.
    await waitFor(() => expect(field).toHaveValue(account.billToContact.workEmail));
    await fill(user, field, 'keep@example.com');
    await waitFor(() => expect(d.getByRole('button', { name: 'Send' })).toBeEnabled());
    await user.click(d.getByRole('button', { name: 'Send' }));
    expect(await d.findByRole('alert')).toHaveTextContent(
      `Only a Posted credit memo can be emailed; ${memo.memo.number} is Draft.`,
    );
    expect(field).toHaveValue('keep@example.com');
    unmount();
  });
});

describe('Upload File', () => {
  // A file chooser lets a person pick any file ("All files"), so the dialog itself must refuse a non-PDF:
  // user-event's upload must not drop it for the input's `accept` first.
  const chooser = userEvent.setup({ applyAccept: false });
  const choose = (input: HTMLElement, file: File) => chooser.upload(input, file);
  const pdf = (name: string, bytes: number) =>
    new File([new Uint8Array(bytes).fill(32).map((b, i) => (i < 5 ? '%PDF-'.charCodeAt(i) : b))], name, {
      type: 'application/pdf',
    });

  it('refuses a non-PDF and a file over 4 MB next to the field, and accepts a PDF', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Posted');
    const { unmount } = renderDialog(UploadFileDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Upload File' }));
    const input = d.getByLabelText('PDF file');
    await choose(input, new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    await waitFor(() => expect(helperOf(input)).toBe('notes.txt is not a PDF: only PDF files can be uploaded'));
    expect(d.getByRole('button', { name: 'Upload' })).toBeDisabled();
    await choose(input, pdf('big.pdf', 5 * 1024 * 1024));
    await waitFor(() => expect(helperOf(input)).toBe('big.pdf is 5.0 MB; the limit is 4 MB'));
    expect(d.getByRole('button', { name: 'Upload' })).toBeDisabled();
    await choose(input, pdf('signed-copy.pdf', 2048));
    await waitFor(() =>
      expect(helperOf(input)).toBe(`A PDF of at most 4 MB, attached to debit memo ${memo.memo.number}.`),
    );
    expect(d.getByRole('button', { name: 'Upload' })).toBeEnabled();
    unmount();
  });
});
