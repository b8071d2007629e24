import { expect as baseExpect, test, type Locator, type Page } from '@playwright/test';
import { adminToken, findPostedMemo } from './support/sandbox-api.ts';
import { signInAs } from './support/sign-in.ts';

// The layout adapts from a phone (390×844) to a wide desktop (1440×900) and to a narrow embedding pane:
// the page never scrolls sideways, the grid scrolls inside its own box with the Number column kept in
// view, the navigation gives way on a phone, and dialogs take the whole phone screen. Each test leaves a
// screenshot in its output folder (test-results/) to look at.

const expect = baseExpect.configure({ timeout: 20_000 });
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1440, height: 900 };

type Box = { x: number; y: number; width: number; height: number };
async function box(locator: Locator): Promise<Box> {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox({ timeout: 10_000 });
  expect(b, 'element is laid out').not.toBeNull();
  return b!;
}
const inside = (inner: Box, outer: Box) => inner.x >= outer.x - 1 && inner.x + inner.width <= outer.x + outer.width + 1;

/** The page itself does not scroll sideways: whatever is wider scrolls inside its own box. */
async function expectNoSidewaysPageScroll(page: Page) {
  const { scroll, client } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  expect(scroll).toBeLessThanOrEqual(client);
}

/** The box the grid scrolls in (the table's parent): what a user sees of the grid. */
const scrollBox = (grid: Locator) => grid.locator('xpath=..');

/** Signs in on `path` and waits for the grid's rows; returns the grid and the box it is seen in. */
async function openGrid(page: Page, path: string, name: string) {
  await signInAs(page, 'Billing Admin', path);
  const grid = page.getByRole('grid', { name });
  await expect(grid.getByRole('link').first()).toBeVisible();
  return { grid, gridBox: await box(scrollBox(grid)) };
}

/** Scrolls the grid's own box to its right end; the first row's Number cell is still inside that box. */
async function expectNumberPinned(grid: Locator) {
  const scroller = scrollBox(grid);
  const widths = await scroller.evaluate((el) => {
    el.scrollLeft = el.scrollWidth;
    return { scroll: el.scrollWidth, client: el.clientWidth, left: el.scrollLeft };
  });
  expect(widths.scroll, 'the grid is wider than its box here').toBeGreaterThan(widths.client);
  expect(widths.left).toBeGreaterThan(0);
  const number = grid.getByRole('row').nth(1).getByRole('gridcell').nth(1);
  await expect(number.getByRole('link')).toHaveText(/^DM\d+/);
  expect(inside(await box(number), await box(scroller)), 'Number cell stays within the grid').toBe(true);
}

test('at 1440 px every default column of the debit memos, Currency and Actions included, shows without scrolling', async ({
  page,
}) => {
  const { grid, gridBox } = await openGrid(page, '/debit-memos', 'Debit memos');
  for (const field of ['number', 'account', 'status', 'balance', 'currency', 'actions']) {
    const header = grid.locator(`[role="columnheader"][data-field="${field}"]`);
    expect(inside(await box(header), gridBox), `${field} within the grid's box`).toBe(true);
  }
  await expectNoSidewaysPageScroll(page);
  await page.screenshot({ path: test.info().outputPath('debit-memos-1440.png') });
});

test('at 1440 px the credit memos grid shows its last column whole, and a refused amount keeps the filter row aligned', async ({
  page,
}) => {
  const { grid, gridBox } = await openGrid(page, '/credit-memos', 'Credit memos');
  // The credit memos have the most default columns (Unapplied and Refund Amount): the last, Actions, is not cut.
  const last = grid.getByRole('columnheader').last();
  await expect(last).toHaveText('Actions');
  const header = await box(last);
  expect(inside(header, gridBox), 'Actions within the grid').toBe(true);
  expect(header.x + header.width, 'Actions within the window').toBeLessThanOrEqual(DESKTOP.width);
  await expectNoSidewaysPageScroll(page);

  // A refused amount says so in one line under its field; the field stays level with its neighbours.
  const amount = page.getByRole('textbox', { name: 'Amount from' });
  await amount.fill('1,000');
  await amount.press('Enter');
  await expect(amount).toHaveAccessibleDescription('Enter a plain number like 1000.50');
  const message = await box(page.getByText('Enter a plain number like 1000.50'));
  expect(message.height, 'the refusal is one line').toBeLessThan(24);
  const neighbour = await box(page.getByRole('textbox', { name: 'Memo number' }));
  expect(Math.abs((await box(amount)).y - neighbour.y), 'level with Memo number').toBeLessThanOrEqual(1);
  await expectNoSidewaysPageScroll(page);
  await page.screenshot({ path: test.info().outputPath('credit-memos-1440.png') });
});

