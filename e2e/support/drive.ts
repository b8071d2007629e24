import { expect as baseExpect, type Locator, type Page } from '@playwright/test';

const expect = baseExpect.configure({ timeout: 15_000 }); // a lazily loaded page on a busy machine

// One walkthrough, two ways to drive it: with the mouse (clicks, fills), or with the keyboard alone
// (Tab / Shift+Tab to reach a control, Enter / Space to use it, arrow keys inside menus, lists and grids).
// A flow written against Drive runs both ways, so the keyboard test is the same story, not a copy.

export type Mode = 'mouse' | 'keyboard';

export interface Drive {
  mode: Mode;
  /** Activates a button, link, tab or menu item. */
  press(target: Locator): Promise<void>;
  /**
   * Replaces a text field's value. A date is yyyy-mm-dd (or '' to empty it): a native date input (the list's
   * filters), or a form's MUI X date field, passed as its group (`getByRole('group', { name: 'Memo Date' })`).
   */
  fill(target: Locator, text: string): Promise<void>;
  /** Flips a checkbox or switch. */
  toggle(target: Locator): Promise<void>;
  /** Picks an option of a select (closes it again when it stays open, as a multiple select does). */
  select(combobox: Locator, option: Locator): Promise<void>;
  /** Types into an autocomplete and picks one of its suggestions. */
  autocomplete(combobox: Locator, text: string, option: Locator): Promise<void>;
  /** Opens a menu button and activates one of its items. */
  menu(button: Locator, item: Locator): Promise<void>;
}

export function drive(page: Page, mode: Mode): Drive {
  return mode === 'mouse' ? mouse(page) : keyboard(page);
}

function mouse(page: Page): Drive {
  return {
    mode: 'mouse',
    press: (target) => target.click(),
    async fill(target, text) {
      if (await isDateField(target)) {
        await target.getByRole('spinbutton', { name: 'Year' }).click();
        await typeDate(page, text);
      } else {
        await target.fill(text);
      }
    },
    toggle: (target) => target.click(),
    async select(combobox, option) {
      await combobox.click();
      await option.click();
      await closeListbox(page);
    },
    async autocomplete(combobox, text, option) {
      await combobox.fill(text);
      await option.click();
    },
    async menu(button, item) {
      await button.click();
      await item.click();
    },
  };
}

