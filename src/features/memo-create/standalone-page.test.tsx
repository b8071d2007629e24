import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import { fill, typeDate } from '../../test/user-input.ts';
import type { UserEvent } from '@testing-library/user-event';
import StandalonePage from './standalone-page.tsx';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { chooseAccount, chooseOption, postsTo, renderPage } from './testing/render-page.tsx';

// Every rule of the standalone form, shown next to its field, against the sandbox's demo data.

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox();
});
afterAll(() => s.h.close());
afterEach(cleanup);

async function addCharge(user: ReturnType<typeof renderPage>['user'], product: RegExp, plan: RegExp, charge: string) {
  await user.click(screen.getByRole('button', { name: 'Add charge' }));
  const dialog = await screen.findByRole('dialog', { name: 'Add charge' });
  await chooseOption(user, /Product/, product, dialog);
  await chooseOption(user, /Rate Plan/, plan, dialog);
  await user.click(within(dialog).getByRole('button', { name: `Select ${charge}` }));
  await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add charge' })).toBeNull());
}

/** Types into a field and leaves it, as a person does (the create forms validate a field once it is left). */
async function setText(user: UserEvent, el: HTMLElement, value: string) {
  await fill(user, el, value);
  await user.tab();
}

const charge = (name: string) => screen.getByRole('group', { name });
const field = (group: string, label: RegExp) => within(charge(group)).getByLabelText(label);

