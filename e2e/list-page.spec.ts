import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { parseCsv } from '../src/features/memo-create/bulk/parse-csv.ts';
import { isoDay, signInAs } from './support/sign-in.ts';

// Walkthroughs: the Credit and Debit Memos list against the sandbox's demo data.
// The machine is shared and slow at times: generous expect timeouts, never sleeps.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });
dayjs.extend(customParseFormat);

/** The yyyy-mm-dd of a date as the app shows it in the browser's locale (en-US here: "Nov 20, 2026"). */
function isoOf(shown: string): string {
  const d = dayjs(shown, 'MMM DD, YYYY', true);
  expect(d.isValid(), `"${shown}" is a date as the app shows it`).toBe(true);
  return d.format('YYYY-MM-DD');
}

test('list page: tabs, filters, sort, paging, open and come back, bulk post, export', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/credit-memos');
  await expect(page.getByRole('heading', { level: 1, name: 'Credit and Debit Memos' })).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Credit memos' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create Credit Memo' })).toBeVisible();

  // Tabs are URLs.
  await page.getByRole('tab', { name: 'Debit Memos' }).click();
  await expect(page).toHaveURL(/\/debit-memos$/);
  const grid = page.getByRole('grid', { name: 'Debit memos' });
  await expect(grid).toBeVisible();
  await page.getByRole('button', { name: 'Create Debit Memo' }).click();
  await expect(page.getByRole('menuitem', { name: 'From Invoice' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Standalone' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Filter: Draft, memo date in the last 150 days.
  const from = isoDay(-150);
  const to = isoDay(0);
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Draft' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/status=Draft/);
  await page.getByLabel('Memo date from').fill(from);
  await page.getByLabel('Memo date to').fill(to);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(grid.getByRole('gridcell', { name: 'Draft' }).first()).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: /^(Posted|Canceled)$/ })).toHaveCount(0);

  // Sort by memo date, ascending (Zuora's `-debitMemoDate`).
  await grid.getByRole('columnheader', { name: 'Memo Date' }).click();
  await expect(page).toHaveURL(/sort=memoDate\.asc/);
  await expect(grid.getByRole('columnheader', { name: 'Memo Date' })).toHaveAttribute('aria-sort', 'ascending');

  // Page forward and back with 10 rows a page; no invented total.
  await page.getByRole('combobox', { name: /Rows per page/ }).click();
  await page.getByRole('option', { name: '10', exact: true }).click();
  await expect(page).toHaveURL(/pageSize=10/);
  await expect(page.getByText(/^Page 1 · rows 1–10$/)).toBeVisible();
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page).toHaveURL(/cursor=[^&]+/); // Object Query pages by cursor: the stack is in the URL
  await expect(page.getByText(/^Page 2 · rows 11–/)).toBeVisible();
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await expect(page.getByText(/^Page 1 · rows 1–10$/)).toBeVisible();
  const listUrl = page.url();

  // Open a memo by its number, come back, find the same view.
  const firstNumber = (await grid.getByRole('link').first().textContent())!.trim();
  await grid.getByRole('link', { name: firstNumber }).click();
  await expect(page).toHaveURL(/\/debit-memos\/[0-9a-f]{32}/);
  await page.goBack();
  await expect(page).toHaveURL(listUrl);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Draft');
  await expect(page.getByLabel('Memo date from')).toHaveValue(from);
  await expect(grid.getByRole('link', { name: firstNumber })).toBeVisible();

  // Bulk-post two Draft memos; each row's outcome is shown; they leave the Draft view.
  const links = grid.getByRole('link');
  const picked = [(await links.nth(0).textContent())!.trim(), (await links.nth(1).textContent())!.trim()];
  for (const n of picked)
    await grid
      .getByRole('row', { name: new RegExp(n) })
      .getByRole('checkbox')
      .check();
  await page.getByRole('button', { name: 'Post selected' }).click();
  const confirm = page.getByRole('dialog', { name: 'Post 2 debit memos?' });
  await confirm.getByRole('button', { name: 'Post' }).click();
  const results = page.getByRole('dialog', { name: 'Post: results' });
  await expect(results.getByText('2 posted, 0 refused.')).toBeVisible();
  for (const n of picked) await expect(results.getByRole('row', { name: new RegExp(`${n}.*Posted`) })).toBeVisible();
  await results.getByRole('button', { name: 'Close' }).click();
  for (const n of picked) await expect(grid.getByRole('link', { name: n })).toHaveCount(0);

  // Choose the columns: show Referred Invoice, hide Currency.
  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Referred Invoice', exact: true }).check();
  await page.getByRole('checkbox', { name: 'Currency', exact: true }).uncheck();
  await page.keyboard.press('Escape');
  await expect(grid.getByRole('columnheader', { name: 'Referred Invoice' })).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Currency' })).toHaveCount(0);
  const shownHeaders = (await grid.getByRole('columnheader').allInnerTexts())
    .map((t) => t.trim())
    .filter((t) => t !== '' && t !== 'Actions'); // the selection box and the buttons are not data

  // Export the filtered list (every page): the file holds exactly the matching rows, in the grid's columns.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const [header, ...rows] = parseCsv(await readFile(file, 'utf8')).records.map((r) => r.fields);
  expect(header).toEqual(shownHeaders);
  expect(header).toContain('Referred Invoice');
  expect(header).not.toContain('Currency');
  expect(rows.length).toBeGreaterThan(10);
  const col = (name: string) => header.indexOf(name);
  for (const r of rows) {
    expect(r[col('Status')]).toBe('Draft');
    expect(isoOf(r[col('Memo Date')]) >= from && isoOf(r[col('Memo Date')]) <= to).toBe(true);
    expect(r[col('Amount')]).toMatch(/^-?\d+(\.\d+)?$/);
    expect(r[col('Referred Invoice')]).toMatch(/^(INV\d{8})?$/); // an invoice's number, never its id
  }
  expect(rows.filter((r) => r[col('Referred Invoice')] !== '').length).toBeGreaterThan(0);
  const numbers = rows.map((r) => r[col('Number')]);
  for (const n of picked) expect(numbers).not.toContain(n);
  // Memo date ascending, as on screen.
  const dates = rows.map((r) => isoOf(r[col('Memo Date')]));
  expect([...dates].sort()).toEqual(dates);
  // Same count as the API reports across all its pages for the same filters.
  const apiCount = await page.evaluate(
    async ([f, t]) => {
      const token = (JSON.parse(sessionStorage.getItem('cdm.session')!) as { token: string }).token;
      let n = 0;
      for (let p = 1; ; p++) {
        const r = await fetch(`/v1/debit-memos?status=Draft&memoDateFrom=${f}&memoDateTo=${t}&pageSize=40&page=${p}`, {
          headers: { authorization: `Bearer ${token}` },
        });
        const j = (await r.json()) as { debitmemos: unknown[]; nextPage?: string };
        n += j.debitmemos.length;
        if (!j.nextPage) return n;
      }
    },
    [from, to],
  );
  expect(rows.length).toBe(apiCount);
});

