import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { fill, typeDate } from '../../../test/user-input.ts';
import type { DebitMemo, DebitMemoItem } from '../../../contract/memos.ts';
import { addDays } from '../../../lib/dates.ts';
import { formatMoney, money, toFixed } from '../../../lib/money.ts';
import { startSandbox, type Sandbox } from '../../../test/sandbox-client.ts';
import { findMemo, renderDialog } from '../testing/sandbox-render.tsx';
import WriteOffDebitDialog from './write-off-debit-dialog.tsx';

// The Write Off Debit Memo dialog against the real sandbox: every validation rule shown next to its
// field, the preview's decimal arithmetic per currency checked against what the server then books,
// and the refusal of a stale preview (someone settled the memo after the dialog opened).

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox('admin');
}, 120_000);
afterAll(async () => s?.h.close());
afterEach(cleanup);

const openDm = (currency: string, exclude: string[] = []) =>
  findMemo(
    s,
    'DebitMemo',
    (m) => m.currency === currency && Number(m.balance) > 0 && !exclude.includes(m.id as string),
  );

async function openDialog(currency: string, exclude: string[] = []) {
  const memo = await openDm(currency, exclude);
  const view = renderDialog(WriteOffDebitDialog, memo);
  const dialog = await screen.findByRole('dialog', { name: 'Write Off Debit Memo' });
  await within(dialog).findByRole('table', {}, { timeout: 10_000 }); // items loaded, preview shown
  return { ...view, memo: memo.memo, dialog: within(dialog) };
}

// toHaveTextContent normalises whitespace; Intl puts a no-break space after 'KWD'.
const fmt = (v: Parameters<typeof formatMoney>[0], c: string) => formatMoney(v, c).replace(/\s/g, ' ');
const save = (d: ReturnType<typeof within>) => d.getByRole('button', { name: 'Save' });
const helperOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

async function itemsOf(id: string): Promise<DebitMemoItem[]> {
  return (await s.h.call('GET', `/v1/debit-memos/${id}/items?pageSize=200`)).body.items;
}

describe('Write Off Debit Memo: validation', () => {
  it('prefills today, the write-off reason and the open balance in the currency decimals; Save is enabled', async () => {
    const { dialog, memo, unmount } = await openDialog('USD');
    const amount = dialog.getByLabelText(/Write-Off Amount/);
    expect(amount).toHaveValue(toFixed(memo.balance, 'USD'));
    expect(dialog.getByLabelText(/Reason Code/)).toHaveTextContent('Write-off');
    await waitFor(() => expect(save(dialog)).toBeEnabled());
    unmount();
  });

  it('refuses a date before the debit memo date and names the earliest allowed date', async () => {
    const { dialog, memo, unmount, user } = await openDialog('USD');
    await typeDate(user, 'Write-Off Date', addDays(memo.debitMemoDate, -1));
    expect(
      await dialog.findByText(`The write-off date cannot be before the debit memo date ${memo.debitMemoDate}`),
    ).toBeInTheDocument();
    expect(save(dialog)).toBeDisabled();
    await typeDate(user, 'Write-Off Date', memo.debitMemoDate);
    await waitFor(() => expect(save(dialog)).toBeEnabled());
    unmount();
  });

  it('refuses zero, negative, above-balance and too-precise amounts next to the field', async () => {
    const { dialog, memo, user, unmount } = await openDialog('USD');
    const amount = dialog.getByLabelText(/Write-Off Amount/);
    const cases: [string, RegExp][] = [
      ['0', /greater than 0/],
      ['-5', /greater than 0/],
      [
        money(memo.balance).plus('0.01').toFixed(2),
        new RegExp(`cannot exceed the open balance ${toFixed(memo.balance, 'USD')} USD`),
      ],
      ['1.005', /at most 2 decimals/],
      ['', /Enter the write-off amount/],
    ];
    for (const [value, message] of cases) {
      await user.clear(amount);
      if (value) await user.type(amount, value);
      await waitFor(() => expect(helperOf(amount)).toMatch(message));
      expect(amount).toHaveAttribute('aria-invalid', 'true');
      expect(save(dialog)).toBeDisabled();
    }
    unmount();
  });

  it('counts the comment live and refuses more than 255 characters', async () => {
    const { dialog, user, unmount } = await openDialog('USD');
    const comment = dialog.getByLabelText('Comment');
    await user.type(comment, 'Customer insolvent');
    expect(helperOf(comment)).toBe('18 / 255');
    await fill(user, comment, 'x'.repeat(256));
    await waitFor(() => expect(helperOf(comment)).toMatch(/at most 255 characters \(256 \/ 255\)/));
    expect(save(dialog)).toBeDisabled();
    unmount();
  });

  it('off Revenue Impacting, requires an accounting code and offers only active bad-debt/expense codes', async () => {
    const { dialog, user, unmount } = await openDialog('USD');
    expect(dialog.getByLabelText('Deferred Revenue Accounting Code')).toHaveAttribute('readonly');
    await user.click(dialog.getByRole('switch', { name: 'Revenue Impacting' }));
    const picker = dialog.getByRole('combobox', { name: /Accounting Code/ });
    await waitFor(() => expect(save(dialog)).toBeDisabled());
    await user.click(picker);
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent ?? '');
    expect(options.some((o) => o.startsWith('Bad Debt Expense'))).toBe(true);
    expect(options.some((o) => o.startsWith('Write-off Expense'))).toBe(true);
    expect(options.some((o) => o.startsWith('Legacy Bad Debt'))).toBe(false); // inactive
    expect(options.some((o) => /Revenue|Receivable|Cash/.test(o))).toBe(false);
    await user.type(picker, '6100'); // searchable by GL number too
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      expect.stringMatching(/^Bad Debt Expense/),
    ]);
    await user.click(screen.getByRole('option'));
    await waitFor(() => expect(save(dialog)).toBeEnabled());
    expect(
      dialog.getByText(/Not revenue impacting: .* is booked as an expense to Bad Debt Expense/),
    ).toBeInTheDocument();
    unmount();
  });
});

