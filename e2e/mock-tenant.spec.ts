import { expect as baseExpect, test, type Page } from '@playwright/test';
import { ACCESS_KEY, startMockTenant, type MockTenant } from './mock-tenant/tenant.ts';

// The product in proxy mode against a mock tenant that answers with Zuora's own documented examples (Prism on
// docs/zuora/openapi/). Zuora's examples are all Draft memos: for the two actions that need a Posted memo (Write
// Off Debit Memo, Reverse Credit Memo) the walk sets `status` of the memo read to Posted and nothing else
// (docs/zuora/openapi/README.md). The 2023 spec has no `GET …/files`: the Files section shows Prism's 405 (a gap of
// the spec, not of the product). The spec has no Object Query: the list reads the classic list, and the create form's
// account picker finds an account by its exact number. Any request Prism finds invalid against Zuora's spec fails
// the test.

test.describe.configure({ mode: 'serial', timeout: 180_000 });
// Prism answers in hundreds of milliseconds on a loaded machine, and a page makes several reads.
const expect = baseExpect.configure({ timeout: 30_000 });

let tenant: MockTenant;
test.beforeAll(async () => {
  test.setTimeout(240_000);
  tenant = await startMockTenant();
});
test.afterAll(async () => tenant?.stop());
test.afterEach(() => {
  expect(tenant.requestViolations(), 'requests Zuora’s spec refuses').toEqual([]);
});

const CM = '402890555a7e9791015a879f064a0054'; // GET /v1/credit-memos/{key} example: CM00000012
const DM = '4028ab1f87121698018722ff2bff58b8'; // GET /v1/debit-memos/{key} example: DM00000001

async function signIn(page: Page) {
  await page.goto(`${tenant.baseUrl}/`);
  await page.getByLabel('Access key').fill(ACCESS_KEY);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Credit and Debit Memos' })).toBeVisible();
}

/** The one change to Zuora's example: the memo read says Posted, so the actions that need it are offered. */
async function readAsPosted(page: Page, kind: 'credit-memos' | 'debit-memos', id: string) {
  await page.route(new RegExp(`/v1/${kind}/${id}(\\?.*)?$`), async (route) => {
    if (route.request().method() !== 'GET') return route.fallback();
    const res = await route.fetch();
    await route.fulfill({ response: res, json: { ...(await res.json()), status: 'Posted' } });
  });
}

async function noContractError(page: Page) {
  await expect(page.getByText(/Unexpected response|could not be loaded/)).toHaveCount(0);
}

test('both list tabs show Zuora’s example rows', async ({ page }) => {
  // The tenant has no Object Query: a row without currency reads its account by v1, the same cached read that gives
  // the row its account's name. One read per account, never one per row (the debit memo example: 4 rows, 2 accounts).
  const accountReads: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.method() === 'GET' && path.startsWith('/v1/accounts/')) accountReads.push(path);
  });
  await signIn(page);
  const credit = page.getByRole('grid', { name: 'Credit memos' });
  await expect(credit.getByRole('gridcell', { name: 'CM00000002' }).first()).toBeVisible();
  await page.getByRole('tab', { name: 'Debit Memos' }).click();
  const debit = page.getByRole('grid', { name: 'Debit memos' });
  await expect(debit.getByRole('gridcell', { name: 'DM00000006' }).first()).toBeVisible();
  // The rows carry no currency: it came from the account (USD).
  await expect(debit.getByRole('gridcell', { name: /\$50\.00/ }).first()).toBeVisible();
  await noContractError(page);
  expect(accountReads).toContain('/v1/accounts/402890555a7d4022015a7dabf5f60088');
  expect(accountReads.length, accountReads.join('\n')).toBe(new Set(accountReads).size);
});

