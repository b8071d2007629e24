import { expect as baseExpect, test } from '@playwright/test';
import { adminToken, findPostedMemo } from '../support/sandbox-api.ts';
import { step } from '../support/step.ts';
import { MODES, signIn, titled } from '../support/walkthrough.ts';

// Walkthrough 6: what a Viewer sees. Everything is readable; nothing can be changed, and every
// action that is shown says why it is not available.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

const MENU_REASONS: Record<string, string> = {
  Apply: 'Requires the “Apply Credit Memo” permission',
  'Refund This Credit Memo': 'Requires the “Refund Credit Memo” permission',
  'Write Off Credit Memo': 'Requires the “Write Off Credit Memo” permission',
  'Cancel Post': 'Requires the “Unpost memos” permission',
};

for (const mode of MODES) {
  test(titled('What a Viewer sees', mode), async ({ page, request }) => {
    const token = await adminToken(request);
    const cm = await findPostedMemo(
      request,
      token,
      'CreditMemo',
      (m) => Number(m.unappliedAmount) > 0 && Number(m.refundAmount) === 0,
    );
    const d = await signIn(page, mode, 'Viewer', '/credit-memos');
    const grid = page.getByRole('grid', { name: 'Credit memos' });

    await step(page, 'The list reads as for anyone, but Create is disabled, and says why', async () => {
      const create = page.getByRole('button', { name: 'Create Credit Memo' });
      await expect(create).toBeDisabled();
      await expect(create).toHaveAccessibleDescription('You need the permission: Create memos');
      await expect(page.getByText('You need the permission: Create memos')).toBeVisible();
    });

    await step(page, 'Draft memos offer no Post button to a Viewer', async () => {
      await d.select(page.getByRole('combobox', { name: 'Status' }), page.getByRole('option', { name: 'Draft' }));
      await expect(grid.getByRole('gridcell', { name: 'Draft' }).first()).toBeVisible();
      await expect(grid.getByRole('button', { name: /^Post / })).toHaveCount(0);
    });

    await step(page, `Open a posted credit memo, ${cm.number}`, async () => {
      await d.select(page.getByRole('combobox', { name: 'Status' }), page.getByRole('option', { name: 'Posted' }));
      await d.fill(page.getByRole('textbox', { name: 'Memo number' }), cm.number);
      // Wait for the filter to apply: clicking while the grid re-renders can land on a replaced row.
      await expect(grid.getByRole('link', { name: /^CM\d+$/ })).toHaveCount(1);
      await d.press(grid.getByRole('link', { name: cm.number, exact: true }));
      await expect(page.getByRole('heading', { level: 1, name: `Credit Memo ${cm.number}` })).toBeVisible();
    });

    await step(page, 'Header actions are disabled, each with its reason', async () => {
      await expect(page.getByRole('button', { name: 'Email Credit Memo' })).toBeDisabled();
      await expect(page.getByText('Email Credit Memo: Requires the “Email memos” permission')).toBeVisible();
      await expect(
        page.getByRole('region', { name: 'Basic Information' }).getByRole('button', { name: 'Edit' }),
      ).toBeDisabled();
    });

    await step(page, 'More actions: every action is disabled, and says why', async () => {
      await d.press(page.getByRole('button', { name: 'More actions' }));
      await expect(page.getByRole('menu')).toBeVisible();
      for (const [label, reason] of Object.entries(MENU_REASONS)) {
        const item = page.getByRole('menuitem', { name: label, exact: true });
        await expect(item).toBeDisabled();
        await expect(item).toContainText(reason);
      }
      // Disabled items stay reachable with the arrow keys, so a screen reader reads each reason.
      if (mode === 'keyboard') {
        await page.keyboard.press('ArrowDown');
        await expect(page.getByRole('menuitem').and(page.locator(':focus'))).toHaveAccessibleDescription(
          /Requires|Cannot/,
        );
      }
      await page.keyboard.press('Escape');
      await expect(page.getByRole('menu')).toBeHidden();
    });

    await step(page, 'A link that would open the refund dialog opens nothing for a Viewer', async () => {
      await page.goto(`/credit-memos/${cm.id}?action=refund`);
      await expect(page.getByRole('heading', { level: 1, name: `Credit Memo ${cm.number}` })).toBeVisible();
      await expect(page.getByRole('dialog')).toHaveCount(0);
    });
  });
}