test.describe('on a 390 px phone', () => {
  test.use({ viewport: PHONE });

  test('the navigation is a drawer, the grid scrolls in its box with Number pinned, dialogs are full screen', async ({
    page,
    request,
  }) => {
    await signInAs(page, 'Billing Admin', '/debit-memos');
    const grid = page.getByRole('grid', { name: 'Debit memos' });
    await expect(grid.getByRole('link').first()).toBeVisible();
    await expectNoSidewaysPageScroll(page);

    // The navigation is closed, and the grid has nearly the whole width.
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
    expect((await box(grid)).width).toBeGreaterThan(PHONE.width - 40);
    await page.screenshot({ path: test.info().outputPath('debit-memos-390.png') });

    await expectNumberPinned(grid);
    await page.screenshot({ path: test.info().outputPath('debit-memos-390-scrolled.png') });

    // The menu button opens the navigation over the page; following a link closes it again.
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav).toBeVisible();
    await nav.getByRole('link', { name: 'Credit and Debit Memos' }).click();
    await expect(nav).toBeHidden();
    await expect(page).toHaveURL(/\/credit-memos$/);

    // A dialog takes the whole screen: Post on a Draft row asks first.
    await page.goto('/debit-memos?status=Draft');
    const post = grid.getByRole('button', { name: /^Post DM/ }).first();
    await post.click();
    const dialog = page.getByRole('dialog', { name: /^Post DM/ });
    await expect(dialog).toBeVisible();
    const d = await box(dialog);
    expect(d.width).toBeGreaterThanOrEqual(PHONE.width - 1);
    expect(d.height).toBeGreaterThanOrEqual(PHONE.height - 1);
    await page.screenshot({ path: test.info().outputPath('post-dialog-390.png') });

    // The widest dialog, Apply, fits too: each document's amount field is in view, not beyond the right edge.
    const cm = await findPostedMemo(
      request,
      await adminToken(request),
      'CreditMemo',
      (m) => Number(m.unappliedAmount) > 0,
    );
    await page.goto(`/credit-memos/${cm.id}`);
    await page.getByRole('button', { name: 'More actions' }).click();
    await page.getByRole('menuitem', { name: /^Apply/ }).click();
    const apply = page.getByRole('dialog', { name: 'Apply Credit Memo' });
    const amount = apply.getByRole('textbox', { name: /^Amount to apply to / }).first();
    expect(inside(await box(amount), await box(apply)), 'the amount to apply within the dialog').toBe(true);
    await page.screenshot({ path: test.info().outputPath('apply-dialog-390.png') });
  });
});

test('inside a narrow embedding pane the grid fits the pane and scrolls in its box with Number pinned', async ({
  page,
}) => {
  await page.goto('/embed-demo.html');
  await expect(page.getByText('Both instances are mounted.')).toBeVisible({ timeout: 30_000 });
  const pane = page.getByRole('region', { name: 'Instance B: debit memos' });
  await expect(pane.getByRole('grid', { name: 'Debit memos' }).getByRole('link').first()).toBeVisible();
  await pane.evaluate((el) => {
    (el as HTMLElement).style.width = '420px';
  });
  const grid = pane.getByRole('grid', { name: 'Debit memos' });
  await expect(grid.getByRole('link').first()).toBeVisible();
  expect(inside(await box(scrollBox(grid)), await box(pane)), 'the grid within its pane').toBe(true);
  await expectNumberPinned(grid);
  await expectNoSidewaysPageScroll(page);
  await page.screenshot({ path: test.info().outputPath('embedded-pane-420.png') });
});
