import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { fill, typeDate } from '../../test/user-input.ts';
import type { UserEvent } from '@testing-library/user-event';
import FromInvoicePage from './from-invoice-page.tsx';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { chooseAccount, chooseOption, postsTo, renderPage } from './testing/render-page.tsx';
import { money, toFixed } from '../../lib/money.ts';
import { formatDate } from '../../lib/dates.ts';

// Every rule of the from-invoice form, against a posted demo invoice: Acme's INV00000055 holds
// "API Calls" (no tax) and "Premium Support Fee" (with a State Sales Tax line).

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox();
});
afterAll(() => s.h.close());
afterEach(cleanup);

/** Types into a field and leaves it, as a person does (the create forms validate a field once it is left). */
async function setText(user: UserEvent, el: HTMLElement, value: string) {
  await fill(user, el, value);
  await user.tab();
}

async function openInvoice(kind: 'credit-memos' | 'debit-memos') {
  const page = renderPage(
    <FromInvoicePage kind={kind === 'credit-memos' ? 'CreditMemo' : 'DebitMemo'} />,
    `/${kind}/new/from-invoice`,
  );
  await chooseAccount(page.user, 'Acme', /Acme Corporation/);
  await chooseOption(page.user, /Invoice/, /INV00000055/);
  const table = await screen.findByRole('table', { name: 'Invoice items' }, { timeout: 10_000 });
  return { ...page, table };
}

describe('from-invoice memo form', () => {
  it('needs an account and an invoice', async () => {
    const { user } = renderPage(<FromInvoicePage kind="CreditMemo" />, '/credit-memos/new/from-invoice');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose an account.')).toBeInTheDocument();
    expect(screen.getByText('Choose an invoice.')).toBeInTheDocument();
  });

  it('checks every item rule, then credits only the selected item with the reduced amount', async () => {
    const { user, table, router } = await openInvoice('credit-memos');
    const api = 'line 1: API Calls';
    const support = 'line 2: Premium Support Fee';
    expect(within(table).getByRole('checkbox', { name: `Include ${api}` })).toBeChecked();
    expect(within(table).getByLabelText(`Credit Amount, ${support}`)).toHaveValue('299.00');
    expect(within(table).getByLabelText(`State Sales Tax credit, ${support}`)).toHaveValue('24.67');
    // The Memo Date's hint shows the invoice date as every date is shown, not as the raw yyyy-mm-dd.
    expect(screen.getByText(`Not before the invoice date, ${formatDate('2026-03-23')}.`)).toBeInTheDocument();

    await typeDate(user, 'Memo Date', '2026-03-22');
    await setText(user, within(table).getByLabelText(`Credit Amount, ${support}`), '299.01');
    await setText(user, within(table).getByLabelText(`Credit Amount, ${api}`), '1.234');
    await setText(user, within(table).getByLabelText(`State Sales Tax credit, ${support}`), '30.00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(`The memo date cannot be before the invoice date (${formatDate('2026-03-23')}).`),
    ).toBeInTheDocument();
    expect(screen.getByText('At most 299.00 is available to credit.')).toBeInTheDocument();
    expect(screen.getByText('USD amounts have at most 2 decimals.')).toBeInTheDocument();
    expect(screen.getByText('At most 24.67 of this tax is available to credit.')).toBeInTheDocument();

    // Tax-included needs Tax Auto Calculation: the toggle is disabled without it.
    await user.click(screen.getByRole('checkbox', { name: 'Tax Auto Calculation' }));
    expect(within(table).getByRole('checkbox', { name: `Tax included, ${support}` })).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: 'Tax Auto Calculation' }));

    await user.click(within(table).getByRole('checkbox', { name: 'Select all invoice items' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Select at least one invoice item.')).toBeInTheDocument();

    await user.click(within(table).getByRole('checkbox', { name: `Include ${support}` }));
    await typeDate(user, 'Memo Date', '2026-03-23');
    await setText(user, within(table).getByLabelText(`Credit Amount, ${support}`), '100.00');
    // Lowering the amount scales the tax line: 24.67 × 100 / 299 = 8.25.
    await waitFor(() => expect(within(table).getByLabelText(`State Sales Tax credit, ${support}`)).toHaveValue('8.25'));
    expect(screen.getByRole('status', { name: 'Totals' })).toHaveTextContent('$108.25');
    await user.click(screen.getByRole('checkbox', { name: 'Apply to this invoice upon posting' }));
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/credit-memos\/[0-9a-f]{32}$/), {
      timeout: 10_000,
    });
    const [post] = await postsTo(s, /^\/v1\/credit-memos\/invoice\/[0-9a-f]{32}$/);
    expect(post.key).toBeTruthy();
    expect(post.body).toMatchObject({
      effectiveDate: '2026-03-23',
      autoApplyToInvoiceUponPosting: true,
      taxAutoCalculation: true,
    });
    expect(post.body.items).toEqual([
      expect.objectContaining({
        skuName: 'Premium Support Fee',
        amount: 100,
        taxMode: 'TaxExclusive',
        taxItems: [expect.objectContaining({ amount: 8.25, taxName: 'State Sales Tax' })],
      }),
    ]);
    const id = router.state.location.pathname.split('/').pop();
    const memo = await s.h.call('GET', `/v1/credit-memos/${id}`);
    expect(memo.body).toMatchObject({
      amount: 108.25,
      taxAmount: 8.25,
      status: 'Draft',
      referredInvoiceId: expect.any(String),
    });
  }, 120_000);

  it('does not cap a debit at the available-to-credit amount', async () => {
    const { user, table } = await openInvoice('debit-memos');
    await setText(user, within(table).getByLabelText('Debit Amount, line 2: Premium Support Fee'), '5000.00');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(async () => expect(await postsTo(s, /^\/v1\/debit-memos\/invoice\//)).toHaveLength(1), {
      timeout: 10_000,
    });
  }, 60_000);

  it('a tax-included credit keeps its size, is checked before tax and credits what the server books', async () => {
    const { user, table, router } = await openInvoice('credit-memos');
    const support = 'line 2: Premium Support Fee';
    const amountField = () => within(table).getByLabelText(`Credit Amount, ${support}`);
    await user.click(within(table).getByRole('checkbox', { name: 'Include line 1: API Calls' }));
    // What is still available (an earlier test may have credited part of it), and its tax.
    const available = money((amountField() as HTMLInputElement).value);
    const tax = money((within(table).getByLabelText(`State Sales Tax credit, ${support}`) as HTMLInputElement).value);
    // Including the tax adds it to the amount: the same credit.
    await user.click(within(table).getByRole('checkbox', { name: `Tax included, ${support}` }));
    const inclusive = toFixed(available.plus(tax), 'USD');
    expect(amountField()).toHaveValue(inclusive);
    await setText(user, amountField(), toFixed(available.plus(tax).plus(5), 'USD'));
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(
      await screen.findByText(new RegExp(`^At most ${toFixed(available, 'USD')} before tax is available to credit`)),
    ).toBeInTheDocument();
    await setText(user, amountField(), inclusive);
    await user.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/credit-memos\/[0-9a-f]{32}$/), {
      timeout: 10_000,
    });
    const memo = await s.h.call('GET', `/v1/credit-memos/${router.state.location.pathname.split('/').pop()}`);
    expect(memo.body.amount).toBe(Number(inclusive));
    expect(money(memo.body.amount).minus(memo.body.taxAmount).lte(available)).toBe(true);
  }, 120_000);
});