test('a hand-edited URL falls back to defaults; no-match state offers to clear filters', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/credit-memos?page=-4&pageSize=9999&sort=evil.up&status=Nope&from=2024-02-31');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await expect(page.getByText(/^Page 1 · rows 1–20$/)).toBeVisible();
  await expect(grid.getByRole('columnheader', { name: 'Number' })).toHaveAttribute('aria-sort', 'descending');

  await page.getByLabel('Memo number').fill('no-such-memo-zzz');
  await page.getByLabel('Memo number').press('Enter');
  await expect(page.getByText('No credit memos match these filters')).toBeVisible();
  await grid.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page).toHaveURL(/\/credit-memos$/);
  await expect(page.getByLabel('Memo number')).toHaveValue('');
});

test('a viewer sees no Post action until switching user; axe finds no violations on the list', async ({ page }) => {
  await signInAs(page, 'Viewer', '/credit-memos?status=Draft');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await expect(grid.getByRole('gridcell', { name: 'Draft' }).first()).toBeVisible();
  await expect(grid.getByRole('button', { name: /^Post / })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Create Credit Memo' })).toBeDisabled();

  // "Sign in as…" another user: the same rows now offer Post.
  await page.getByRole('button', { name: /Viewer \(viewer\)/ }).click();
  await page.getByRole('menuitem', { name: /Billing Admin/ }).click();
  await expect(page.getByRole('button', { name: /Billing Admin \(admin\)/ })).toBeVisible();
  await expect(grid.getByRole('button', { name: /^Post / }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Create Credit Memo' })).toBeEnabled();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);

  // Post one row: a confirmation names it and links to it.
  const post = grid.getByRole('button', { name: /^Post CM/ }).first();
  const number = ((await post.getAttribute('aria-label')) ?? '').replace(/^Post /, '');
  await post.click();
  await page
    .getByRole('dialog', { name: `Post ${number}?` })
    .getByRole('button', { name: 'Post' })
    .click();
  await expect(page.getByRole('alert').filter({ hasText: `Posted credit memo ${number}.` })).toBeVisible();
  await expect(page.getByRole('link', { name: `Open ${number}` })).toBeVisible();
});

test('a closed dialog leaves no history entry: Back goes back to the list', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/credit-memos?status=Posted');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  const first = grid.getByRole('link', { name: /^CM\d+$/ }).first();
  const number = (await first.textContent())!.trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 1, name: `Credit Memo ${number}` })).toBeVisible();
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Regenerate PDF' }).click();
  await expect(page).toHaveURL(/action=regeneratePdf/);
  await page.getByRole('dialog', { name: 'Regenerate PDF' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(page).not.toHaveURL(/action=/);
  await page.goBack();
  await expect(page).toHaveURL(/\/credit-memos\?status=Posted$/);
  await expect(grid).toBeVisible();
});

test('a list that fails to load says why and retries; reload and forward restore the exact view', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/credit-memos');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await expect(grid.getByRole('link').first()).toBeVisible();

  // The server cannot be reached for the next list request (a dropped connection, not a Zuora answer).
  await page.route(/\/object-query\/credit-memos\?/, (route) => route.abort('connectionrefused'));
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Posted' }).click();
  await page.keyboard.press('Escape');
  const failed = page.getByRole('alert').filter({ hasText: /could not be loaded|Showing the last page that loaded/ });
  await expect(failed).toBeVisible();
  await page.unroute(/\/object-query\/credit-memos\?/);
  await failed.getByRole('button', { name: 'Retry' }).click();
  await expect(failed).toBeHidden();
  await expect(grid.getByRole('gridcell', { name: 'Posted' }).first()).toBeVisible();

  // Reload keeps the view; Back and Forward move between views.
  const posted = page.url();
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Posted');
  await page.goBack();
  await expect(page).toHaveURL(/\/credit-memos$/);
  await page.goForward();
  await expect(page).toHaveURL(posted);
  await expect(page.getByRole('combobox', { name: 'Status' })).toHaveText('Posted');
});
