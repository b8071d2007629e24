import { expect as baseExpect, test, type Page } from '@playwright/test';
import { expectSettled } from './support/write-off-flow.ts';
import { signInAs } from './support/sign-in.ts';

// Request economy over a tenant that counts every call (docs/zuora/tenant-read-contract.md A7: an API Sandbox
// allows 10,000 requests a day). Counts the API requests the SPA sends: the list's first load after sign-in,
// the next page, a memo's detail. The numbers are stated in the README.
test.describe.configure({ timeout: 180_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

const API = /^\/(v1|object-query|settings|sandbox|healthz)\b/;

function recordApiRequests(page: Page) {
  const paths: string[] = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (API.test(url.pathname) && r.resourceType() !== 'document') paths.push(`${r.method()} ${url.pathname}`);
  });
  return {
    since(mark: number) {
      return paths.slice(mark);
    },
    get mark() {
      return paths.length;
    },
  };
}

test('first list load, next page and a memo detail stay within their request budgets', async ({ page }) => {
  const api = recordApiRequests(page);
  await signInAs(page, 'Billing Admin', '/debit-memos');
  const grid = page.getByRole('grid', { name: 'Debit memos' });
  await expect(page.getByText(/^Page 1 · rows 1–20$/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  // After the sign-in request itself: the list request plus at most two supporting ones.
  const all = api.since(0);
  const afterSignIn = all.slice(all.findIndex((p) => p === 'POST /sandbox/token') + 1);
  const lists = afterSignIn.filter((p) => p === 'GET /object-query/debit-memos');
  console.log(`first load after sign-in: ${afterSignIn.length} requests: ${afterSignIn.join(', ')}`);
  expect(lists).toHaveLength(1);
  expect(afterSignIn.length).toBeLessThanOrEqual(3);
  // No request per row: the account names are in the list's own answer.
  await expect(grid.getByRole('row').nth(1)).not.toContainText('…');

  // The next page: exactly one request.
  let mark = api.mark;
  await page.getByRole('button', { name: 'Go to next page' }).click();
  await expect(page.getByText(/^Page 2 · rows 21–/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  console.log(`next page: ${api.since(mark).join(', ')}`);
  expect(api.since(mark)).toEqual(['GET /object-query/debit-memos']);

  // Previous page: served from the cache, no request.
  mark = api.mark;
  await page.mouse.move(0, 0); // the Next button's tooltip would cover Previous
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await expect(page.getByText(/^Page 1 · rows 1–20$/)).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(api.since(mark)).toEqual([]);

  // A memo's detail: at most six.
  mark = api.mark;
  const first = (await grid.getByRole('link').first().textContent())!.trim();
  await grid.getByRole('link', { name: first }).click();
  await expect(page).toHaveURL(/\/debit-memos\/[0-9a-f]{32}/);
  await expect(page.getByText(first).first()).toBeVisible();
  await page.waitForLoadState('networkidle');
  console.log(`detail: ${api.since(mark).length} requests: ${api.since(mark).join(', ')}`);
  expect(api.since(mark).length).toBeLessThanOrEqual(6);
});

test('a reload (or a shared link) reopens the same cursor page', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/credit-memos?pageSize=10');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await expect(page.getByText(/^Page 1 · rows 1–10$/)).toBeVisible();
  for (const n of [2, 3]) {
    await page.getByRole('button', { name: 'Go to next page' }).click();
    await expect(page.getByText(new RegExp(`^Page ${n} · rows ${(n - 1) * 10 + 1}–`))).toBeVisible();
  }
  await expect(page).toHaveURL(/(cursor=[^&]+&?){2}/);
  // The label moves at once; page 3's rows replace page 2's (kept on screen meanwhile) when they arrive.
  await expectSettled(grid);
  const url = page.url();
  const first = (await grid.getByRole('link').first().textContent())!.trim();
  await page.reload();
  await expect(page.getByText(/^Page 3 · rows 21–30$/)).toBeVisible();
  await expect(page).toHaveURL(url);
  await expect(grid.getByRole('link').first()).toHaveText(first);
  // Previous pops the stack: page 2, one cursor left.
  await page.mouse.move(0, 0); // the Next button's tooltip would cover Previous
  await page.getByRole('button', { name: 'Go to previous page' }).click();
  await expect(page.getByText(/^Page 2 · rows 11–20$/)).toBeVisible();
  expect(new URL(page.url()).searchParams.getAll('cursor')).toHaveLength(1);
});