test('a credit memo and a debit memo show their items and applications', async ({ page }) => {
  await signIn(page);
  await page.goto(`${tenant.baseUrl}/credit-memos/${CM}`);
  await expect(page.getByRole('heading', { name: /CM00000012/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Items of CM00000012' })).toBeVisible();
  // Zuora's parts example holds only the unapplied part: the memo is applied to nothing.
  await expect(page.getByRole('region', { name: 'Applied To' })).toContainText('not applied to any invoice');
  await noContractError(page);
  await page.goto(`${tenant.baseUrl}/debit-memos/${DM}`);
  await expect(page.getByRole('heading', { name: /DM00000001/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Items of DM00000001' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Payments and credit memos applied to this debit memo' })).toBeVisible();
  await noContractError(page);
});

test('the from-invoice form lists the invoice’s items (the account found by its exact number)', async ({ page }) => {
  await signIn(page);
  await page.goto(`${tenant.baseUrl}/credit-memos/new/from-invoice`);
  // Without Object Query the tenant finds an account by its exact number only (GET /v1/accounts/{key}).
  await page.getByRole('combobox', { name: 'Account' }).fill('A00000001');
  await page.getByRole('option', { name: /A00000001/ }).click();
  await page.getByRole('combobox', { name: 'Invoice' }).click();
  await page.getByRole('option', { name: /INV-0000001/ }).click();
  const items = page.getByRole('table', { name: 'Invoice items' });
  await expect(items.getByText('Annual Fee').first()).toBeVisible();
  await expect(items.getByRole('checkbox', { name: 'Select all invoice items' })).toBeChecked();
  await noContractError(page);
});

test('the Write Off Debit Memo dialog previews the write-off', async ({ page }) => {
  await readAsPosted(page, 'debit-memos', DM);
  await signIn(page);
  await page.goto(`${tenant.baseUrl}/debit-memos/${DM}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /Write Off Debit Memo/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Write Off Debit Memo' });
  await expect(dialog.getByRole('table')).toBeVisible();
  await noContractError(page);
});

test('a Reverse that Zuora performs ends in a success message', async ({ page }) => {
  await readAsPosted(page, 'credit-memos', CM);
  await signIn(page);
  await page.goto(`${tenant.baseUrl}/credit-memos/${CM}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: /Reverse Credit Memo/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Reverse Credit Memo' });
  await dialog.getByRole('button', { name: 'Reverse' }).click();
  await expect(page.getByText(/CM00000012 reversed/)).toBeVisible();
  await noContractError(page);
});

test.describe('the list’s filters on a tenant without Object Query', () => {
  // Zuora's 2023 spec has no /object-query: the list reads the classic list, which filters by one status, an exact
  // account number, an exact memo number and currency (docs/zuora/tenant-read-contract.md A8). Each filter the
  // classic list serves must reach it as its own query parameter, in a request Prism accepts against the spec.
  test('offers only what the classic list filters, says why, and each filter reaches Zuora', async ({ page }) => {
    await signIn(page);
    const grid = page.getByRole('grid', { name: 'Credit memos' });
    await expect(grid.getByRole('gridcell', { name: 'CM00000002' }).first()).toBeVisible();
    const bar = page.getByRole('region', { name: 'Credit memo filters' });
    await expect(bar.getByText(/does not answer Object Query/)).toBeVisible();
    await expect(bar.getByText(/cannot filter memos by reason code/)).toBeVisible();
    for (const hidden of ['Memo date from', 'Memo date to', 'Amount from', 'Amount to', 'Open balance only'])
      await expect(bar.getByLabel(hidden)).toHaveCount(0);
    for (const hidden of ['Source type', 'Reason code'])
      await expect(bar.getByRole('combobox', { name: hidden })).toHaveCount(0);

    /** Runs `act` and returns the query of the classic list request it caused, which Prism answered 200. */
    const listRequest = async (act: () => Promise<void>) => {
      const response = page.waitForResponse((r) => /\/v1\/credit-memos\?/.test(r.url()));
      await act();
      const r = await response;
      expect(r.status(), await r.text()).toBe(200);
      return new URL(r.url()).searchParams;
    };

    let q = await listRequest(async () => {
      await bar.getByRole('combobox', { name: 'Status' }).click();
      await page.getByRole('option', { name: 'Draft' }).click();
    });
    expect(q.get('status')).toBe('Draft');
    // One status at a time: the classic list filters by equality.
    await bar.getByRole('combobox', { name: 'Status' }).click();
    await expect(page.getByRole('listbox').getByRole('option', { name: 'Any' })).toBeVisible();
    await expect(page.getByRole('listbox')).not.toHaveAttribute('aria-multiselectable', 'true');
    await page.keyboard.press('Escape');

    q = await listRequest(async () => {
      await bar.getByLabel('Account number').fill('A00000001');
      await bar.getByLabel('Account number').press('Enter');
    });
    expect([q.get('accountNumber'), q.get('status')]).toEqual(['A00000001', 'Draft']);

    q = await listRequest(async () => {
      await bar.getByLabel('Memo number').fill('CM00000002');
      await bar.getByLabel('Memo number').press('Enter');
    });
    expect(q.get('number')).toBe('CM00000002');

    q = await listRequest(async () => {
      await bar.getByRole('combobox', { name: 'Currency' }).click();
      await page.getByRole('option', { name: 'USD' }).click();
    });
    expect(Object.fromEntries(q)).toEqual(
      expect.objectContaining({ status: 'Draft', accountNumber: 'A00000001', number: 'CM00000002', currency: 'USD' }),
    );
    await expect(grid.getByRole('gridcell', { name: 'CM00000002' }).first()).toBeVisible();
    await noContractError(page);
  });
});
