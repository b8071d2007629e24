import { expect as baseExpect, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import type { Drive } from './drive.ts';
import { adminToken, apiGet, findPostedMemo } from './sandbox-api.ts';
import { step } from './step.ts';

// "Find a customer's open debit memos and write one off as bad debt": the story of walkthrough 1
// (the standalone app) and walkthrough 5 (the same app embedded in a host page). `app` is where the
// app is drawn: the page itself, or the host's region around the embedded instance. Menus, listboxes
// and dialogs are portals, so they are looked up on the page.

const expect = baseExpect.configure({ timeout: 15_000 });

export interface OpenDebitMemo {
  id: string;
  number: string;
  accountName: string;
  balance: number;
}

/** A Posted USD debit memo with tax and an open balance, not in `exclude`, with its customer's name. */
export async function openDebitMemo(request: APIRequestContext, exclude: string[] = []): Promise<OpenDebitMemo> {
  const token = await adminToken(request);
  const dm = await findPostedMemo(
    request,
    token,
    'DebitMemo',
    (m) => m.currency === 'USD' && Number(m.balance) > 0 && Number(m.taxAmount) > 0,
    exclude,
  );
  const account = await apiGet<{ basicInfo: { name: string } }>(
    request,
    token,
    `/v1/accounts/${dm.accountId as string}`,
  );
  return { id: dm.id, number: dm.number, accountName: account.basicInfo.name, balance: Number(dm.balance) };
}

export async function findAndWriteOff(page: Page, app: Page | Locator, d: Drive, dm: OpenDebitMemo) {
  const grid = app.getByRole('grid', { name: 'Debit memos' });

  // Every row shown belongs to the customer. Asked of the live grid (re-queried until it holds), never of a
  // list of rows taken while the filtered page re-renders.
  const onlyTheCustomers = async () => {
    await expectSettled(grid);
    await expect(grid.getByRole('link', { name: dm.number })).toBeVisible();
    const memoRows = grid.getByRole('row').filter({ has: page.getByRole('link') });
    await expect(memoRows.filter({ hasNotText: dm.accountName })).toHaveCount(0);
  };

  await step(page, `Find ${dm.accountName}'s debit memos: type the customer in the Account filter`, async () => {
    const account = app.getByRole('textbox', { name: 'Account' });
    await d.fill(account, dm.accountName);
    await expect(account).toHaveValue(dm.accountName); // every letter kept while the filter applied
    // The memo may be on the unfiltered page already: wait for the filter itself, as the eye does, before the
    // next click (the filter row re-lays out when it applies, and a click in between can land on nothing).
    await onlyTheCustomers();
  });

  await step(page, 'Keep only the memos with an open balance', async () => {
    await d.toggle(app.getByRole('switch', { name: 'Open balance only' }));
    await expect(app.getByRole('switch', { name: 'Open balance only' })).toBeChecked();
    await onlyTheCustomers();
  });

  await step(page, `Open debit memo ${dm.number}`, async () => {
    await d.press(grid.getByRole('link', { name: dm.number }));
    await expect(app.getByRole('heading', { level: 1, name: `Debit Memo ${dm.number}` })).toBeVisible();
  });

  const dialog = page.getByRole('dialog', { name: 'Write Off Debit Memo' });
  await step(page, 'More actions → Write Off Debit Memo', async () => {
    await d.menu(
      app.getByRole('button', { name: 'More actions' }),
      page.getByRole('menuitem', { name: /Write Off Debit Memo/ }),
    );
    await expect(dialog.getByRole('table')).toBeVisible(); // the preview, once the items are loaded
  });

  await step(page, 'Bad debt is not revenue impacting: book it to the Bad Debt Expense code', async () => {
    await d.toggle(dialog.getByRole('switch', { name: 'Revenue Impacting' }));
    await d.autocomplete(
      dialog.getByRole('combobox', { name: 'Accounting Code' }),
      'bad',
      page.getByRole('option', { name: /Bad Debt Expense/ }),
    );
    await expect(
      dialog.getByText(/Not revenue impacting: .* is booked as an expense to Bad Debt Expense/),
    ).toBeVisible();
  });

  await step(page, 'Say why, and check the preview: every item cleared, balance after $0.00', async () => {
    await d.fill(dialog.getByLabel('Comment'), 'Customer insolvent; approved by finance');
    await expect(dialog.getByText('Debit memo balance after the write-off:')).toContainText('$0.00');
  });

  await step(page, 'Save: a credit memo is created and applied to the debit memo', async () => {
    await d.press(dialog.getByRole('button', { name: 'Save' }));
    await expect(dialog).toBeHidden();
    await expect(app.getByText(new RegExp(`Debit memo ${dm.number} written off by credit memo CM`))).toBeVisible();
  });

  await step(page, 'Open the credit memo that wrote it off: it is applied to the debit memo', async () => {
    await d.press(app.getByRole('link', { name: /^Open CM/ }));
    await expect(app.getByRole('heading', { level: 1, name: /^Credit Memo CM/ })).toBeVisible();
    await expect(app.getByRole('link', { name: dm.number }).first()).toBeVisible();
  });
}

/** The grid shows the answer to its current filters: neither skeleton rows nor the refetch bar remain. */
export async function expectSettled(grid: Locator) {
  await expect(grid.getByRole('progressbar')).toHaveCount(0);
  await expect(grid.getByRole('row').nth(1).getByRole('checkbox')).toBeVisible(); // a memo's row, not the empty state
}

/** The write-off really happened: the debit memo's balance is zero on the server. */
export async function expectWrittenOff(request: APIRequestContext, dm: OpenDebitMemo) {
  const token = await adminToken(request);
  const after = await apiGet<{ balance: number }>(request, token, `/v1/debit-memos/${dm.id}`);
  expect(after.balance).toBe(0);
}
