import { expect as baseExpect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import dayjs from 'dayjs';
import { drive } from './support/drive.ts';
import { isoDay } from './support/sign-in.ts';

// Walkthroughs of memo creation: the standalone form, the from-invoice form and the bulk CSV upload, against
// the sandbox's demo data (Acme Corporation: USD; Sakura Robotics KK: JPY; Soylent Foods' invoice
// INV00000129: Training Day without tax, Premium Support Fee 299.00 with 24.67 State Sales Tax).

// The machine running the suite is shared: give the sandbox time to answer.
const expect = baseExpect.configure({ timeout: 20_000 });

async function signIn(page: Page, next: string) {
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByRole('button', { name: /Sign in as Billing Admin/ }).click();
  await expect(page).toHaveURL(next);
}

async function chooseAccount(page: Page, search: string, name: RegExp) {
  await page.getByRole('combobox', { name: 'Account' }).fill(search);
  await page.getByRole('option', { name }).click();
}

async function chooseOption(page: Page, label: string, option: string | RegExp) {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

async function addCharge(page: Page, product: string, plan: string, charge: string) {
  await page.getByRole('button', { name: 'Add charge' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add charge' });
  await chooseOption(page, 'Product', product);
  await chooseOption(page, 'Rate Plan', plan);
  await dialog.getByRole('button', { name: `Select ${charge}` }).click();
  await expect(dialog).toBeHidden();
}

test('the account suggestions stay while a narrower search loads, and a click on one picks it', async ({ page }) => {
  await signIn(page, '/debit-memos/new/standalone');
  const account = page.getByRole('combobox', { name: 'Account' });
  await account.click();
  const acme = page.getByRole('option', { name: /Acme Corporation/ });
  await expect(acme).toBeVisible(); // among the first accounts, before anything is typed
  // The server answers the search for what is typed only after a while (a slow tenant).
  let release: () => void = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(
    (url) => url.pathname.includes('accounts') && url.search.includes('Acme'),
    async (route) => {
      await held;
      await route.continue();
    },
  );
  const asked = page.waitForRequest((r) => r.url().includes('accounts') && r.url().includes('Acme'));
  await account.fill('Acme');
  await asked;
  await expect(acme).toBeVisible(); // not "Loading…" in its place
  await acme.click();
  release();
  await expect(account).toHaveValue('Acme Corporation (A00000001)');
  await expect(page.getByText('Currency USD')).toBeVisible();
});

test('standalone debit memo with two charges, auto-posted, is in the list', async ({ page }) => {
  await signIn(page, '/debit-memos/new/standalone');
  await expect(page.getByRole('heading', { name: 'Create Standalone Debit Memo' })).toBeVisible();
  await chooseAccount(page, 'Acme', /Acme Corporation/);
  await expect(page.getByText('Currency USD')).toBeVisible();
  await addCharge(page, 'Platform Subscription', 'Standard Monthly', 'Platform Fee');
  await addCharge(page, 'Professional Services', 'Onboarding', 'Implementation Fee');
  await page.getByRole('group', { name: 'Charge 1: Platform Fee' }).getByLabel('Debit Amount').fill('100.25');
  await page.getByRole('group', { name: 'Charge 2: Implementation Fee' }).getByLabel('Debit Amount').fill('50');
  await expect(page.getByRole('status', { name: 'Totals' })).toContainText('$150.25');
  const due = isoDay(45);
  await drive(page, 'mouse').fill(dateField(page, 'Due Date'), due);
  await expect(heldDate(dateField(page, 'Due Date'))).toHaveValue(due);
  const comment = `e2e two charges ${Date.now()}`;
  await page.getByLabel('Comments').fill(comment);
  await page.getByLabel('Auto-post (post the memo when it is saved)').check();
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/debit-memos\/[0-9a-f]{32}$/);
  const id = page.url().split('/').pop()!;
  await expect(page.getByText('Posted').first()).toBeVisible();
  await expect(page.getByText(comment)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Basic Information' })).toContainText(shownDate(due));
  const number = (await page.getByRole('heading', { level: 1 }).textContent())?.match(/DM\d+/)?.[0];
  expect(number).toBeTruthy();

  await page.goto('/debit-memos');
  const link = page.getByRole('link', { name: number! });
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', new RegExp(id));
});

test('credit memo from an invoice, one item deselected and one amount reduced', async ({ page }) => {
  await signIn(page, '/credit-memos/new/from-invoice');
  await chooseAccount(page, 'Soylent', /Soylent Foods/);
  await chooseOption(page, 'Invoice', /INV00000129/);
  const items = page.getByRole('table', { name: 'Invoice items' });
  await expect(items.getByRole('checkbox', { name: 'Include line 1: Training Day' })).toBeChecked();
  await expect(items.getByRole('checkbox', { name: 'Include line 2: Premium Support Fee' })).toBeChecked();

  await items.getByRole('checkbox', { name: 'Include line 1: Training Day' }).uncheck();
  await expect(items.getByLabel('Credit Amount, line 1: Training Day')).toBeDisabled();
  await items.getByLabel('Credit Amount, line 2: Premium Support Fee').fill('100.00');
  // The tax line follows the reduced amount: 24.67 × 100 / 299 = 8.25.
  await expect(items.getByLabel('State Sales Tax credit, line 2: Premium Support Fee')).toHaveValue('8.25');
  await expect(page.getByRole('status', { name: 'Totals' })).toContainText('1 of 2');
  await expect(page.getByRole('status', { name: 'Totals' })).toContainText('$108.25');
  // More than the item has left to credit is refused before anything is sent.
  await items.getByLabel('Credit Amount, line 2: Premium Support Fee').fill('299.01');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('At most 299.00 is available to credit.')).toBeVisible();
  await items.getByLabel('Credit Amount, line 2: Premium Support Fee').fill('100.00');
  await page.getByRole('button', { name: 'Save' }).click();

  await expect(page).toHaveURL(/\/credit-memos\/[0-9a-f]{32}$/);
  await expect(page.getByText('Premium Support Fee').first()).toBeVisible();
  await expect(page.getByText('$108.25').first()).toBeVisible();
  await expect(page.getByText('Training Day')).toHaveCount(0);
});

test('an amount with too many decimals for JPY is refused', async ({ page }) => {
  await signIn(page, '/credit-memos/new/standalone');
  await chooseAccount(page, 'Sakura', /Sakura Robotics KK/);
  await expect(page.getByText('Currency JPY')).toBeVisible();
  await addCharge(page, 'Professional Services', 'Onboarding', 'Implementation Fee');
  const amount = page.getByRole('group', { name: 'Charge 1: Implementation Fee' }).getByLabel('Credit Amount');
  await expect(amount).toHaveValue('375000');
  await amount.fill('1000.5');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('JPY amounts have no decimals.')).toBeVisible();
  await expect(amount).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/\/credit-memos\/new\/standalone$/);
});

test('leaving a form with typed input asks first', async ({ page }) => {
  await signIn(page, '/debit-memos/new/standalone');
  await page.getByLabel('Comments').fill('half-typed');
  await page.getByRole('button', { name: 'Cancel' }).click();
  const dialog = page.getByRole('dialog', { name: 'Discard unsaved changes?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Comments')).toHaveValue('half-typed');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page
    .getByRole('dialog', { name: 'Discard unsaved changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(page).toHaveURL(/\/debit-memos$/);
});

test('bulk CSV of 5 credit memos with one bad row: 4 created, 1 explained, and a re-run from any browser creates nothing twice', async ({
  page,
}) => {
  await signIn(page, '/credit-memos/new/bulk');
  await expect(page.getByRole('heading', { name: 'Bulk Create Credit Memos' })).toBeVisible();
  const file = 'e2e/fixtures/credit-memos-5-one-bad.csv';
  await page.getByLabel('CSV file').setInputFiles(file);
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: '6 rows, 5 memos: 5 new, 0 already created by an earlier upload, 0 with errors.' }),
  ).toBeVisible();
  const memos = page.getByRole('table', { name: 'Memos in the file' });
  await expect(memos.getByRole('row')).toHaveCount(6);
  await page.getByRole('button', { name: 'Create 5 credit memos' }).click();

  await expect(
    page.getByRole('status').filter({ hasText: '4 created, 0 already existed, 1 failed, 0 not sent' }),
  ).toBeVisible();
  const bad = memos.getByRole('row', { name: /E2E-4/ });
  await expect(bad).toContainText(
    'Failed: Cannot find a ProductRatePlanCharge instance with id or number ffffffffffffffffffffffffffffffff.',
  );
  const created = await memos.getByRole('link', { name: /^CM\d+$/ }).allTextContents();
  expect(created).toHaveLength(4);

  // The file with its bad row fixed: this browser remembers the 4 created memos and sends only the fifth.
  await page.getByRole('button', { name: 'Upload another file' }).click();
  await page.getByLabel('CSV file').setInputFiles('e2e/fixtures/credit-memos-5-fixed.csv');
  await expect(
    page.getByRole('status').filter({ hasText: '5 memos: 1 new, 4 already created by an earlier upload' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Create 1 credit memo' }).click();
  await expect(page.getByRole('status').filter({ hasText: '1 created, 4 already existed, 0 failed' })).toBeVisible();
  await expect(memos.getByText('Already created by an earlier upload:')).toHaveCount(4);
  const afterFix = await memos.getByRole('link', { name: /^CM\d+$/ }).allTextContents();
  expect(afterFix.filter((n) => created.includes(n))).toHaveLength(4);
  expect(afterFix).toHaveLength(5);

  // The fixed file again from another browser (nothing remembered there): each memo sends its own
  // Idempotency-Key, so the server replays each one's first result instead of creating it again.
  const other = await page.context().browser()!.newContext({ baseURL: test.info().project.use.baseURL });
  const page2 = await other.newPage();
  await signIn(page2, '/credit-memos/new/bulk');
  await page2.getByLabel('CSV file').setInputFiles('e2e/fixtures/credit-memos-5-fixed.csv');
  await page2.getByRole('button', { name: 'Create 5 credit memos' }).click();
  await expect(page2.getByRole('status').filter({ hasText: '0 created, 5 already existed, 0 failed' })).toBeVisible();
  expect(
    await page2
      .getByRole('table', { name: 'Memos in the file' })
      .getByRole('link', { name: /^CM\d+$/ })
      .allTextContents(),
  ).toEqual(afterFix);
  await other.close();

  await memos.getByRole('link', { name: created[0] }).click();
  await expect(page).toHaveURL(/\/credit-memos\/[0-9a-f]{32}$/);
});

test('a CSV with a wrong header is refused with the expected columns', async ({ page }) => {
  await signIn(page, '/debit-memos/new/bulk');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'wrong.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('memoRef,account,chargeNumber,amout\r\nM1,A00000001,PRPC-00000004,10\r\n'),
  });
  const alert = page.getByRole('alert').filter({ hasText: 'The file was not read' });
  await expect(alert).toContainText('Unknown columns: account, amout.');
  await expect(alert).toContainText('Missing column: accountNumber.');
});

/** A form's date field (MUI X: a group of year, month and day sections) and the yyyy-mm-dd it holds. */
const dateField = (page: Page, label: string) => page.getByRole('group', { name: new RegExp(`^${label}`) });
const heldDate = (field: ReturnType<Page['locator']>) => field.locator('input[aria-hidden="true"]');
/** A date as the detail page shows it (en-US: "Jan 17, 2027"). */
const shownDate = (iso: string) => dayjs(iso).format('MMM DD, YYYY');

async function isFocused(locator: ReturnType<Page['locator']>) {
  return locator.evaluate((el) => el === document.activeElement).catch(() => false);
}

/** Presses Tab until `target` has focus, as a keyboard-only user would (fails after `max` presses). */
async function tabTo(page: Page, target: ReturnType<Page['locator']>, max = 60) {
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press('Tab');
  }
  expect(await isFocused(target), 'reachable with Tab').toBe(true);
}

