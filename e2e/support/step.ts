import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test, type Page } from '@playwright/test';

// One captioned step of a walkthrough. In `npm test` it is a plain test.step (the caption shows in the
// report and in a failure's trace). Under `npm run demo` (DEMO_OUTPUT set) each step also leaves a
// numbered screenshot and its caption in $DEMO_OUTPUT/<walkthrough>/, which scripts/demo.ts turns into
// the report; DEMO_SLOW_MS holds each step on screen for a live audience.

export interface StepRecord {
  n: number;
  caption: string;
  screenshot: string;
}

/** What scripts/demo.ts reads back: steps.json in each walkthrough folder. */
export interface WalkthroughRecord {
  title: string;
  file: string;
  /** The test's output folder: Playwright leaves the walkthrough's video.webm there when the test ends. */
  outputDir: string;
  steps: StepRecord[];
}

const records = new Map<string, WalkthroughRecord>();

export function slug(text: string, max = 60): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, max)
    .replace(/^-+|-+$/g, '');
}

export async function step<T>(page: Page, caption: string, body: () => Promise<T>): Promise<T> {
  return test.step(caption, async () => {
    const result = await body();
    const out = process.env.DEMO_OUTPUT;
    if (out) await record(page, out, caption);
    const slow = Number(process.env.DEMO_SLOW_MS ?? 0);
    if (slow > 0) await page.waitForTimeout(slow);
    return result;
  });
}

async function record(page: Page, out: string, caption: string) {
  const info = test.info();
  // Named after the spec file first (1-write-off-bad-debt, 2-...), so folders sort as the walkthroughs run.
  const dir = join(out, slug(`${basename(info.file, '.spec.ts')} ${info.title}`, 100));
  const key = `${info.testId}#${info.retry}`;
  let rec = records.get(key);
  if (!rec) {
    // First step of this run (or of a retry): start the folder afresh so no stale screenshots remain.
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    rec = { title: info.title, file: info.file, outputDir: info.outputDir, steps: [] };
    records.set(key, rec);
  }
  const n = rec.steps.length + 1;
  const file = `${String(n).padStart(2, '0')}-${slug(caption)}.png`;
  // Let the last transition (dialog fade, menu grow) settle so the picture shows the state, not a blur.
  await page.waitForTimeout(250);
  await page.screenshot({ path: join(dir, file), animations: 'disabled' });
  rec.steps.push({ n, caption, screenshot: file });
  writeFileSync(join(dir, 'steps.json'), JSON.stringify(rec, null, 2));
}
