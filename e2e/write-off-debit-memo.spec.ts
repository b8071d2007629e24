import { expect as baseExpect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInAs } from './support/sign-in.ts';
import { adminToken, apiGet, findPostedMemo } from './support/sandbox-api.ts';

// Walkthroughs: More actions → Write Off Debit Memo on the sandbox's demo data.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });
const used: string[] = [];

async function openWriteOff(page: Page, dmId: string) {
  await signInAs(page, 'Billing Admin', `/debit-memos/${dmId}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /Write Off Debit Memo/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Write Off Debit Memo' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('table')).toBeVisible(); // the preview, once the items are loaded
  return dialog;
}

test('demo: non-revenue write-off to bad debt, preview, save, follow the link to the credit memo', async ({
  page,
  request,
}) => {
  const token = await adminToken(request);
  const dm = await findPostedMemo(
    request,
    token,
    'DebitMemo',
    (m) => m.currency === 'USD' && Number(m.balance) > 0 && Number(m.taxAmount) > 0,
  );
  used.push(dm.id);
  const dialog = await openWriteOff(page, dm.id);

  await dialog.getByRole('switch', { name: 'Revenue Impacting' }).click();
  await dialog.getByRole('combobox', { name: 'Accounting Code' }).click();
  await dialog.getByRole('combobox', { name: 'Accounting Code' }).fill('bad');
  await expect(page.getByRole('option')).toHaveCount(1); // Legacy Bad Debt is inactive: not offered
  await page.getByRole('option', { name: /Bad Debt Expense/ }).click();
  await dialog.getByLabel('Comment').fill('Customer insolvent; approved by finance');
  await expect(dialog.getByText('39 / 255')).toBeVisible();

  // The preview: every item and tax item cleared, booked to the expense code, balance after $0.00.
  await expect(dialog.getByText(/Not revenue impacting: .* is booked as an expense to Bad Debt Expense/)).toBeVisible();
  await expect(dialog.getByText('Debit memo balance after the write-off:')).toContainText('$0.00');
  await expect(dialog.getByRole('row', { name: /Tax:/ }).first()).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('write-off-debit-dialog.png'), fullPage: true });

  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`)).toEqual([]);

  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  const link = page.getByRole('link', { name: /^Open CM/ });
  await expect(page.getByText(new RegExp(`Debit memo ${dm.number} written off by credit memo CM`))).toBeVisible();
  await link.click();
  await expect(page).toHaveURL(/\/credit-memos\/[0-9a-f]{32}$/);
  // The new credit memo is applied to the debit memo: its Applications section names it.
  await expect(page.getByRole('link', { name: dm.number }).first()).toBeVisible();
  const cmId = page.url().split('/').pop()!;
  const cm = await apiGet<{ appliedAmount: number; unappliedAmount: number; reasonCode: string; comment: string }>(
    request,
    token,
    `/v1/credit-memos/${cmId}`,
  );
  expect(cm).toMatchObject({
    unappliedAmount: 0,
    reasonCode: 'Write-off',
    comment: 'Customer insolvent; approved by finance',
  });
  const after = await apiGet<{ balance: number }>(request, token, `/v1/debit-memos/${dm.id}`);
  expect(after.balance).toBe(0);
});

test('revenue-impacting write-off of part of a JPY debit memo', async ({ page, request }) => {
  const token = await adminToken(request);
  const dm = await findPostedMemo(
    request,
    token,
    'DebitMemo',
    (m) => m.currency === 'JPY' && Number(m.balance) > 10,
    used,
  );
  used.push(dm.id);
  const dialog = await openWriteOff(page, dm.id);
  const amount = dialog.getByLabel(/Write-Off Amount/);
  await expect(amount).toHaveValue(String(dm.balance)); // no decimals for yen
  await expect(dialog.getByLabel('Deferred Revenue Accounting Code')).toHaveValue(/Deferred/);
  await amount.fill('10');
  await expect(dialog.getByText(/Revenue impacting: revenue booked to .*Deferred/)).toBeVisible();
  const remaining = Number(dm.balance) - 10;
  await expect(dialog.getByText('Debit memo balance after the write-off:')).toContainText(
    `${remaining.toLocaleString('en-US')}`,
  );
  await page.screenshot({ path: test.info().outputPath('write-off-debit-jpy.png'), fullPage: true });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/written off by credit memo CM/)).toBeVisible();
  const after = await apiGet<{ balance: number }>(request, token, `/v1/debit-memos/${dm.id}`);
  expect(after.balance).toBe(remaining);
});

test('a date before the memo date and an amount above the balance are refused next to their fields', async ({
  page,
  request,
}) => {
  const token = await adminToken(request);
  const dm = await findPostedMemo(
    request,
    token,
    'DebitMemo',
    (m) => m.currency === 'USD' && Number(m.balance) > 0,
    used,
  );
  const dialog = await openWriteOff(page, dm.id);
  await dialog.getByRole('spinbutton', { name: 'Year' }).click();
  await page.keyboard.type('20000101');
  await expect(
    dialog.getByText(`The write-off date cannot be before the debit memo date ${dm.debitMemoDate as string}`),
  ).toBeVisible();
  const amount = dialog.getByLabel(/Write-Off Amount/);
  await amount.fill(String(Number(dm.balance) + 1));
  await expect(dialog.getByText(/The write-off amount cannot exceed the open balance/)).toBeVisible();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('write-off-debit-refused.png'), fullPage: true });
  // Escape asks before discarding what was typed.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Discard your changes?' })).toBeVisible();
  await page.getByRole('button', { name: 'Keep editing' }).click();
  await expect(dialog).toBeVisible();
});

test('keyboard only: open the menu, write off the full balance, save', async ({ page, request }) => {
  const token = await adminToken(request);
  const dm = await findPostedMemo(
    request,
    token,
    'DebitMemo',
    (m) => m.currency === 'EUR' && Number(m.balance) > 0,
    used,
  );
  used.push(dm.id);
  await signInAs(page, 'Billing Admin', `/debit-memos/${dm.id}`);
  await page.getByRole('button', { name: 'More actions' }).focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name: /Write Off Debit Memo/ });
  for (let i = 0; i < 25 && !(await item.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Write Off Debit Memo' });
  await expect(dialog.getByRole('table')).toBeVisible();
  await expect(dialog.getByText('Debit memo balance after the write-off:')).toContainText('€0.00'); // EUR formats as EUR
  const save = dialog.getByRole('button', { name: 'Save' });
  for (let i = 0; i < 40 && !(await save.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(save).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/written off by credit memo CM/)).toBeVisible();
});

test('as the Billing Clerk the menu item is disabled with its reason', async ({ page, request }) => {
  const token = await adminToken(request);
  const dm = await findPostedMemo(request, token, 'DebitMemo', (m) => Number(m.balance) > 0, used);
  await signInAs(page, 'Billing Clerk', `/debit-memos/${dm.id}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  const item = page.getByRole('menuitem', { name: /Write Off Debit Memo/ });
  await expect(item).toHaveAttribute('aria-disabled', 'true');
  await expect(item).toContainText('Requires the enhanced write-off permission');
});
