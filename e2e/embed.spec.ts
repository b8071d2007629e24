import { expect as baseExpect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

// Embedding: the library embedded twice in a plain HTML host (public/embed-demo.html) with hostile
// global CSS. Playwright's role locators pierce open shadow roots, so the instances are found by the
// host's labelled regions around them.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 30_000 });

const HOTPINK = 'rgb(255, 105, 180)';

const instanceA = (page: Page) => page.getByRole('region', { name: 'Instance A: credit memos' });
const instanceB = (page: Page) => page.getByRole('region', { name: 'Instance B: debit memos' });

async function expectNoAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Counts the window's and document's live event listeners (registered before any page script). */
async function trackListeners(page: Page) {
  await page.addInitScript(() => {
    const live = new Map<string, number>();
    const key = (target: string, type: string, capture: unknown) =>
      `${target}:${type}:${typeof capture === 'boolean' ? capture : Boolean((capture as { capture?: boolean } | undefined)?.capture)}`;
    for (const [name, target] of [
      ['window', window],
      ['document', document],
    ] as const) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      const seen = new WeakMap<object, Set<string>>();
      target.addEventListener = (
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        opts?: boolean | AddEventListenerOptions,
      ) => {
        const k = key(name, type, opts);
        if (fn) {
          const keys = seen.get(fn) ?? new Set<string>();
          if (!keys.has(k)) live.set(k, (live.get(k) ?? 0) + 1);
          keys.add(k);
          seen.set(fn, keys);
        }
        add(type, fn as EventListenerOrEventListenerObject, opts);
      };
      target.removeEventListener = (
        type: string,
        fn: EventListenerOrEventListenerObject | null,
        opts?: boolean | EventListenerOptions,
      ) => {
        const k = key(name, type, opts);
        if (fn && seen.get(fn)?.delete(k)) live.set(k, (live.get(k) ?? 1) - 1);
        remove(type, fn as EventListenerOrEventListenerObject, opts);
      };
    }
    (window as unknown as { liveListeners: () => Record<string, number> }).liveListeners = () =>
      Object.fromEntries([...live].filter(([, n]) => n > 0));
  });
}

test('host page: two isolated instances, host styles untouched, menus and dialogs styled and keyboard-usable, refresh on demand', async ({
  page,
}) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));

  // Hold the loader back to photograph the host header before anything is mounted.
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route('**/lib/credit-debit-memos.js', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/embed-demo.html', { waitUntil: 'commit' });
  const header = page.getByRole('banner', { name: 'Acme Admin' });
  await expect(header.getByRole('link', { name: 'Billing' })).toBeVisible();
  const headerBefore = await header.screenshot();
  release();

  const gridA = instanceA(page).getByRole('grid', { name: 'Credit memos' });
  const gridB = instanceB(page).getByRole('grid', { name: 'Debit memos' });
  // The first load downloads and evaluates the app module twice on a shared, busy machine: be patient.
  await expect(gridA.getByRole('link').first()).toBeVisible({ timeout: 90_000 });
  await expect(gridB.getByRole('link').first()).toBeVisible({ timeout: 90_000 });
  await expect(page.getByText('Both instances are mounted.')).toBeVisible();
  expect(await header.screenshot(), 'the host header looks the same after mounting').toEqual(headerBefore);
  await expectNoAxeViolations(page);

  // Each mount is its own module instance: its own Emotion cache key, styles inside its shadow root only.
  const emotionKeys = await page.evaluate(() =>
    ['instance-a', 'instance-b'].map((id) => {
      const root = document.getElementById(id)!.shadowRoot!;
      return [
        ...new Set(
          [...root.querySelectorAll('style[data-emotion]')].map((s) =>
            s
              .getAttribute('data-emotion')!
              .split(' ')[0]
              .replace(/-global$/, ''),
          ),
        ),
      ];
    }),
  );
  expect(emotionKeys).toEqual([['cdm-a'], ['cdm-b']]);
  expect(
    await page.evaluate(() => document.head.querySelectorAll('style').length),
    'no style leaks into the host document',
  ).toBe(0);
  await expect(page.getByText('Path: /credit-memos')).toBeVisible();

  // Keyboard: open the create menu in A, move with the arrows; the items are MUI's, not the host's CSS.
  const create = instanceA(page).getByRole('button', { name: 'Create Credit Memo' });
  await create.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  const first = menu.getByRole('menuitem').first();
  await expect(first).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem').nth(1)).toBeFocused();
  const menuStyle = await menu
    .getByRole('menuitem')
    .nth(1)
    .evaluate((el) => {
      const s = getComputedStyle(el);
      const paper = getComputedStyle(el.closest('[role="menu"]')!.parentElement!);
      return {
        margin: s.marginLeft,
        font: s.fontFamily,
        listStyle: s.listStyleType,
        bg: s.backgroundColor,
        paperBg: paper.backgroundColor,
      };
    });
  expect(menuStyle.margin).toBe('0px');
  expect(menuStyle.font).toContain('system-ui');
  expect(menuStyle.listStyle).toBe('none');
  expect(menuStyle.bg).not.toBe(HOTPINK);
  expect(menuStyle.paperBg).toBe('rgb(255, 255, 255)');
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(create).toBeFocused();

  // Filter in B (Posted), open a debit memo, write it off through More actions.
  await instanceB(page).getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Posted' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByText('Path: /debit-memos?status=Posted')).toBeVisible();
  await expect(gridB.getByRole('gridcell', { name: 'Draft' })).toHaveCount(0);
  await expect(gridB.getByRole('gridcell', { name: 'Posted' }).first()).toBeVisible();
  const topCreditMemo = (await gridA.getByRole('link').first().textContent())!.trim();
  const dmNumber = (await gridB.getByRole('link').first().textContent())!.trim();
  await gridB.getByRole('link', { name: dmNumber }).click();
  await expect(instanceB(page).getByRole('heading', { name: new RegExp(dmNumber) })).toBeVisible();
  await instanceB(page).getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'Write Off Debit Memo' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write Off Debit Memo' });
  await expect(dialog).toBeVisible();
  const save = dialog.getByRole('button', { name: 'Save' });
  await expect(save).toBeEnabled();
  const dialogStyle = await dialog.evaluate((el) => ({
    bg: getComputedStyle(el).backgroundColor,
    border: getComputedStyle(el).borderTopWidth,
  }));
  expect(dialogStyle, 'the host rule [role=dialog] { yellow; 5px red } must not reach it').toEqual({
    bg: 'rgb(255, 255, 255)',
    border: '0px',
  });
  const saveStyle = await save.evaluate((el) => ({
    bg: getComputedStyle(el).backgroundColor,
    font: getComputedStyle(el).fontFamily,
    transform: getComputedStyle(el).textTransform,
  }));
  expect(saveStyle.bg).not.toBe(HOTPINK);
  expect(saveStyle.font).toContain('system-ui');
  expect(saveStyle.transform).toBe('none');
  await page.screenshot({ path: test.info().outputPath('embed-dialog-open.png') });
  await save.click();
  await expect(dialog).toBeHidden();
  const notice = instanceB(page).getByText(new RegExp(`Debit memo ${dmNumber} written off by credit memo`));
  await expect(notice).toBeVisible();
  const createdNumber = /by credit memo (\S+?)\.?$/.exec((await notice.textContent())!.trim())![1];

  // A keeps its own cache until the host asks it to refresh; then the write-off's credit memo shows.
  await expect(gridA.getByRole('link').first()).toHaveText(topCreditMemo);
  await page.getByRole('button', { name: 'Refresh the credit memos list' }).click();
  await expect(gridA.getByRole('link').first()).toHaveText(createdNumber);
  expect(createdNumber).not.toBe(topCreditMemo);

  // The custom element follows its attributes.
  await page.evaluate(() => document.getElementById('instance-a')!.setAttribute('initial-path', '/debit-memos'));
  await expect(instanceA(page).getByRole('grid', { name: 'Debit memos' })).toBeVisible();
  await expect(page.getByText('Path: /debit-memos', { exact: true })).toBeVisible();
  await page.evaluate(() => document.getElementById('instance-a')!.setAttribute('initial-path', '/credit-memos'));
  await expect(gridA).toBeVisible();

  // The host page with both lists, after all that: no axe violation (the host's or the instances').
  await page.evaluate(() =>
    (window as unknown as { embedDemo: { handleB: { navigate(p: string): void } } }).embedDemo.handleB.navigate(
      '/debit-memos',
    ),
  );
  await expect(gridB.getByRole('link').first()).toBeVisible();
  await expectNoAxeViolations(page);
  expect(errors).toEqual([]);
});

