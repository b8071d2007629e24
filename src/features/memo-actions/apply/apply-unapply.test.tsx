import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import { fill } from '../../../test/user-input.ts';
import type { CreditMemo } from '../../../contract/memos.ts';
import { money, sum, toFixed } from '../../../lib/money.ts';
import type { MemoOfKind } from '../../../api/memos/detail.ts';
import { startSandbox, type Sandbox } from '../../../test/sandbox-client.ts';
import { renderDialog } from '../testing/sandbox-render.tsx';
import ApplyDialog from './apply-dialog.tsx';
import UnapplyDialog from '../unapply/unapply-dialog.tsx';

// Apply and Unapply against the real sandbox: each amount limit shown next to its field, the running
// total against the unapplied amount, the item split, and the balances the server books afterwards.

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox('admin');
}, 120_000);
afterAll(async () => s?.h.close());

interface Doc {
  id: string;
  documentNumber: string;
  documentType: string;
  balance: number;
}

/** A USD credit memo with unapplied credit smaller than the open invoices + debit memos of its account. */
async function pickCreditMemo(): Promise<{ cm: CreditMemo; docs: Doc[] }> {
  for (let page = 1; page <= 10; page++) {
    const r = await s.h.call('GET', `/v1/credit-memos?status=Posted&pageSize=40&page=${page}`);
    for (const cm of r.body.creditmemos as CreditMemo[]) {
      if (cm.currency !== 'USD' || !(cm.unappliedAmount > 0)) continue;
      const docs = (
        (await s.h.call('GET', `/v1/billing-documents?accountId=${cm.accountId}&status=Posted&pageSize=40`)).body
          .documents as Doc[]
      ).filter((d) => (d.documentType === 'Invoice' || d.documentType === 'DebitMemo') && d.balance > 0);
      const hasBoth =
        docs.some((d) => d.documentType === 'Invoice') && docs.some((d) => d.documentType === 'DebitMemo');
      if (hasBoth && sum(docs.map((d) => d.balance)).gt(cm.unappliedAmount)) return { cm, docs };
    }
  }
  throw new Error('no suitable credit memo in the demo seed');
}

const helperOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