/** Opens a focused MUI select with the keyboard and moves to the option, then picks it with Enter. */
async function pickWithKeys(page: Page, option: RegExp) {
  await page.keyboard.press('Enter');
  for (let i = 0; i < 20; i++) {
    const focused = page.getByRole('option', { name: option });
    if (await isFocused(focused)) break;
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
}

test('the standalone form works with the keyboard alone', async ({ page }) => {
  test.setTimeout(150_000); // one key press at a time is slow on a shared machine
  await signIn(page, '/debit-memos/new/standalone');
  // The suggestions re-render as each search answers: move to the one wanted, never press Enter blind.
  await drive(page, 'keyboard').autocomplete(
    page.getByRole('combobox', { name: 'Account' }),
    'Acme',
    page.getByRole('option', { name: /Acme Corporation/ }),
  );
  await expect(page.getByText('Currency USD')).toBeVisible();

  await tabTo(page, page.getByRole('button', { name: 'Add charge' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Add charge' });
  await tabTo(page, dialog.getByRole('combobox', { name: 'Product' }), 5);
  await pickWithKeys(page, /^Training|^Professional Services/);
  await tabTo(page, dialog.getByRole('combobox', { name: 'Rate Plan' }), 5);
  await pickWithKeys(page, /^Onboarding/);
  await tabTo(page, dialog.getByRole('button', { name: 'Select Implementation Fee' }), 10);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();

  // The new charge's amount has focus: replace the list price.
  const amount = page.getByRole('group', { name: 'Charge 1: Implementation Fee' }).getByLabel('Debit Amount');
  await expect(amount).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('120.00');
  // A date is typed section by section (year, month, day), reached with Tab like any field.
  const due = isoDay(30);
  await drive(page, 'keyboard').fill(dateField(page, 'Due Date'), due);
  await expect(heldDate(dateField(page, 'Due Date'))).toHaveValue(due);
  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/debit-memos\/[0-9a-f]{32}$/);
  await expect(page.getByRole('region', { name: 'Basic Information' })).toContainText(shownDate(due));
});

test('the from-invoice form works with the keyboard alone', async ({ page }) => {
  test.setTimeout(150_000); // one key press at a time is slow on a shared machine
  await signIn(page, '/credit-memos/new/from-invoice');
  await drive(page, 'keyboard').autocomplete(
    page.getByRole('combobox', { name: 'Account' }),
    'Soylent',
    page.getByRole('option', { name: /Soylent Foods/ }),
  );
  await tabTo(page, page.getByRole('combobox', { name: 'Invoice' }), 5);
  await pickWithKeys(page, /INV00000129/);
  const items = page.getByRole('table', { name: 'Invoice items' });
  await expect(items).toBeVisible();
  await tabTo(page, items.getByRole('checkbox', { name: 'Include line 1: Training Day' }));
  await page.keyboard.press('Space');
  await expect(items.getByRole('checkbox', { name: 'Include line 1: Training Day' })).not.toBeChecked();
  await tabTo(page, items.getByLabel('Credit Amount, line 2: Premium Support Fee'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('10.00');
  await tabTo(page, page.getByRole('button', { name: 'Save' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/credit-memos\/[0-9a-f]{32}$/);
});

test('axe finds no violations on both forms and the bulk page', async ({ page }) => {
  // The forms are this spec's subject; the app shell around them has its own gate (every page, e2e/a11y.spec.ts).
  const scan = async () => {
    const { violations } = await new AxeBuilder({ page }).include('main').analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  };
  await signIn(page, '/debit-memos/new/standalone');
  await chooseAccount(page, 'Acme', /Acme Corporation/);
  await addCharge(page, 'API Usage', 'Pay As You Go', 'API Calls');
  await page.getByRole('group', { name: 'Charge 1: API Calls' }).getByLabel('Quantity').fill('');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Usage charges need a quantity.')).toBeVisible();
  await scan();

  await page.goto('/credit-memos/new/from-invoice');
  await chooseAccount(page, 'Soylent', /Soylent Foods/);
  await chooseOption(page, 'Invoice', /INV00000129/);
  await expect(page.getByRole('table', { name: 'Invoice items' })).toBeVisible();
  await scan();

  await page.goto('/credit-memos/new/bulk');
  await page.getByLabel('CSV file').setInputFiles({
    name: 'one.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('memoRef,accountNumber,chargeNumber,amount\nA,A00000001,PRPC-00000004,1.001\n'),
  });
  await expect(page.getByText('USD amounts have at most 2 decimals.')).toBeVisible();
  await scan();
});

test('a Viewer opening a create form by URL learns at once that they may not, before filling anything in', async ({
  page,
}) => {
  await page.goto(`/sign-in?next=${encodeURIComponent('/debit-memos')}`);
  await page.getByRole('button', { name: /Sign in as Viewer/ }).click();
  await expect(page).toHaveURL('/debit-memos');
  for (const [url, heading] of [
    ['/debit-memos/new/standalone', 'Create Debit Memos'],
    ['/credit-memos/new/from-invoice', 'Create Credit Memos'],
    ['/credit-memos/new/bulk', 'Create Credit Memos'],
  ]) {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText(
      `You cannot create ${heading.slice(7).toLowerCase()}Requires the “Create memos” permission.`,
    );
    await expect(page.getByRole('button', { name: /^(Save|Create|Choose CSV file)/ })).toHaveCount(0);
  }
});
