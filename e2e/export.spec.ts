import { readFile } from 'node:fs/promises';
import { expect as baseExpect, test, type Page, type Request, type Route } from '@playwright/test';
import { adminToken, apiGet } from './support/sandbox-api.ts';
import { signInAs } from './support/sign-in.ts';

// The export walks every row of the view, page after page, with progress and cancel. A cancelled export stops
// its requests and writes no file; the button is ready for the next one. On the demo data the credit memos fill
// two pages of Object Query's 99 rows.
test.describe.configure({ timeout: 180_000 });
// The machine is shared and at times heavily loaded: generous expect timeouts, never sleeps.
const expect = baseExpect.configure({ timeout: 30_000 });

function countDownloads(page: Page) {
  const downloads: unknown[] = [];
  page.on('download', (d) => void downloads.push(d));
  return downloads;
}

/** Holds every request matching `match` from now on until `release()`; `held` lists them. */
async function hold(page: Page, match: (r: Request) => boolean) {
  const held: Route[] = [];
  const every = () => true;
  await page.route(every, (route) => (match(route.request()) ? void held.push(route) : route.fallback()));
  return {
    held,
    release: async () => {
      await page.unroute(every);
      // A request the page has aborted meanwhile can no longer be continued.
      await Promise.all(held.map((r) => r.continue().catch(() => undefined)));
    },
  };
}

test('an export shows its progress; Cancel stops its requests, writes no file, and the next export runs whole', async ({
  page,
}) => {
  await signInAs(page, 'Billing Admin', '/credit-memos');
  await expect(page.getByRole('grid', { name: 'Credit memos' }).getByRole('link').first()).toBeVisible();
  const downloads = countDownloads(page);
  const exportRequests: Request[] = [];
  page.on('request', (r) => {
    if (/\/object-query\/credit-memos\?.*pageSize=99/.test(r.url())) exportRequests.push(r);
  });

  // The second page waits until the test lets it go: the export is caught between its pages.
  const secondPage = await hold(page, (r) => /\/object-query\/credit-memos\?.*cursor=/.test(r.url()));
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporting memos' });
  await expect(dialog.getByRole('progressbar', { name: 'Export progress' })).toBeVisible();
  await expect(dialog.getByRole('status')).toHaveText('99 rows fetched…');
  await expect.poll(() => secondPage.held.length).toBe(1);

  const aborted = page.waitForEvent('requestfailed', (r) => r === secondPage.held[0].request());
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog).toBeHidden();
  // The request in flight is aborted by the page itself, not left to finish in the background.
  await aborted;
  await secondPage.release();
  await expect(page.getByRole('button', { name: 'Export CSV' })).toBeEnabled();
  expect(exportRequests).toHaveLength(2);

  // The next export runs to its end: one file, with every credit memo once (the first one wrote nothing).
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = (await readFile(await (await download).path(), 'utf8')).trimEnd().split('\r\n');
  expect(exportRequests).toHaveLength(4);
  const rows = lines.slice(1);
  expect(rows.length).toBeGreaterThan(99);
  expect(new Set(rows).size).toBe(rows.length);
  expect(downloads).toHaveLength(1);
});

test('Cancel while the export adds account names (a currency view) writes no file', async ({ page, request }) => {
  // One account's USD credit memos: the classic list's rows carry no account name, so the export looks it up in one
  // last batch. Every account lookup is held, the grid's too, so the name is not already cached.
  const token = await adminToken(request);
  const { creditmemos } = await apiGet<{ creditmemos: { accountNumber: string }[] }>(
    request,
    token,
    '/v1/credit-memos?currency=USD&pageSize=1',
  );
  const account = creditmemos[0].accountNumber;
  const lookups = await hold(page, (r) => /^\/v1\/accounts\/[^/]+$/.test(new URL(r.url()).pathname));
  await signInAs(page, 'Billing Admin', `/credit-memos?account=${account}&currency=USD`);
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await expect(grid.getByRole('link').first()).toBeVisible();
  const firstFile = page.waitForEvent('download');

  await page.getByRole('button', { name: 'Export CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Exporting memos' });
  const status = dialog.getByRole('status');
  await expect(status).toHaveText(/^\d+ rows fetched; adding account names…$/);
  const cancelledRows = parseInt((await status.textContent())!, 10);
  await dialog.getByRole('button', { name: 'Cancel export' }).click();
  await expect(dialog).toBeHidden();
  // The lookup finishes after the cancel: the cancelled export must still not write its file.
  const answered = lookups.held.map((r) => r.request().response());
  expect(answered.length).toBeGreaterThan(0);
  await lookups.release();
  await Promise.all(answered);

  // The next download is the next export's, of every USD credit memo, not the cancelled one's.
  await page.getByLabel('Account number').fill('');
  await page.getByLabel('Account number').press('Enter');
  await expect(page).not.toHaveURL(/account=/);
  await expect(grid.getByRole('link').first()).toBeVisible();
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const lines = (await readFile(await (await firstFile).path(), 'utf8')).trimEnd().split('\r\n');
  expect(lines.length - 1).toBeGreaterThan(cancelledRows);
});
