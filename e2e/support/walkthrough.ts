import { expect as baseExpect, type Page } from '@playwright/test';
import { drive, type Drive, type Mode } from './drive.ts';
import { step } from './step.ts';

// What every walkthrough starts with: a driver for the chosen mode and a signed-in demo user.

const expect = baseExpect.configure({ timeout: 15_000 });

export const MODES: readonly Mode[] = ['mouse', 'keyboard'];

/** The test title of a walkthrough in one mode; the keyboard run is named so in reports and demo folders. */
export const titled = (title: string, mode: Mode) => (mode === 'mouse' ? title : `${title} (keyboard only)`);

/** Opens `next`, lands on the sign-in page and signs in as a demo user with the given driver. */
export async function signIn(
  page: Page,
  mode: Mode,
  user: 'Billing Admin' | 'Billing Clerk' | 'Viewer',
  next: string,
): Promise<Drive> {
  const d = drive(page, mode);
  await step(page, `Sign in to the sandbox as the ${user}`, async () => {
    await page.goto(next);
    await expect(page).toHaveURL(/\/sign-in/);
    await d.press(page.getByRole('button', { name: new RegExp(`Sign in as ${user}`) }));
    await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
  });
  return d;
}
