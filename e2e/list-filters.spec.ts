import { expect as baseExpect, test } from '@playwright/test';
import { signInAs } from './support/sign-in.ts';

// The list's filters on Object Query (docs/zuora/tenant-read-contract.md A10), and the currency view on the
// classic list with its note.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

test('account, amount range and open balance are Object Query filters; currency is the classic list', async ({
  page,
}) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    const u = new URL(r.url());
    if (/^\/(v1|object-query)\//.test(u.pathname)) sent.push(decodeURIComponent(u.pathname + u.search));
  });
  await signInAs(page, 'Billing Admin', '/debit-memos');
  const grid = page.getByRole('grid', { name: 'Debit memos' });
  await expect(grid.getByRole('link').first()).toBeVisible();
  // Each row shows its account's name (from expand[]=account, not one request per row).
  const firstAccount = grid.getByRole('row').nth(1).getByRole('gridcell').nth(2);
  await expect(firstAccount).not.toContainText('…');
  const accountNumber = (await firstAccount.locator('.MuiTypography-caption').textContent())!.trim();

  await page.getByRole('textbox', { name: 'Account' }).fill(accountNumber);
  await page.getByRole('textbox', { name: 'Account' }).press('Enter');
  await expect(page).toHaveURL(new RegExp(`account=${accountNumber}`));
  await page.getByRole('textbox', { name: 'Amount from' }).fill('1');
  await page.getByRole('textbox', { name: 'Amount from' }).press('Enter');
  await expect(page).toHaveURL(/amountFrom=1/);
  const filtered = page.waitForResponse((r) => decodeURIComponent(r.url()).includes('balance.GT:0'));
  await page.getByLabel('Open balance only').click();
  await expect(page).toHaveURL(/open=1/);
  const last = decodeURIComponent(new URL((await filtered).url()).pathname + new URL((await filtered).url()).search);
  await expect(grid.getByRole('link').first()).toBeVisible();
  expect(last).toContain('filter[]=totalamount.GE:1');
  expect(last).toContain('filter[]=balance.GT:0');
  expect(last).toMatch(/filter\[\]=accountid\.IN:\[[0-9a-f,]+\]/);
  expect(
    sent.some((s) => s.startsWith('/object-query/accounts?') && s.includes(`accountnumber.SW:${accountNumber}`)),
  ).toBe(true);
  const rows = grid.getByRole('row');
  for (let i = 1; i < (await rows.count()); i++) await expect(rows.nth(i)).toContainText(accountNumber);

  // Currency: the classic list. The filters it cannot combine with are hidden, and the bar says why.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByRole('combobox', { name: 'Currency' }).click();
  await page.getByRole('option', { name: 'EUR', exact: true }).click();
  await expect(page).toHaveURL(/currency=EUR/);
  await expect(page.getByText(/Not with a currency/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Amount from' })).toHaveCount(0);
  await expect(page.getByLabel('Memo date from')).toHaveCount(0);
  await expect(page.getByRole('textbox', { name: 'Account number' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'EUR' }).first()).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /^(USD|GBP)$/ })).toHaveCount(0);
  expect(sent.some((s) => /^\/v1\/debit-memos\?.*currency=EUR/.test(s))).toBe(true);
  // Reason code is filtered by neither API: hidden, with the reason.
  await expect(page.getByText(/cannot filter memos by reason code/)).toBeVisible();
});
