import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fill, typeDate } from '../../test/user-input.ts';
import type { DebitMemoItem } from '../../contract/memos.ts';
import { addDays } from '../../lib/dates.ts';
import EditItemDialog from './edit-item-dialog.tsx';
import EditMemoDialog from './edit-memo-dialog.tsx';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { helperOf, memoWithStatus, renderDialog } from './testing/sandbox-render.tsx';

// Edit basic information and Edit item against the real sandbox: each refused value is explained next
// to its field and blocks Save; a valid change is what the server then returns; a server refusal is
// shown in the dialog with everything typed still there.

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox('admin');
}, 120_000);
afterAll(async () => s?.h.close());

const saveOf = (d: ReturnType<typeof within>) => d.getByRole('button', { name: 'Save' });

describe('Edit Basic Information', () => {
  it('refuses a comment over 255 characters and a due date before the memo date, next to each field', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Draft');
    const { unmount, user } = renderDialog(EditMemoDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Edit Basic Information' }));
    const comment = d.getByLabelText('Comments');
    await fill(user, comment, 'x'.repeat(256));
    await waitFor(() => expect(helperOf(comment)).toBe('Comments must be at most 255 characters (256 / 255)'));
    expect(saveOf(d)).toBeDisabled();
    await fill(user, comment, 'fine');
    await typeDate(user, 'Due Date', addDays(memo.memo.debitMemoDate, -1));
    const due = d.getByRole('group', { name: 'Due Date' });
    await waitFor(() => expect(helperOf(due)).toBe('Due date cannot be before the memo date'));
    expect(saveOf(d)).toBeDisabled();
    unmount();
  });

  it('saves a Draft memo and the server returns the new values', async () => {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Draft');
    const { onSuccess, unmount, user } = renderDialog(EditMemoDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Edit Basic Information' }));
    await fill(user, d.getByLabelText('Comments'), 'Corrected by the detail page test');
    await typeDate(user, 'Due Date', addDays(memo.memo.debitMemoDate, 45));
    await waitFor(() => expect(saveOf(d)).toBeEnabled());
    await user.click(saveOf(d));
    await waitFor(() => expect(onSuccess).toHaveBeenCalledWith({ message: `Saved debit memo ${memo.memo.number}` }));
    const after = (await s.h.call('GET', `/v1/debit-memos/${memo.memo.id}`)).body;
    expect(after.comment).toBe('Corrected by the detail page test');
    expect(after.dueDate).toBe(addDays(memo.memo.debitMemoDate, 45));
    unmount();
  });

  it('shows Zuora’s refusal and keeps the typed comment when the memo was canceled meanwhile', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Draft');
    const { onSuccess, unmount, user } = renderDialog(EditMemoDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Edit Basic Information' }));
    await s.h.call('PUT', `/v1/credit-memos/${memo.memo.id}/cancel`);
    await fill(user, d.getByLabelText('Comments'), 'typed before the refusal');
    await waitFor(() => expect(saveOf(d)).toBeEnabled());
    await user.click(saveOf(d));
    expect(await d.findByRole('alert')).toHaveTextContent(`${memo.memo.number} is Canceled`);
    expect(d.getByLabelText('Comments')).toHaveValue('typed before the refusal');
    expect(onSuccess).not.toHaveBeenCalled();
    unmount();
  });

  it('offers only comments and Transferred to Accounting on a Posted memo', async () => {
    const memo = await memoWithStatus(s, 'CreditMemo', 'Posted');
    const { onSuccess, unmount, user } = renderDialog(EditMemoDialog, memo);
    const d = within(await screen.findByRole('dialog', { name: 'Edit Basic Information' }));
    expect(d.queryByLabelText(/Memo Date/)).not.toBeInTheDocument();
    await fill(user, d.getByLabelText('Comments'), 'Posted memo note');
    await waitFor(() => expect(saveOf(d)).toBeEnabled());
    await user.click(saveOf(d));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect((await s.h.call('GET', `/v1/credit-memos/${memo.memo.id}`)).body.comment).toBe('Posted memo note');
    unmount();
  });
});

describe('Edit Item', () => {
  async function openItem(currency: string) {
    const memo = await memoWithStatus(s, 'DebitMemo', 'Draft', (m) => m.currency === currency);
    const items = (await s.h.call('GET', `/v1/debit-memos/${memo.memo.id}/items`)).body.items as DebitMemoItem[];
    const item = items.find((i) => i.taxMode === 'TaxExclusive')!;
    const view = renderDialog(EditItemDialog, memo, { itemId: item.id });
    const d = within(await screen.findByRole('dialog', { name: 'Edit Item' }));
    return { ...view, memo, item, d };
  }

  it('refuses a negative or non-numeric amount, decimals a currency does not have, and an end before the start', async () => {
    const { d, unmount, user } = await openItem('JPY');
    const amount = d.getByLabelText(/Amount without tax \(JPY\)/);
    await fill(user, amount, '-5');
    await waitFor(() => expect(helperOf(amount)).toBe('Amount must be a number, 0 or more'));
    await fill(user, amount, '100.5');
    await waitFor(() => expect(helperOf(amount)).toBe('JPY amounts take no decimals'));
    expect(saveOf(d)).toBeDisabled();
    await fill(user, amount, '100');
    await typeDate(user, 'Service Start Date', '2026-03-10');
    await typeDate(user, 'Service End Date', '2026-03-01');
    const end = d.getByRole('group', { name: 'Service End Date' });
    await waitFor(() => expect(helperOf(end)).toBe('Service end date cannot be before the start date'));
    expect(saveOf(d)).toBeDisabled();
    unmount();
  });

  it('saves the amount, service period and revenue recognition rule, and the server returns them', async () => {
    const { d, memo, item, onSuccess, unmount, user } = await openItem('USD');
    await fill(user, d.getByLabelText(/Amount without tax \(USD\)/), '123.45');
    await typeDate(user, 'Service Start Date', '2026-01-01');
    await typeDate(user, 'Service End Date', '2026-01-31');
    await fill(user, d.getByLabelText('Revenue Recognition Rule'), 'Recognize upon invoicing');
    await waitFor(() => expect(saveOf(d)).toBeEnabled());
    await user.click(saveOf(d));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    const after = ((await s.h.call('GET', `/v1/debit-memos/${memo.memo.id}/items`)).body.items as DebitMemoItem[]).find(
      (i) => i.id === item.id,
    )!;
    expect(after.amountWithoutTax).toBe(123.45);
    expect(after.serviceStartDate).toBe('2026-01-01');
    expect(after.serviceEndDate).toBe('2026-01-31');
    expect(after.financeInformation?.revenueRecognitionRuleName).toBe('Recognize upon invoicing');
    unmount();
  });
});