describe('Apply Credit Memo', () => {
  it('validates each amount, the item split and the running total, then applies to an invoice and a debit memo', async () => {
    const { cm, docs } = await pickCreditMemo();
    const { user, onSuccess, unmount } = renderDialog(ApplyDialog, { kind: 'CreditMemo', memo: cm } as MemoOfKind);
    const dialog = within(await screen.findByRole('dialog', { name: 'Apply Credit Memo' }));
    const table = await dialog.findByRole('table', { name: 'Open invoices and debit memos' }, { timeout: 10_000 });
    // Each document's date is shown as everywhere else in the app, never as the raw yyyy-mm-dd.
    expect(table.textContent).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(within(table).getAllByText(/^[A-Z][a-z]{2} \d{1,2}, \d{4}$/).length).toBeGreaterThan(0);
    const save = dialog.getByRole('button', { name: 'Apply' });
    expect(save).toBeDisabled();

    const inv = docs.find((d) => d.documentType === 'Invoice')!;
    const dm = docs.find((d) => d.documentType === 'DebitMemo')!;
    const invAmount = dialog.getByLabelText(`Amount to apply to ${inv.documentNumber}`);
    const dmAmount = dialog.getByLabelText(`Amount to apply to ${dm.documentNumber}`);

    // Above the document's balance.
    await user.type(invAmount, money(inv.balance).plus('0.01').toFixed(2));
    await waitFor(() => expect(helperOf(invAmount)).toMatch(`cannot exceed the balance of ${inv.documentNumber}`));
    expect(save).toBeDisabled();
    // Too many decimals.
    await user.clear(invAmount);
    await user.type(invAmount, '0.001');
    await waitFor(() => expect(helperOf(invAmount)).toMatch(/at most 2 decimals/));
    // Every document at its full balance: the running total exceeds the unapplied amount.
    for (const d of docs) {
      const field = dialog.getByLabelText(`Amount to apply to ${d.documentNumber}`);
      await fill(user, field, toFixed(d.balance, 'USD'));
    }
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent(/exceeds the unapplied amount/));
    expect(save).toBeDisabled();
    for (const d of docs) await fill(user, dialog.getByLabelText(`Amount to apply to ${d.documentNumber}`), '');

    // Split per item: the item amounts must add up to the document amount.
    await user.type(dmAmount, '0.02');
    await user.click(dialog.getByRole('button', { name: `Show items of ${dm.documentNumber}` }));
    const firstLine = (await dialog.findAllByLabelText(/^Amount for /, {}, { timeout: 10_000 }))[0];
    await user.type(firstLine, '0.01');
    await waitFor(() => expect(helperOf(dmAmount)).toMatch(/Must equal the sum of the item amounts, \$0\.01/));
    await user.clear(firstLine);
    await user.type(firstLine, '0.02');
    await user.clear(invAmount);
    await user.type(invAmount, '0.03');
    await waitFor(() => expect(dialog.getByRole('status')).toHaveTextContent('Total to apply: $0.05'));
    await waitFor(() => expect(save).toBeEnabled());
    await user.click(save);
    await waitFor(() => expect(onSuccess).toHaveBeenCalled(), { timeout: 15_000 });

    const put = s.sent.filter((r) => r.method === 'PUT' && r.url.endsWith('/apply')).at(-1)!;
    expect(put.headers.get('idempotency-key')).toBeTruthy();
    const invAfter = (await s.h.call('GET', `/v1/invoices/${inv.id}`)).body;
    const dmAfter = (await s.h.call('GET', `/v1/debit-memos/${dm.id}`)).body;
    const cmAfter = (await s.h.call('GET', `/v1/credit-memos/${cm.id}`)).body as CreditMemo;
    expect(money(invAfter.balance).eq(money(inv.balance).minus('0.03'))).toBe(true);
    expect(money(dmAfter.balance).eq(money(dm.balance).minus('0.02'))).toBe(true);
    expect(money(cmAfter.unappliedAmount).eq(money(cm.unappliedAmount).minus('0.05'))).toBe(true);
    unmount();

    // Unapply: amount per applied document ≤ what is applied; "Unapply from all" takes everything.
    const un = renderDialog(UnapplyDialog, { kind: 'CreditMemo', memo: cmAfter } as MemoOfKind);
    const udialog = within(await screen.findByRole('dialog', { name: 'Unapply Credit Memo' }));
    await udialog.findByRole('table', {}, { timeout: 10_000 });
    const fields = udialog.getAllByLabelText(/^Amount to unapply \(row/);
    const unapplyBtn = udialog.getByRole('button', { name: 'Unapply' });
    expect(unapplyBtn).toBeDisabled();
    await un.user.type(fields[0], '999999');
    await waitFor(() => expect(helperOf(fields[0])).toMatch(/cannot exceed the applied amount/));
    expect(unapplyBtn).toBeDisabled();
    await un.user.click(udialog.getByRole('checkbox', { name: 'Unapply from all' }));
    await waitFor(() => expect(unapplyBtn).toBeEnabled());
    await un.user.click(udialog.getByRole('checkbox', { name: 'Unapply from all' }));
    await un.user.clear(udialog.getAllByLabelText(/^Amount to unapply \(row/)[0]);
    await un.user.type(udialog.getAllByLabelText(/^Amount to unapply \(row/)[0], '0.01');
    await waitFor(() => expect(unapplyBtn).toBeEnabled());
    await un.user.click(unapplyBtn);
    await waitFor(() => expect(un.onSuccess).toHaveBeenCalled(), { timeout: 15_000 });
    const cmFinal = (await s.h.call('GET', `/v1/credit-memos/${cm.id}`)).body as CreditMemo;
    expect(money(cmFinal.unappliedAmount).eq(money(cmAfter.unappliedAmount).plus('0.01'))).toBe(true);
    un.unmount();
  }, 150_000);
});
