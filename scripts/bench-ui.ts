import { chromium, type Page } from '@playwright/test';
import { benchDialogOpen } from './bench-ui-dialog.ts';
import { benchListFirstRow } from './bench-ui-list.ts';
import { startSandbox } from './lib/sandbox-process.ts';

// `npx tsx scripts/bench-ui.ts`: UI timings in headless Chromium against the sandbox serving the built
// SPA (run `npm run build` first). Starts its own server on BENCH_UI_PORT (4323) with a fresh in-memory
// database seeded with the `large` preset (BENCH_UI_SEED=demo for a quick run) and stops it at the end. Each measurement is a separate function; add yours below.

const port = Number(process.env.BENCH_UI_PORT ?? 4323);
const base = `http://127.0.0.1:${port}`;

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${base}/credit-memos`);
  await page.getByRole('button', { name: /Sign in as Billing Admin/ }).click();
  await page.waitForURL(/\/credit-memos$/);
}

/** A Posted debit memo with an open balance, found through the API the page uses. */
async function openDebitMemoPath(): Promise<string> {
  const users = (await (await fetch(`${base}/sandbox/users`)).json()) as { users: { id: string; role: string }[] };
  const admin = users.users.find((u) => u.role === 'admin')!;
  const { access_token } = (await (
    await fetch(`${base}/sandbox/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: admin.id }),
    })
  ).json()) as { access_token: string };
  const list = (await (
    await fetch(`${base}/v1/debit-memos?status=Posted&pageSize=40`, {
      headers: { authorization: `Bearer ${access_token}` },
    })
  ).json()) as { debitmemos: { id: string; balance: number }[] };
  const dm = list.debitmemos.find((m) => m.balance > 0)!;
  return `${base}/debit-memos/${dm.id}`;
}

// Seeding the large preset takes minutes; its progress shows as it goes.
const server = await startSandbox(
  { DATA_DIR: 'memory://', SEED: process.env.BENCH_UI_SEED ?? 'large' },
  { port, timeoutMs: 600_000, echo: true },
);
try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const results: Record<string, unknown> = {};
  // The list page with the `large` preset (the demo data plus generated memos; BENCH_UI_SEED overrides).
  results.listFirstRow = await benchListFirstRow(browser, base);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(page);
  const dmPath = await openDebitMemoPath();
  results.writeOffDialogOpen = await benchDialogOpen(page, dmPath);
  results.writeOffDialogOpenAfterPause = await benchDialogOpen(page, dmPath, 5, 400);
  console.log(JSON.stringify(results, null, 2));
  await browser.close();
} finally {
  await server.stop();
}
