import { expect as baseExpect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, apiGet } from '../support/sandbox-api.ts';
import { step } from '../support/step.ts';
import { MODES, signIn, titled } from '../support/walkthrough.ts';

// Walkthrough 4: post all the Draft debit memos of one day at once, and read each memo's outcome.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 15_000 });

/** A memo date with a few Draft debit memos (one page's worth), and their numbers. */
async function draftDay(request: APIRequestContext): Promise<{ day: string; numbers: string[] }> {
  const token = await adminToken(request);
  const byDay = new Map<string, string[]>();
  for (let page = 1; page <= 10; page++) {
    const body = await apiGet<{ debitmemos: { number: string; debitMemoDate: string }[]; nextPage?: string }>(
      request,
      token,
      `/v1/debit-memos?status=Draft&pageSize=40&page=${page}`,
    );
    for (const m of body.debitmemos) byDay.set(m.debitMemoDate, [...(byDay.get(m.debitMemoDate) ?? []), m.number]);
    if (!body.nextPage) break;
  }
  const days = [...byDay]
    .filter(([, n]) => n.length >= 2 && n.length <= 10)
    .sort(([, a], [, b]) => b.length - a.length);
  if (days.length === 0) throw new Error('no day with 2 to 10 Draft debit memos');
  return { day: days[0][0], numbers: days[0][1] };
}

for (const mode of MODES) {
  test(titled("Bulk-post a day's Draft debit memos", mode), async ({ page, request }) => {
    const { day, numbers } = await draftDay(request);
    const d = await signIn(page, mode, 'Billing Admin', '/debit-memos');
    const grid = page.getByRole('grid', { name: 'Debit memos' });
    const memoLinks = grid.getByRole('link', { name: /^DM\d+$/ });

    await step(page, 'Show only the Draft debit memos', async () => {
      await d.select(page.getByRole('combobox', { name: 'Status' }), page.getByRole('option', { name: 'Draft' }));
      await expect(page).toHaveURL(/status=Draft/);
    });

    await step(page, `Of one day: memo date from and to ${day}`, async () => {
      await d.fill(page.getByLabel('Memo date from'), day);
      await d.fill(page.getByLabel('Memo date to'), day);
      await expect(page).toHaveURL(new RegExp(`from=${day}&to=${day}`));
      await expect(memoLinks).toHaveCount(numbers.length);
    });

    await step(page, `Select all ${numbers.length} of them`, async () => {
      await d.toggle(grid.getByRole('checkbox', { name: 'Select all rows' }));
      await expect(page.getByRole('group', { name: 'Bulk actions' })).toContainText(`${numbers.length} selected`);
    });

    const noun = `debit memo${numbers.length === 1 ? '' : 's'}`;
    await step(page, 'Post selected, and confirm', async () => {
      await d.press(page.getByRole('button', { name: 'Post selected' }));
      await d.press(
        page.getByRole('dialog', { name: `Post ${numbers.length} ${noun}?` }).getByRole('button', { name: 'Post' }),
      );
    });

    const results = page.getByRole('dialog', { name: 'Post: results' });
    await step(page, 'Each memo says how it went: all posted', async () => {
      await expect(results.getByText(`${numbers.length} posted, 0 refused.`)).toBeVisible();
      for (const n of numbers)
        await expect(results.getByRole('row', { name: new RegExp(`${n}.*Posted`) })).toBeVisible();
    });

    await step(page, 'Close: no Draft memo is left for that day', async () => {
      await d.press(results.getByRole('button', { name: 'Close' }));
      await expect(page.getByText('No debit memos match these filters')).toBeVisible();
    });

    const token = await adminToken(request);
    const left = await apiGet<{ debitmemos: unknown[] }>(
      request,
      token,
      `/v1/debit-memos?status=Draft&memoDateFrom=${day}&memoDateTo=${day}`,
    );
    expect(left.debitmemos).toEqual([]);
  });
}
