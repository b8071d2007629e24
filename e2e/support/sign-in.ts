import { expect, type Page } from '@playwright/test';

/** Opens `next` (default: the app root) and signs in as a demo user by clicking, as a person would. */
export async function signInAs(
  page: Page,
  user: 'Billing Admin' | 'Billing Clerk' | 'Viewer' = 'Billing Admin',
  next = '/credit-memos',
) {
  await page.goto(next);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole('button', { name: new RegExp(`Sign in as ${user}`) }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

/** Local yyyy-mm-dd, `days` from today (the demo seed's dates are relative to today). */
export function isoDay(days = 0): string {
  const d = new Date();
  d.setDate(d.getDate() + days);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