function keyboard(page: Page): Drive {
  return {
    mode: 'keyboard',
    async press(target) {
      if ((await target.getAttribute('role')) === 'tab') {
        // Tabs have one tab stop (the selected tab); the arrow keys move between tabs.
        await tabTo(page, target.locator('xpath=..').getByRole('tab', { selected: true }));
        await arrowTo(page, target, 'ArrowRight');
      } else {
        await reach(page, target);
      }
      await page.keyboard.press('Enter');
    },
    async fill(target, text) {
      if (await isDateField(target)) {
        await tabTo(page, target.getByRole('spinbutton', { name: 'Year' })); // the field's one tab stop
        await typeDate(page, text);
        return;
      }
      await tabTo(page, target);
      if ((await target.getAttribute('type')) === 'date') {
        // A date input is typed segment by segment in the browser's locale (en-US: month, day, year).
        const [y, m, d] = text.split('-');
        await page.keyboard.type(`${m}${d}${y}`);
        return;
      }
      await page.keyboard.press('ControlOrMeta+A');
      if (text === '') await page.keyboard.press('Delete');
      else await page.keyboard.type(text);
    },
    async toggle(target) {
      await reach(page, target);
      await page.keyboard.press('Space');
    },
    async select(combobox, option) {
      await tabTo(page, combobox);
      await page.keyboard.press('ArrowDown'); // opens the listbox on the current option
      // Arrow keys pressed before the opening menu has taken focus are lost: wait for it.
      const listbox = page.getByRole('listbox');
      await expect.poll(() => listbox.evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await arrowTo(page, option, 'ArrowDown');
      await page.keyboard.press('Enter');
      await closeListbox(page);
    },
    async autocomplete(combobox, text, option) {
      await tabTo(page, combobox);
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.type(text);
      await expect(option).toBeVisible();
      // The input keeps focus; the highlighted suggestion is its aria-activedescendant. Suggestions
      // may still be re-rendered for the last typed letters, so read the option's id afresh each time.
      const highlighted = async () =>
        (await combobox.getAttribute('aria-activedescendant')) === (await option.getAttribute('id'));
      // The suggestion seen may be a shorter prefix's, replaced (and its highlight lost) when the last search
      // answers, even between the check and Enter: step down until it is highlighted, press Enter, and go
      // again until the pick closed the list.
      await expect(async () => {
        if (!(await highlighted())) await page.keyboard.press('ArrowDown');
        expect(await highlighted(), 'suggestion reachable with the arrow keys').toBe(true);
        await page.keyboard.press('Enter');
        await expect(combobox, 'the pick closes the suggestions').toHaveAttribute('aria-expanded', 'false', {
          timeout: 1_000,
        });
        // A list closed without a pick leaves the typed text in the field: a pick puts its own label there.
        await expect(combobox, 'the pick fills in its suggestion').not.toHaveValue(text, { timeout: 1_000 });
      }).toPass({ intervals: [50], timeout: 15_000 });
    },
    async menu(button, item) {
      await tabTo(page, button);
      await page.keyboard.press('Enter');
      await arrowTo(page, item, 'ArrowDown');
      await page.keyboard.press('Enter');
    },
  };
}

/** A MUI X date field: a group of spinbutton sections (year, month, day), not one input. */
async function isDateField(target: Locator) {
  return (await target.getAttribute('role')) === 'group' && (await target.getByRole('spinbutton').count()) > 0;
}

/**
 * Types yyyy-mm-dd into the focused MUI X date field as a person does, digit by digit from its year section
 * (each complete section moves on to the next); '' selects all sections and deletes them.
 */
async function typeDate(page: Page, text: string) {
  if (text === '') {
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
  } else {
    await page.keyboard.type(text.replace(/-/g, ''));
  }
}

async function closeListbox(page: Page) {
  const listbox = page.getByRole('listbox');
  if (await listbox.isVisible()) {
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
  }
}

interface Where {
  where: 'here' | 'before' | 'after' | 'unknown';
  /** Tab stops between the focused element and the target (an estimate: document order of focusable elements). */
  distance: number;
}

/** Where `target` is relative to the focused element (inside shadow roots too), and roughly how many Tab presses away. */
function whereIs(target: Locator): Promise<Where> {
  return target.evaluate((el) => {
    let active: Element | null = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    if (active === el) return { where: 'here', distance: 0 };
    if (!active || active === document.body) return { where: 'after', distance: 1 };
    // In different shadow trees (an embedded instance): compare the outermost hosts instead.
    const outermost = (n: Element) => {
      for (let root = n.getRootNode(); root instanceof ShadowRoot; root = n.getRootNode()) n = root.host;
      return n;
    };
    const [a0, b0] = active.getRootNode() === el.getRootNode() ? [active, el] : [outermost(active), outermost(el)];
    if (a0 === b0) return { where: 'after', distance: 1 }; // focus is in the host of the target's shadow tree
    const pos = a0.compareDocumentPosition(b0);
    if (pos & Node.DOCUMENT_POSITION_DISCONNECTED) return { where: 'unknown', distance: 1 };
    const where =
      pos & Node.DOCUMENT_POSITION_CONTAINED_BY || pos & Node.DOCUMENT_POSITION_FOLLOWING ? 'after' : 'before';
    const root = el.getRootNode() as Document | ShadowRoot;
    const stops = [
      ...root.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, [tabindex]'),
    ].filter((e) => e.tabIndex >= 0 && !(e as HTMLButtonElement).disabled && e.checkVisibility());
    const a = stops.indexOf(a0 as HTMLElement);
    const b = stops.indexOf(el as HTMLElement);
    return { where, distance: a < 0 || b < 0 ? 1 : Math.max(1, Math.abs(b - a)) };
  });
}

/** Presses Tab (or Shift+Tab when the target is behind) until `target` has focus, as a keyboard user would. */
export async function tabTo(page: Page, target: Locator, max = 80) {
  await expect(target).toBeVisible();
  // Tab skips a control that is still disabled while what it depends on loads (the Invoice select until
  // the account's invoices are known): wait, as a keyboard user would, until it can take focus.
  // A failure names what the field says about itself (its helper text says why it is disabled).
  const state = () =>
    target.evaluate((el: HTMLElement) =>
      el.tabIndex >= 0 && !el.matches(':disabled, [aria-disabled="true"]')
        ? 'enabled'
        : `disabled: "${el.closest('.MuiFormControl-root')?.textContent ?? ''}"`,
    );
  await expect.poll(state, { message: 'an enabled tab stop' }).toBe('enabled');
  let last: { where: string; presses: number } | null = null;
  let careful = false;
  for (let presses = 0; presses < max;) {
    const { where, distance } = await whereIs(target);
    if (where === 'here') return;
    const flipped: boolean = last !== null && last.where !== where;
    // Stepped over the target one way and then the other, one press at a time: it is not in the tab order.
    if (flipped && last!.presses === 1) break;
    // Jump by the estimate, but go one press at a time once an estimate overshot.
    careful ||= flipped;
    const n: number = careful ? 1 : Math.min(distance, max - presses);
    for (let i = 0; i < n; i++) await page.keyboard.press(where === 'before' ? 'Shift+Tab' : 'Tab');
    presses += n;
    last = { where, presses: n };
  }
  expect((await whereIs(target)).where, `reachable with Tab within ${max} presses`).toBe('here');
}

/**
 * Tabs to `target`; inside a grid (one Tab stop for the whole table, the list's), Tabs into the grid and
 * moves to the target's cell with the arrow keys.
 */
async function reach(page: Page, target: Locator) {
  const grid = target.locator('xpath=ancestor::table[@role="grid"]');
  if ((await grid.count()) === 0) return tabTo(page, target);
  await tabTo(page, grid.locator('[tabindex="0"]'));
  for (let i = 0; i < 80; i++) {
    const key = await target.evaluate((el) => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      if (active === el) return null;
      const from = active?.closest('td, th');
      const to = el.closest('td, th');
      if (!from || !to) return 'lost';
      const rows =
        (to.parentElement as HTMLTableRowElement).rowIndex - (from.parentElement as HTMLTableRowElement).rowIndex;
      const cols = (to as HTMLTableCellElement).cellIndex - (from as HTMLTableCellElement).cellIndex;
      if (rows) return rows > 0 ? 'ArrowDown' : 'ArrowUp';
      return cols > 0 ? 'ArrowRight' : cols < 0 ? 'ArrowLeft' : 'lost';
    });
    if (key === null) return;
    if (key === 'lost') break;
    await page.keyboard.press(key);
  }
  expect((await whereIs(target)).where, 'reachable with the arrow keys inside the grid').toBe('here');
}

/** Presses an arrow key until `target` (a menu item or option) has focus. */
export async function arrowTo(page: Page, target: Locator, key: 'ArrowDown' | 'ArrowRight', max = 40) {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if ((await whereIs(target)).where === 'here') return;
    await page.keyboard.press(key);
  }
  expect((await whereIs(target)).where, `reachable with ${key} within ${max} presses`).toBe('here');
}
