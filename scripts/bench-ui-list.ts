import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

// The list page, cold: time from navigation to the first grid row painted, and the JavaScript the
// browser loaded before that row (transferred bytes, and gzip -6 of each file whatever the server sent).
// Sign-in is done beforehand through the sandbox's token endpoint and put in sessionStorage, so the
// figure is the list page's own load, not the sign-in click.

declare global {
  interface Window {
    __firstRowPaint?: number;
  }
}

interface ListRun {
  firstRowMs: number;
  scripts: { url: string; transferred: number; gzip: number }[];
}

async function adminSession(base: string) {
  const users = (await (await fetch(`${base}/sandbox/users`)).json()) as {
    users: { id: string; name: string; role: string }[];
  };
  const admin = users.users.find((u) => u.role === 'admin')!;
  const res = await fetch(`${base}/sandbox/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: admin.id }),
  });
  const t = (await res.json()) as { access_token: string; scope: string; expires_in: number };
  return {
    user: { id: admin.id, name: admin.name, role: admin.role },
    token: t.access_token,
    scope: t.scope,
    expiresAt: Date.now() + t.expires_in * 1000,
  };
}

async function oneRun(
  browser: Browser,
  base: string,
  session: object,
  gzipOf: (url: string) => Promise<number>,
): Promise<ListRun> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript((s) => {
    sessionStorage.setItem('cdm.session', s);
    // The first data row of the grid, then the next frame: the row has been painted.
    new MutationObserver((_m, obs) => {
      if (document.querySelector('[role="grid"] [role="row"][data-id]')) {
        obs.disconnect();
        requestAnimationFrame(() => setTimeout(() => (window.__firstRowPaint = performance.now()), 0));
      }
    }).observe(document, { subtree: true, childList: true });
  }, JSON.stringify(session));
  const page = await context.newPage();
  await page.goto(`${base}/credit-memos`);
  await page.waitForFunction(() => window.__firstRowPaint !== undefined, null, { timeout: 60_000 });
  const { firstRowMs, entries } = await page.evaluate(() => ({
    firstRowMs: window.__firstRowPaint!,
    entries: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name))
      .filter((e) => e.responseEnd <= window.__firstRowPaint!)
      .map((e) => ({ url: e.name, transferred: e.transferSize })),
  }));
  // The entry module is loaded by the document itself (initiatorType may be "other"): included by the .js test.
  const scripts = await Promise.all(entries.map(async (e) => ({ ...e, gzip: await gzipOf(e.url) })));
  await context.close();
  return { firstRowMs, scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchListFirstRow(browser: Browser, base: string, runs = 5) {
  const session = await adminSession(base);
  const gzipCache = new Map<string, number>();
  const gzipOf = async (url: string) => {
    if (!gzipCache.has(url))
      gzipCache.set(url, gzipSync(Buffer.from(await (await fetch(url)).arrayBuffer()), { level: 6 }).length);
    return gzipCache.get(url)!;
  };
  await oneRun(browser, base, session, gzipOf); // warm the server (first query plans, file cache), not measured
  const results: ListRun[] = [];
  for (let i = 0; i < runs; i++) results.push(await oneRun(browser, base, session, gzipOf));
  const last = results[results.length - 1];
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  return {
    firstRowPaintedMs: {
      median: Math.round(median(results.map((r) => r.firstRowMs))),
      runs: results.map((r) => Math.round(r.firstRowMs)),
      target: 1000,
    },
    jsBeforeFirstRowGzipKB: { value: kb(last.scripts.reduce((s, x) => s + x.gzip, 0)), target: 300 },
    jsBeforeFirstRowTransferredKB: kb(last.scripts.reduce((s, x) => s + x.transferred, 0)),
    scripts: last.scripts.map((s) => `${new URL(s.url).pathname} ${kb(s.gzip)} KB gz`),
  };
}