describe('standalone memo form', () => {
  it('refuses an empty memo: no account, no charges', async () => {
    const { user } = renderPage(<StandalonePage kind="DebitMemo" />, '/debit-memos/new/standalone');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Choose an account.')).toBeInTheDocument();
    expect(screen.getByText('Add at least one charge.')).toBeInTheDocument();
    expect(await postsTo(s, /^\/v1\/debit-memos$/)).toHaveLength(0);
  });

  it('Enter in the Account search with no suggestion highlighted picks nothing and does not submit the form', async () => {
    const { user } = renderPage(<StandalonePage kind="DebitMemo" />, '/debit-memos/new/standalone');
    // Typed and Enter at once: the suggestions are not there yet (or are about to be replaced).
    await user.type(screen.getByRole('combobox', { name: /Account/ }), 'Acme{Enter}');
    await screen.findByRole('option', { name: /Acme Corporation/ });
    expect(screen.queryByText('Choose an account.')).toBeNull();
    expect(screen.queryByText('Add at least one charge.')).toBeNull();
  });

  it('explains why a product with only discount charges offers nothing', async () => {
    const { user } = renderPage(<StandalonePage kind="CreditMemo" />, '/credit-memos/new/standalone');
    await user.click(screen.getByRole('button', { name: 'Add charge' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add charge' });
    await chooseOption(user, /Product/, /Promotions \(discount charges only\)/, dialog);
    expect(
      within(dialog).getByText(
        /Promotions has only discount charges \(Launch Discount, Loyalty Credit\)\. Zuora does not allow discount charges/,
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByRole('combobox', { name: /Rate Plan/ })).toBeNull();
  });

  it('checks every field rule, then sends a valid memo with an Idempotency-Key and opens it', async () => {
    const { user, router } = renderPage(<StandalonePage kind="DebitMemo" />, '/debit-memos/new/standalone');
    await chooseAccount(user, 'Sakura', /Sakura Robotics KK/);
    expect(await screen.findByText('Currency JPY')).toBeInTheDocument();
    await addCharge(user, /^Professional Services/, /^Onboarding/, 'Implementation Fee');
    await addCharge(user, /^API Usage/, /^Pay As You Go/, 'API Calls');
    // Prefilled from the catalog: the JPY list price, and quantity 1 for the usage charge.
    expect(field('Charge 1: Implementation Fee', /Debit Amount/)).toHaveValue('375000');
    expect(field('Charge 2: API Calls', /Quantity/)).toHaveValue('1');
    // What blank service dates mean, before Save: a one-time charge's date is the memo date.
    const oneTime = within(screen.getByRole('group', { name: 'Charge 1: Implementation Fee' }));
    expect(oneTime.getByText('Blank: the memo date')).toBeInTheDocument();
    expect(oneTime.getByText('Blank: the start date')).toBeInTheDocument();
    expect(
      within(screen.getByRole('group', { name: 'Charge 2: API Calls' })).getByText('Blank: the rate plan’s start'),
    ).toBeInTheDocument();

    await setText(user, field('Charge 1: Implementation Fee', /Debit Amount/), '1000.5');
    await setText(user, field('Charge 2: API Calls', /Quantity/), '');
    await typeDate(user, 'Service Start Date', '2026-02-01', charge('Charge 2: API Calls'));
    await typeDate(user, 'Service End Date', '2026-01-31', charge('Charge 2: API Calls'));
    await typeDate(user, 'Memo Date', '2026-03-01');
    await typeDate(user, 'Due Date', '2026-02-28');
    await setText(user, screen.getByLabelText(/Memo Number/), 'DM 1');
    await fill(user, screen.getByLabelText('Comments'), 'c'.repeat(256));
    await user.click(screen.getByRole('button', { name: 'Add custom field' }));
    await setText(
      user,
      within(screen.getByRole('group', { name: 'Custom field 1' })).getByLabelText('Field name'),
      'Region',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('JPY amounts have no decimals.')).toBeInTheDocument();
    expect(screen.getByText('Usage charges need a quantity.')).toBeInTheDocument();
    expect(screen.getByText('The service end date cannot be before the start date.')).toBeInTheDocument();
    expect(screen.getByText('The due date cannot be before the memo date.')).toBeInTheDocument();
    expect(screen.getByText('Use at most 32 letters, digits, "-" or "_".')).toBeInTheDocument();
    expect(screen.getByText('At most 255 characters. (256 / 255)')).toBeInTheDocument();
    expect(
      screen.getByText('A custom field name ends in __c (or __NS for NetSuite), e.g. Region__c.'),
    ).toBeInTheDocument();
    expect(await postsTo(s, /^\/v1\/debit-memos$/)).toHaveLength(0);

    await setText(user, field('Charge 1: Implementation Fee', /Debit Amount/), '1000');
    await setText(user, field('Charge 2: API Calls', /Quantity/), '0');
    await user.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('The quantity must be a positive number.')).toBeInTheDocument();

    await setText(user, field('Charge 2: API Calls', /Quantity/), '2');
    await typeDate(user, 'Service End Date', '2026-02-28', charge('Charge 2: API Calls'));
    await typeDate(user, 'Due Date', '2026-03-31');
    await setText(user, screen.getByLabelText(/Memo Number/), '');
    await fill(user, screen.getByLabelText('Comments'), 'component test');
    await setText(
      user,
      within(screen.getByRole('group', { name: 'Custom field 1' })).getByLabelText('Field name'),
      'Region__c',
    );
    await user.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(router.state.location.pathname).toMatch(/^\/debit-memos\/[0-9a-f]{32}$/), {
      timeout: 10_000,
    });
    const [post] = await postsTo(s, /^\/v1\/debit-memos$/);
    expect(post.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(post.body).toMatchObject({
      effectiveDate: '2026-03-01',
      dueDate: '2026-03-31',
      comment: 'component test',
      Region__c: '',
      autoPay: true,
      autoPost: false,
    });
    expect(post.body.charges).toEqual([
      expect.objectContaining({
        amount: 1000,
        financeInformation: expect.objectContaining({ recognizedRevenueAccountingCode: 'Services Revenue' }),
      }),
      expect.objectContaining({
        amount: 75,
        quantity: 2,
        serviceStartDate: '2026-02-01',
        serviceEndDate: '2026-02-28',
      }),
    ]);
    const id = router.state.location.pathname.split('/').pop();
    const memo = await s.h.call('GET', `/v1/debit-memos/${id}`);
    expect(memo.body).toMatchObject({ status: 'Draft', currency: 'JPY', amount: expect.any(Number) });
  }, 120_000);
});
