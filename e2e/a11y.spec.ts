import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect as baseExpect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { adminToken, apiGet } from './support/sandbox-api.ts';
import { signInAs } from './support/sign-in.ts';

// The accessibility gate: axe, WCAG 2.0/2.1 A and AA, finds nothing on every route and with
// every dialog, menu and panel open. With SCREENSHOTS_DIR set it also keeps a picture of each screen
// it scanned, for the eye (aligned columns, readable money, no clipped labels).

test.describe.configure({ timeout: 180_000 });
test.use({ actionTimeout: 20_000 }); // a missing control fails in seconds, not at the test timeout
const expect = baseExpect.configure({ timeout: 15_000 });
const shots = process.env.SCREENSHOTS_DIR;

async function settled(page: Page) {
  // Colours read mid-fade are not the real ones: let dialog, menu and popover transitions finish.
  // (Spinners and skeletons run for ever: only finite animations are waited for.)
  // A popper that keeps repositioning never settles: after 3 s the scan goes ahead anyway.
  await page
    .waitForFunction(
      () =>
        document
          .getAnimations()
          .every((a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Infinity),
      null,
      { timeout: 3_000 },
    )
    .catch(() => undefined);
}

async function gate(page: Page, name: string) {
  await settled(page);
  if (shots) {
    mkdirSync(shots, { recursive: true });
    await page.screenshot({
      path: join(shots, `${name}.png`),
      fullPage: !name.startsWith('dialog') && !name.startsWith('list-'),
    });
  }
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(
    violations.map((v) => `${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`),
    `axe on ${name}`,
  ).toEqual([]);
}

type Memo = { id: string; number: string; currency: string } & Record<string, unknown>;

async function memo(
  request: APIRequestContext,
  kind: 'credit' | 'debit',
  status: string,
  pick: (m: Memo) => boolean = () => true,
): Promise<Memo> {
  const token = await adminToken(request);
  for (let page = 1; page <= 20; page++) {
    const body = await apiGet<Record<string, unknown>>(
      request,
      token,
      `/v1/${kind}-memos?status=${status}&pageSize=40&page=${page}`,
    );
    const hit = (body[`${kind}memos`] as Memo[]).find(pick);
    if (hit) return hit;
    if (!body.nextPage) break;
  }
  throw new Error(`no ${status} ${kind} memo matches`);
}

/**
 * Goes to `url` inside the loaded SPA, as a link would (React Router follows popstate), instead of loading the
 * page again: the scan is the same, and sixteen dialogs cost sixteen renders rather than sixteen page loads.
 * The open dialog, if any, is closed first so that only one dialog is ever on the page.
 */
async function navigateInApp(page: Page, url: string) {
  if (!page.url().startsWith('http')) return void (await page.goto(url));
  if ((await page.getByRole('dialog').count()) > 0) {
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  }
  await page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

async function dialogGate(
  page: Page,
  url: string,
  name: string,
  ready: (d: Locator) => Promise<void> = async () => {},
) {
  await navigateInApp(page, url);
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toHaveCount(0);
  await ready(dialog);
  await gate(page, name);
}

test('every route: sign-in, both lists, both details, both create forms of both kinds, bulk create, embedded host', async ({
  page,
  request,
}) => {
  await page.goto('/sign-in');
  await expect(page.getByRole('button', { name: /Sign in as Billing Admin/ })).toBeVisible();
  await gate(page, 'sign-in');

  await signInAs(page, 'Billing Admin', '/credit-memos');
  await expect(page.getByRole('grid', { name: 'Credit memos' }).getByRole('link').first()).toBeVisible();
  await gate(page, 'credit-memo-list');
  await page.getByRole('tab', { name: 'Debit Memos' }).click();
  await expect(page.getByRole('grid', { name: 'Debit memos' }).getByRole('link').first()).toBeVisible();
  await gate(page, 'debit-memo-list');

  const cm = await memo(request, 'credit', 'Posted', (m) => Number(m.appliedAmount) > 0);
  await page.goto(`/credit-memos/${cm.id}`);
  await expect(page.getByRole('table', { name: `Items of ${cm.number}` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Documents this credit memo is applied to' })).toBeVisible();
  await gate(page, 'credit-memo-detail');
  const dm = await memo(request, 'debit', 'Posted', (m) => Number(m.balance) > 0 && Number(m.taxAmount) > 0);
  await page.goto(`/debit-memos/${dm.id}`);
  await expect(page.getByRole('table', { name: `Items of ${dm.number}` })).toBeVisible();
  await gate(page, 'debit-memo-detail');

  for (const base of ['/credit-memos', '/debit-memos']) {
    await page.goto(`${base}/new/standalone`);
    await page.getByRole('combobox', { name: 'Account' }).fill('Acme');
    await page.getByRole('option', { name: /Acme Corporation/ }).click();
    await expect(page.getByText('Currency USD')).toBeVisible();
    await gate(page, `${base.slice(1)}-new-standalone`);

    await page.goto(`${base}/new/from-invoice`);
    await page.getByRole('combobox', { name: 'Account' }).fill('Acme');
    await page.getByRole('option', { name: /Acme Corporation/ }).click();
    await page.getByRole('combobox', { name: 'Invoice' }).click();
    await page.getByRole('option').first().click();
    await expect(page.getByRole('table', { name: 'Invoice items' })).toBeVisible();
    await gate(page, `${base.slice(1)}-new-from-invoice`);
  }
  await page.goto('/debit-memos/new/bulk');
  await expect(page.getByLabel('CSV file')).toBeAttached();
  await gate(page, 'debit-memos-new-bulk');

  await page.goto('/embed-demo.html');
  await expect(page.getByText('Both instances are mounted.')).toBeVisible({ timeout: 30_000 });
  await expect(
    page.getByRole('region', { name: 'Instance B: debit memos' }).getByRole('grid').getByRole('link').first(),
  ).toBeVisible({ timeout: 30_000 });
  await gate(page, 'embedded-host-page');
});

test('every list popup: create menu, column chooser, status filter, bulk confirmation, row Post', async ({ page }) => {
  await signInAs(page, 'Billing Admin', '/debit-memos?status=Draft');
  const grid = page.getByRole('grid', { name: 'Debit memos' });
  await expect(grid.getByRole('link').first()).toBeVisible();

  await page.getByRole('button', { name: 'Create Debit Memo' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await gate(page, 'list-create-menu');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Columns' }).click();
  await expect(page.getByRole('checkbox', { name: 'Reason Code' })).toBeVisible();
  await gate(page, 'list-column-chooser');
  await page.keyboard.press('Escape');

  await page.getByRole('combobox', { name: 'Status' }).click();
  await expect(page.getByRole('listbox')).toBeVisible();
  await gate(page, 'list-status-filter');
  await page.keyboard.press('Escape');

  await grid.getByRole('row').nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Post selected' }).click();
  await expect(page.getByRole('dialog', { name: 'Post 1 debit memo?' })).toBeVisible();
  await gate(page, 'list-bulk-post-confirm');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await grid
    .getByRole('button', { name: /^Post / })
    .first()
    .click();
  await expect(page.getByRole('dialog', { name: /^Post DM/ })).toBeVisible();
  await gate(page, 'list-row-post-confirm');
});

test('every memo dialog: header actions, each More actions item, item edit, charge picker', async ({
  page,
  request,
}) => {
  const token = await adminToken(request);
  const cmOpen = await memo(
    request,
    'credit',
    'Posted',
    (m) => m.currency === 'USD' && Number(m.appliedAmount) === 0 && Number(m.unappliedAmount) > 0,
  );
  const cmApplied = await memo(request, 'credit', 'Posted', (m) => Number(m.appliedAmount) > 0);
  const cmCanceled = await memo(request, 'credit', 'Canceled');
  const dmOpen = await memo(request, 'debit', 'Posted', (m) => m.currency === 'USD' && Number(m.balance) > 0);
  const dmDraft = await memo(request, 'debit', 'Draft', (m) => m.currency === 'USD');
  const items = await apiGet<{ items: { id: string }[] }>(request, token, `/v1/debit-memos/${dmDraft.id}/items`);

  await signInAs(page, 'Billing Admin', `/credit-memos/${cmOpen.id}`);
  await page.getByRole('button', { name: 'More actions' }).click();
  await expect(page.getByRole('menu')).toBeVisible();
  await gate(page, 'detail-more-actions-menu');
  await page.keyboard.press('Escape');

  const cases: [string, string][] = [
    [`/credit-memos/${cmOpen.id}?action=apply`, 'apply'],
    [`/credit-memos/${cmApplied.id}?action=unapply`, 'unapply'],
    [`/credit-memos/${cmOpen.id}?action=refund`, 'refund'],
    [`/credit-memos/${cmOpen.id}?action=writeOffCredit`, 'write-off-credit'],
    [`/credit-memos/${cmOpen.id}?action=reverse`, 'reverse'],
    [`/credit-memos/${cmOpen.id}?action=email`, 'email'],
    [`/credit-memos/${cmOpen.id}?action=unpost`, 'unpost'],
    [`/credit-memos/${cmCanceled.id}?action=delete`, 'delete'],
    [`/debit-memos/${dmOpen.id}?action=writeOffDebit`, 'write-off-debit'],
    [`/debit-memos/${dmOpen.id}?action=collect`, 'collect'],
    [`/debit-memos/${dmOpen.id}?action=uploadFile`, 'upload-file'],
    [`/debit-memos/${dmOpen.id}?action=regeneratePdf`, 'regenerate-pdf'],
    [`/debit-memos/${dmDraft.id}?action=post`, 'post'],
    [`/debit-memos/${dmDraft.id}?action=cancel`, 'cancel'],
    [`/debit-memos/${dmDraft.id}?action=edit`, 'edit'],
    [`/debit-memos/${dmDraft.id}?action=editItem&itemId=${items.items[0].id}`, 'edit-item'],
  ];
  for (const [url, name] of cases) await dialogGate(page, url, `dialog-${name}`);

  await page.goto('/debit-memos/new/standalone');
  await page.getByRole('combobox', { name: 'Account' }).fill('Acme');
  await page.getByRole('option', { name: /Acme Corporation/ }).click();
  await page.getByRole('button', { name: 'Add charge' }).click();
  const picker = page.getByRole('dialog', { name: 'Add charge' });
  await page.getByRole('combobox', { name: 'Product' }).click();
  await page.getByRole('option', { name: 'Platform Subscription' }).click();
  await page.getByRole('combobox', { name: 'Rate Plan' }).click();
  await page.getByRole('option', { name: 'Standard Monthly' }).click();
  await expect(picker.getByRole('button', { name: 'Select Platform Fee' })).toBeVisible();
  await gate(page, 'dialog-charge-picker');
});

test('the rest: not-found page, bulk results, unsaved-changes prompt, date picker popup', async ({ page, request }) => {
  await signInAs(page, 'Billing Admin', '/no-such-page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await gate(page, 'not-found');

  // Bulk results: cancel one Draft credit memo from the list.
  await page.goto('/credit-memos?status=Draft');
  const grid = page.getByRole('grid', { name: 'Credit memos' });
  await grid.getByRole('row').nth(1).getByRole('checkbox').check();
  await page.getByRole('button', { name: 'Cancel selected' }).click();
  await page
    .getByRole('dialog', { name: 'Cancel 1 credit memo?' })
    .getByRole('button', { name: 'Cancel', exact: true })
    .click();
  await expect(page.getByRole('dialog', { name: 'Cancel: results' })).toBeVisible();
  await gate(page, 'list-bulk-results');
  await page.keyboard.press('Escape');

  // Unsaved changes: type in the standalone form, then try to leave.
  await page.goto('/debit-memos/new/standalone');
  await page.getByLabel('Comments').fill('Half-written');
  await page.getByRole('link', { name: 'Credit and Debit Memos' }).click();
  await expect(page.getByRole('dialog', { name: 'Discard unsaved changes?' })).toBeVisible();
  await gate(page, 'dialog-unsaved-changes');
  await page
    .getByRole('dialog', { name: 'Discard unsaved changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();

  // A date picker's calendar, inside the write-off dialog.
  const dm = await memo(request, 'debit', 'Posted', (m) => Number(m.balance) > 0);
  await dialogGate(page, `/debit-memos/${dm.id}?action=writeOffDebit`, 'dialog-write-off-debit-calendar', async (d) => {
    await d.getByRole('button', { name: /Choose date/ }).click();
    await expect(page.getByRole('grid').last()).toBeVisible();
  });
});