describe('Write Off Debit Memo: preview arithmetic equals what the sandbox books', () => {
  const used: string[] = [];
  it.each([
    ['USD', '0.37'],
    ['JPY', '7'],
    ['KWD', '1.001'],
  ])('%s partial amount %s', async (currency, partial) => {
    const { dialog, memo, user, onSuccess, unmount } = await openDialog(currency, used);
    used.push(memo.id);
    const amount = dialog.getByLabelText(/Write-Off Amount/);
    await user.clear(amount);
    await user.type(amount, partial);
    const table = dialog.getByRole('table');
    // Row "Credit memo total": open balance, the amount written off, and the balance after.
    const total = within(table).getByRole('row', { name: /Credit memo total/ });
    const after = money(memo.balance).minus(partial);
    expect(total).toHaveTextContent(fmt(partial, currency));
    expect(total).toHaveTextContent(fmt(after, currency));
    expect(dialog.getByText(/Debit memo balance after the write-off/)).toHaveTextContent(fmt(after, currency));
    // What the preview promised per line, read off the table before saving.
    const promised = within(table)
      .getAllByRole('row')
      .slice(1, -1)
      .map((r) => within(r).getAllByRole('cell')[3].textContent);
    const before = await itemsOf(memo.id);
    await waitFor(() => expect(save(dialog)).toBeEnabled());
    await user.click(save(dialog));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 15_000 });
    expect(onSuccess.mock.calls[0][0].link.to).toMatch(/^\/credit-memos\/[0-9a-f]{32}$/);
    const dm = (await s.h.call('GET', `/v1/debit-memos/${memo.id}`)).body as DebitMemo;
    expect(money(dm.balance).eq(after)).toBe(true);
    const booked = (await itemsOf(memo.id))
      .flatMap((i) => [i.balance, ...(i.taxationItems?.data ?? []).map((t) => t.balance)])
      .map((b) => formatMoney(b, currency));
    expect(booked).toEqual(promised);
    expect(before.length).toBeGreaterThan(0);
    unmount();
  });

  it('sends one Idempotency-Key with the PUT', async () => {
    const puts = s.sent.filter((r) => r.method === 'PUT' && r.url.endsWith('/write-off'));
    expect(puts.length).toBe(3);
    for (const p of puts) expect(p.headers.get('idempotency-key')).toMatch(/^[0-9a-f-]{36}$/);
    expect(new Set(puts.map((p) => p.headers.get('idempotency-key'))).size).toBe(3);
  });
});

describe('Write Off Debit Memo: stale balance', () => {
  it('shows the refusal in the dialog, keeps the input and refreshes the preview', async () => {
    const { dialog, memo, user, onSuccess, unmount } = await openDialog('EUR');
    await user.type(dialog.getByLabelText('Comment'), 'Agreed with the customer');
    // Someone else writes off part of the memo after the dialog opened.
    const other = await s.h.call('PUT', `/v1/debit-memos/${memo.id}/write-off`, {
      amount: Number(money(memo.balance).div(2).toFixed(2, 0)),
    });
    expect(other.status).toBe(200);
    await user.click(save(dialog));
    expect(await dialog.findByRole('alert')).toBeInTheDocument();
    expect(onSuccess).not.toHaveBeenCalled();
    expect(dialog.getByLabelText('Comment')).toHaveValue('Agreed with the customer');
    const fresh = (await s.h.call('GET', `/v1/debit-memos/${memo.id}`)).body as DebitMemo;
    // The refetched memo drives the limits: the old full-balance amount is now refused next to its field.
    await waitFor(() =>
      expect(helperOf(dialog.getByLabelText(/Write-Off Amount/))).toMatch(
        `cannot exceed the open balance ${toFixed(fresh.balance, 'EUR')} EUR`,
      ),
    );
    expect(formatMoney(1, 'EUR')).toMatch(/€/);
    unmount();
  });

  it('refuses a partial write-off whose preview was built on a balance that has since changed', async () => {
    const { dialog, memo, user, onSuccess, unmount } = await openDialog('USD');
    const amount = dialog.getByLabelText(/Write-Off Amount/);
    await user.clear(amount);
    await user.type(amount, '1.00');
    // Someone else writes off a part after the preview was made: 1.00 still fits, but the preview is stale.
    expect((await s.h.call('PUT', `/v1/debit-memos/${memo.id}/write-off`, { amount: 2 })).status).toBe(200);
    await user.click(save(dialog));
    const alert = await dialog.findByRole('alert');
    expect(alert).toHaveTextContent(
      `changed from ${fmt(memo.balance, 'USD')} to ${fmt(money(memo.balance).minus(2), 'USD')}`,
    );
    expect(onSuccess).not.toHaveBeenCalled();
    expect(((await s.h.call('GET', `/v1/debit-memos/${memo.id}`)).body as DebitMemo).balance).toBe(
      Number(money(memo.balance).minus(2)),
    );
    // Saved again on the refreshed preview, it goes through.
    await waitFor(() =>
      expect(dialog.getByText(`Open balance ${fmt(money(memo.balance).minus(2), 'USD')}`)).toBeInTheDocument(),
    );
    await user.click(save(dialog));
    await waitFor(() => expect(onSuccess).toHaveBeenCalled());
    unmount();
  });
});
