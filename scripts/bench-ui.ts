import { resolve } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { benchDialogOpen } from './bench-ui-dialog.ts';
import { lighthouseScores } from './bench-ui-lighthouse.ts';
import { adminSession, benchListVsFloor, OFFICE_VPN, writeFloorPage, type PageSummary } from './bench-ui-list.ts';
import { startSandbox } from './lib/sandbox-process.ts';

// `npm run bench:ui`: UI timings in headless Chromium against the sandbox serving the built SPA (run
// `npm run build` first), in one run so the ratios compare like with like:
// - the list page's first row against the floor (a plain HTML table making the same list call, served by
//   the same server), unthrottled and on an emulated office VPN (10 Mbit/s, 40 ms);
// - JS before the first row (gzip), the requests before it, and every request after it;
// - Lighthouse 12.2.3 performance, desktop and mobile, on the list page;
// - the Write Off Debit Memo dialog's open time.
// Starts its own server on BENCH_UI_PORT (4323) seeded with the `large` preset (BENCH_UI_SEED=demo for a
// quick run) in memory, or in BENCH_UI_DATA_DIR (seeded once, reused: the large seed takes minutes), and
// stops it at the end. BENCH_UI_ROUNDS sets the interleaved rounds (7).

const port = Number(process.env.BENCH_UI_PORT ?? 4323);
const base = `http://127.0.0.1:${port}`;
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const rounds = Number(process.env.BENCH_UI_ROUNDS ?? 7);
const staticDir = resolve(process.env.STATIC_DIR ?? 'dist/app');

async function signInAsAdmin(page: Page): Promise<void> {
  await page.goto(`${base}/credit-memos`);
  await page.getByRole('button', { name: /Sign in as Billing Admin/ }).click();
  await page.waitForURL(/\/credit-memos$/);
}

/** A Posted debit memo with an open balance, found through the API the page uses. */
async function openDebitMemoPath(token: string): Promise<string> {
  const list = (await (
    await fetch(`${base}/v1/debit-memos?status=Posted&pageSize=40`, { headers: { authorization: `Bearer ${token}` } })
  ).json()) as { debitmemos: { id: string; balance: number }[] };
  const dm = list.debitmemos.find((m) => m.balance > 0)!;
  return `${base}/debit-memos/${dm.id}`;
}

function table(rows: { label: string; floor: PageSummary; product: PageSummary; ratio: number }[]): string {
  const lines = [
    '| network | page | first row, median | × the floor | JS before the first row (gzip) | requests before the first row | API requests after the list answer |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const r of rows)
    for (const [name, s, x] of [
      ['floor', r.floor, 1],
      ['product list page', r.product, r.ratio],
    ] as const)
      lines.push(
        `| ${r.label} | ${name} | ${s.firstRowMedianMs} ms | ${x.toFixed(1)} | ${s.jsBeforeFirstRowGzipKB} KB | ${s.requestsBeforeFirstRow} | ${s.apiRequestsAfterListAnswer.length} |`,
      );
  return lines.join('\n');
}

const removeFloor = writeFloorPage(staticDir);
const server = await startSandbox(
  {
    DATA_DIR: process.env.BENCH_UI_DATA_DIR ?? 'memory://',
    SEED: process.env.BENCH_UI_SEED ?? 'large',
    STATIC_DIR: staticDir,
  },
  { port, timeoutMs: 900_000, echo: true },
);
try {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const results: Record<string, unknown> = {};
  const list = await benchListVsFloor(browser, base, { rounds });
  const vpn = await benchListVsFloor(browser, base, { rounds, network: OFFICE_VPN });
  results.listVsFloor = list;
  results.listVsFloorOfficeVpn = vpn;
  const session = await adminSession(base);
  results.lighthouse = await lighthouseScores(`${base}/credit-memos`, session, chromiumPath);
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await signInAsAdmin(page);
  const dmPath = await openDebitMemoPath(session.token);
  results.writeOffDialogOpen = await benchDialogOpen(page, dmPath);
  results.writeOffDialogOpenAfterPause = await benchDialogOpen(page, dmPath, 5, 400);
  await browser.close();
  console.log(JSON.stringify(results, null, 2));
  console.log(
    `\n${table([
      { label: 'unthrottled', ...list },
      { label: OFFICE_VPN.name, ...vpn },
    ])}\n`,
  );
  console.log(`first row ÷ floor: ${list.ratio} (target ≤ 2.0); on ${OFFICE_VPN.name}: ${vpn.ratio} (target ≤ 2.0)`);
} finally {
  await server.stop();
  removeFloor();
}
