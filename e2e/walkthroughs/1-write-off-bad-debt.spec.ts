import { expect, test } from '@playwright/test';
import { step } from '../support/step.ts';
import { MODES, signIn, titled } from '../support/walkthrough.ts';
import { expectWrittenOff, findAndWriteOff, openDebitMemo } from '../support/write-off-flow.ts';

// Walkthrough 1: find a customer's open debit memos and write one off as bad debt.
test.describe.configure({ timeout: 120_000 });
const used: string[] = [];

for (const mode of MODES) {
  test(titled("Write off a customer's open debit memo as bad debt", mode), async ({ page, request }) => {
    const dm = await openDebitMemo(request, used);
    used.push(dm.id);
    const d = await signIn(page, mode, 'Billing Admin', '/credit-memos');
    await step(page, 'Open the Debit Memos tab', async () => {
      await d.press(page.getByRole('tab', { name: 'Debit Memos' }));
      await expect(page).toHaveURL(/\/debit-memos$/);
    });
    await findAndWriteOff(page, page, d, dm);
    await expectWrittenOff(request, dm);
  });
}