test('unmount() leaves no DOM and no window listeners', async ({ page }) => {
  await trackListeners(page);
  await page.goto('/embed-demo.html');
  await expect(page.getByText('Both instances are mounted.')).toBeVisible();
  await expect(instanceB(page).getByRole('grid', { name: 'Debit memos' }).getByRole('link').first()).toBeVisible({
    timeout: 90_000,
  });

  const before = await page.evaluate(() =>
    (window as unknown as { liveListeners: () => Record<string, number> }).liveListeners(),
  );
  await page.evaluate(async () => {
    const demo = (
      window as unknown as {
        embedDemo: {
          mount: (el: HTMLElement, o: object) => Promise<{ unmount(): void }>;
          getAccessToken: () => unknown;
        };
      }
    ).embedDemo;
    const host = document.createElement('section');
    host.setAttribute('aria-label', 'Third instance');
    document.querySelector('main')!.append(host);
    (window as unknown as { third: unknown }).third = await demo.mount(host, {
      getAccessToken: demo.getAccessToken,
      initialPath: '/credit-memos',
    });
  });
  const third = page.getByRole('region', { name: 'Third instance' });
  await expect(third.getByRole('grid', { name: 'Credit memos' }).getByRole('link').first()).toBeVisible();
  // Open and close a menu so portal and popup listeners were added too.
  await third.getByRole('button', { name: 'Create Credit Memo' }).click();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toBeHidden();

  const after = await page.evaluate(() => {
    (window as unknown as { third: { unmount(): void } }).third.unmount();
    const host = document.querySelector('section[aria-label="Third instance"]') as HTMLElement;
    return { childNodes: host.shadowRoot!.childNodes.length, light: host.childNodes.length };
  });
  expect(after).toEqual({ childNodes: 0, light: 0 });
  await expect(async () => {
    const now = await page.evaluate(() =>
      (window as unknown as { liveListeners: () => Record<string, number> }).liveListeners(),
    );
    const windowOnly = (m: Record<string, number>) =>
      Object.fromEntries(Object.entries(m).filter(([k]) => k.startsWith('window:')));
    expect(windowOnly(now)).toEqual(windowOnly(before));
  }).toPass({ timeout: 10_000 });
});
