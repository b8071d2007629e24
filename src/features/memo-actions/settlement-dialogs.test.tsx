import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { fill, typeDate } from '../../test/user-input.ts';
import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import { addDays, formatDate } from '../../lib/dates.ts';
import { formatMoney, money } from '../../lib/money.ts';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { findMemo, renderDialog } from './testing/sandbox-render.tsx';
import RefundDialog from './refund/refund-dialog.tsx';
import WriteOffCreditDialog from './write-off-credit/write-off-credit-dialog.tsx';
import ReverseDialog from './reverse/reverse-dialog.tsx';
import CollectDialog from './collect/collect-dialog.tsx';

// Refund, Write Off Credit Memo, Reverse and Collect against the real sandbox: each rule refused next
// to its field, then one successful run whose effect is read back from the server.

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox('admin');
}, 120_000);
afterAll(async () => s?.h.close());
afterEach(cleanup); // each test opens its own dialog; date inputs are found by name in the document

const used: string[] = [];
const openCm = async () => {
  const found = await findMemo(
    s,
    'CreditMemo',
    (m) =>
      m.currency === 'USD' &&
      Number(m.unappliedAmount) > 1 &&
      Number(m.appliedAmount) === 0 &&
      !used.includes(m.id as string),
  );
  used.push(found.memo.id);
  return found;
};
const helperOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('Refund Credit Memo', () => {
  it('refuses an amount above the unapplied amount, an early date and a long comment; then refunds part', async () => {
    const found = await openCm();
    const cm = found.memo;
    const { user, onSuccess } = renderDialog(RefundDialog, found);
    const d = within(await screen.findByRole('dialog', { name: 'Refund Credit Memo' }));
    const save = d.getByRole('button', { name: 'Refund' });
    const amount = d.getByLabelText(/Amount to Refund/);
    expect(amount).toHaveValue(money(cm.unappliedAmount).toFixed(2));
    await fill(user, amount, money(cm.unappliedAmount).plus('0.01').toFixed(2));
    await waitFor(() => expect(helperOf(amount)).toMatch(/cannot exceed the unapplied amount/));
    expect(save).toBeDisabled();
    await typeDate(user, 'Refund Date', addDays(cm.creditMemoDate, -1));
    expect(
      await d.findByText(
        `The refund date cannot be before the credit memo date ${formatDate(cm.creditMemoDate)}`,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    await typeDate(user, 'Refund Date', cm.creditMemoDate);
    const comment = d.getByLabelText('Comment');
    await fill(user, comment, 'y'.repeat(256));
    await waitFor(() => expect(helperOf(comment)).toMatch(/at most 255/));
    await fill(user, comment, 'Partial refund');
    await fill(user, amount, '1.00');
    await waitFor(() => expect(save).toBeEnabled());
    const refundsSent = () => s.sent.filter((r) => r.method === 'POST' && r.url.endsWith('/refunds')).length;
    const sentBefore = refundsSent();
    await user.click(save);
    // Money leaves the company: a confirmation names what goes where, and nothing is sent before it.
    const confirm = within(await screen.findByRole('dialog', { name: 'Confirm Refund' }));
    expect(confirm.getByText(/^Refund .* of CM/).textContent).toBe(
      `Refund ${formatMoney(1, cm.currency)} of ${cm.number} to the customer by Check, dated ${formatDate(cm.creditMemoDate)}? The money leaves the company and the refund cannot be undone here.`,
    );
    expect(refundsSent()).toBe(sentBefore);
    await user.click(confirm.getByRole('button', { name: 'Refund' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 15_000 });
    expect(onSuccess.mock.calls[0][0].message).toMatch(/^Refund R-?\d+/);
    const post = s.sent.filter((r) => r.method === 'POST' && r.url.endsWith('/refunds')).at(-1)!;
    expect(post.headers.get('idempotency-key')).toBeTruthy();
    expect(await post.clone().json()).toMatchObject({
      type: 'External',
      methodType: 'Check',
      totalAmount: 1,
      refundDate: cm.creditMemoDate,
      comment: 'Partial refund',
    });
    const after = (await s.h.call('GET', `/v1/credit-memos/${cm.id}`)).body as CreditMemo;
    expect(money(after.unappliedAmount).eq(money(cm.unappliedAmount).minus(1))).toBe(true);
  }, 120_000);
});

describe('Write Off Credit Memo', () => {
  it('refuses a memo date before the credit memo date; then creates the debit memo and links it', async () => {
    const found = await openCm();
    const { user, onSuccess } = renderDialog(WriteOffCreditDialog, found);
    const d = within(await screen.findByRole('dialog', { name: 'Write Off Credit Memo' }));
    await typeDate(user, 'Memo Date', addDays(found.memo.creditMemoDate, -1));
    expect(
      await d.findByText(
        `The date cannot be before the credit memo date ${formatDate(found.memo.creditMemoDate)}`,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(d.getByRole('button', { name: 'Save' })).toBeDisabled();
    await typeDate(user, 'Memo Date', found.memo.creditMemoDate);
    await waitFor(() => expect(d.getByRole('button', { name: 'Save' })).toBeEnabled());
    await user.click(d.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 15_000 });
    const { link } = onSuccess.mock.calls[0][0];
    expect(link.to).toMatch(/^\/debit-memos\/[0-9a-f]{32}$/);
    const dm = (await s.h.call('GET', `/v1/debit-memos/${link.to.split('/').pop()}`)).body as DebitMemo;
    expect(dm.reasonCode).toBe('Write-off');
    const cm = (await s.h.call('GET', `/v1/credit-memos/${found.memo.id}`)).body as CreditMemo;
    expect(cm.unappliedAmount).toBe(0);
  }, 120_000);
});

describe('Reverse Credit Memo', () => {
  it('refuses an apply effective date before the memo date; then reverses', async () => {
    const found = await openCm();
    const { user, onSuccess } = renderDialog(ReverseDialog, found);
    const d = within(await screen.findByRole('dialog', { name: 'Reverse Credit Memo' }));
    const memoDate = found.memo.creditMemoDate;
    await typeDate(user, 'Memo Date', addDays(memoDate, 1));
    await typeDate(user, 'Apply Effective Date', memoDate);
    expect(
      await d.findByText(
        `The date cannot be before the memo date ${formatDate(addDays(memoDate, 1))}`,
        {},
        { timeout: 5000 },
      ),
    ).toBeInTheDocument();
    expect(d.getByRole('button', { name: 'Reverse' })).toBeDisabled();
    await typeDate(user, 'Apply Effective Date', addDays(memoDate, 1));
    await waitFor(() => expect(d.getByRole('button', { name: 'Reverse' })).toBeEnabled());
    await user.click(d.getByRole('button', { name: 'Reverse' }));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 15_000 });
    const cm = (await s.h.call('GET', `/v1/credit-memos/${found.memo.id}`)).body as CreditMemo;
    expect(cm.reversed).toBe(true);
  }, 120_000);
});

describe('Collect Debit Memo', () => {
  it('needs at least one source, then shows which credit memos and payments were applied', async () => {
    const found = await findMemo(s, 'DebitMemo', (m) => m.currency === 'USD' && Number(m.balance) > 0);
    const { user, onSuccess } = renderDialog(CollectDialog, found);
    const d = within(await screen.findByRole('dialog', { name: 'Collect Debit Memo' }));
    await user.click(d.getByRole('checkbox', { name: '1. Unapplied credit memos' }));
    await user.click(d.getByRole('checkbox', { name: '2. Unapplied payments' }));
    expect(await d.findByText('Choose at least one source', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(d.getByRole('button', { name: 'Collect' })).toBeDisabled();
    await user.click(d.getByRole('checkbox', { name: '1. Unapplied credit memos' }));
    await user.click(d.getByRole('checkbox', { name: '2. Unapplied payments' }));
    await user.click(d.getByRole('button', { name: 'Collect' }));
    const result = within(
      await screen.findByRole('dialog', { name: `Collected for ${found.memo.number}` }, { timeout: 15_000 }),
    );
    const response = (await s.sent
      .filter((r) => r.url.endsWith('/collect'))
      .at(-1)!
      .clone()
      .json()) as Record<string, unknown>;
    expect(response).toMatchObject({
      applyCredit: true,
      applicationOrder: ['CreditMemo', 'UnappliedPayment'],
      collect: false,
    });
    expect(result.getByRole('list', { name: 'Credit memos applied' })).toBeInTheDocument();
    await user.click(result.getByRole('button', { name: 'Done' }));
    expect(onSuccess).toHaveBeenCalled();
  }, 120_000);
});
