import { expect, test } from '@playwright/test';
import { drive } from '../support/drive.ts';
import { step } from '../support/step.ts';
import { MODES, titled } from '../support/walkthrough.ts';
import { expectWrittenOff, findAndWriteOff, openDebitMemo } from '../support/write-off-flow.ts';

// Walkthrough 5: walkthrough 1's write-off, inside the embedded host page (public/embed-demo.html),
// where the host signs the module in and instance B shows the debit memos.
test.describe.configure({ timeout: 120_000 });
const used: string[] = [];

for (const mode of MODES) {
  test(titled('Write off a debit memo inside the embedded host page', mode), async ({ page, request }) => {
    const dm = await openDebitMemo(request, used);
    used.push(dm.id);
    const d = drive(page, mode);
    const instance = page.getByRole('region', { name: 'Instance B: debit memos' });
    await step(
      page,
      'Open the host admin page: the memos module is embedded in it, signed in by the host',
      async () => {
        await page.goto('/embed-demo.html');
        await expect(page.getByText('Both instances are mounted.')).toBeVisible({ timeout: 30_000 });
        await expect(instance.getByRole('grid', { name: 'Debit memos' }).getByRole('link').first()).toBeVisible({
          timeout: 30_000,
        });
      },
    );
    await findAndWriteOff(page, instance, d, dm);
    await expectWrittenOff(request, dm);
  });
}
