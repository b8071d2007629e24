import { expect as baseExpect, test } from '@playwright/test';
import { adminToken, apiGet, findPostedMemo } from '../support/sandbox-api.ts';
import { step } from '../support/step.ts';
import { MODES, signIn, titled } from '../support/walkthrough.ts';

// Walkthrough 3: refund part of a credit memo's unapplied amount to the customer by check.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 15_000 });
const used: string[] = [];

for (const mode of MODES) {
  test(titled('Refund part of a credit memo', mode), async ({ page, request }) => {
    const token = await adminToken(request);
    const cm = await findPostedMemo(
      request,
      token,
      'CreditMemo',
      (m) => m.currency === 'USD' && Number(m.unappliedAmount) >= 25,
      used,
    );
    used.push(cm.id);
    const d = await signIn(page, mode, 'Billing Admin', '/credit-memos');
    const grid = page.getByRole('grid', { name: 'Credit memos' });

    await step(page, `Look the credit memo up by its number, ${cm.number}`, async () => {
      await d.fill(page.getByRole('textbox', { name: 'Memo number' }), cm.number);
      await expect(grid.getByRole('link', { name: /^CM\d+$/ })).toHaveCount(1);
    });

    await step(page, `Open ${cm.number}: its unapplied amount can be refunded`, async () => {
      await d.press(grid.getByRole('link', { name: cm.number, exact: true }));
      await expect(page.getByRole('heading', { level: 1, name: `Credit Memo ${cm.number}` })).toBeVisible();
    });

    const refund = page.getByRole('dialog', { name: 'Refund Credit Memo' });
    await step(page, 'More actions → Refund This Credit Memo', async () => {
      await d.menu(
        page.getByRole('button', { name: 'More actions' }),
        page.getByRole('menuitem', { name: 'Refund This Credit Memo' }),
      );
      await expect(refund.getByRole('textbox', { name: /Amount to Refund/ })).toBeVisible();
    });

    await step(page, 'Refund $20.00 of it by check, and say why', async () => {
      await expect(refund.getByRole('combobox', { name: /Method Type/ })).toHaveText('Check');
      await d.fill(refund.getByRole('textbox', { name: /Amount to Refund/ }), '20.00');
      await d.fill(refund.getByLabel('Comment'), 'Partial refund by check, as agreed');
    });

    const confirm = page.getByRole('dialog', { name: 'Confirm Refund' });
    await step(page, 'Refund: money leaves the company, so the dialog asks to confirm what goes where', async () => {
      await d.press(refund.getByRole('button', { name: 'Refund' }));
      await expect(confirm).toContainText(`Refund $20.00 of ${cm.number} to the customer by Check`);
    });

    await step(page, 'Confirm: the refund is processed and the unapplied amount goes down', async () => {
      await d.press(confirm.getByRole('button', { name: 'Refund' }));
      await expect(confirm).toBeHidden();
      await expect(
        page.getByText(new RegExp(`^Refund R-?\\d+ of \\$20\\.00 processed for ${cm.number}`)),
      ).toBeVisible();
    });

    const after = await apiGet<{ unappliedAmount: number; refundAmount: number }>(
      request,
      token,
      `/v1/credit-memos/${cm.id}`,
    );
    expect(Math.round(after.unappliedAmount * 100)).toBe(Math.round(Number(cm.unappliedAmount) * 100) - 2000);
    const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });
    await expect(
      page
        .getByRole('definition')
        .filter({ hasText: new RegExp(`^\\${usd.format(after.unappliedAmount)}$`) })
        .first(),
    ).toBeVisible();
  });
}
