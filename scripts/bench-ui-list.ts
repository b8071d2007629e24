import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, BrowserContext } from '@playwright/test';

// The list page, cold, against its floor: time from navigation to the first row painted, for the
// product's list page and for a plain HTML table that makes the same list call (the floor), served by
// the same server and measured in interleaved rounds so both see the same machine load. Also the
// JavaScript loaded before the first row (gzip -6 of each file, whatever the server sent) and every
// request that starts after the first row (a row's data should not need one).
// Sign-in is done beforehand through the sandbox's token endpoint and put in sessionStorage, so the
// figure is the list page's own load, not the sign-in click.

declare global {
  interface Window {
    __firstRowPaint?: number;
  }
}

export const SESSION_KEY = 'cdm.session';
/** The floor page's path under the served build (written by {@link writeFloorPage}). */
export const FLOOR_PATH = '/bench-floor/index.html';

/** A network to emulate: Chrome DevTools' throughput in bytes/s and added round-trip latency. */
export interface NetworkProfile {
  name: string;
  latencyMs: number;
  bytesPerSecond: number;
}
export const OFFICE_VPN: NetworkProfile = { name: '10 Mbit/s, 40 ms', latencyMs: 40, bytesPerSecond: 10e6 / 8 };

interface Run {
  firstRowMs: number;
  scripts: { url: string; gzip: number }[];
  requestsBefore: number;
  after: string[];
  /** API requests started once the list's answer was in: data the rows wait for. */
  apiAfterList: string[];
}

export async function adminSession(base: string) {
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

/**
 * The floor: one HTML file and one small script (the CSP allows no inline script) that reads the
 * session the product stores, makes the list call given in `?api=` and writes a <table>.
 * Returns a function that removes it again.
 */
export function writeFloorPage(staticDir: string): () => void {
  const dir = join(staticDir, 'bench-floor');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Credit memos (floor)</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script type="module" src="/bench-floor/floor.js"></script></head>
<body><main><h1>Credit memos</h1><table><thead><tr><th>Number</th><th>Account</th><th>Date</th><th>Status</th>
<th>Amount</th><th>Balance</th></tr></thead><tbody></tbody></table></main></body></html>`,
  );
  writeFileSync(
    join(dir, 'floor.js'),
    `const s = JSON.parse(sessionStorage.getItem(${JSON.stringify(SESSION_KEY)}));
const api = new URLSearchParams(location.search).get('api');
const res = await fetch(api, { headers: { authorization: 'Bearer ' + s.token, accept: 'application/json' } });
const body = await res.json();
// Object Query answers { data: [...] } with its own field names; the v1 list { creditmemos | debitmemos }.
const rows = body.data ?? body.creditmemos ?? body.debitmemos ?? [];
const tbody = document.querySelector('tbody');
for (const m of rows) {
  const tr = document.createElement('tr');
  tr.dataset.id = m.id;
  const date = m.memoDate ?? m.creditMemoDate ?? m.debitMemoDate;
  const number = m.memoNumber ?? m.number;
  const amount = m.totalAmount ?? m.amount;
  for (const v of [number, m.account?.name ?? m.accountId, date, m.status, amount, m.balance]) {
    const td = document.createElement('td');
    td.textContent = String(v ?? '');
    tr.append(td);
  }
  tbody.append(tr);
}
`,
  );
  return () => rmSync(dir, { recursive: true, force: true });
}

async function oneRun(
  browser: Browser,
  url: string,
  session: object,
  network: NetworkProfile | undefined,
  gzipOf: (url: string) => Promise<number>,
): Promise<Run> {
  const context: BrowserContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(
    ([key, s]) => {
      sessionStorage.setItem(key, s);
      // The first data row (the list's: a grid row with its memo's link; the floor's: a row with data-id),
      // then the next frame: the row has been painted.
      new MutationObserver((_m, obs) => {
        if (document.querySelector('[role="grid"] tbody tr a[href], tr[data-id]')) {
          obs.disconnect();
          requestAnimationFrame(() => setTimeout(() => (window.__firstRowPaint = performance.now()), 0));
        }
      }).observe(document, { subtree: true, childList: true });
    },
    [SESSION_KEY, JSON.stringify(session)] as const,
  );
  const page = await context.newPage();
  if (network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: network.latencyMs,
      downloadThroughput: network.bytesPerSecond,
      uploadThroughput: network.bytesPerSecond,
    });
  }
  await page.goto(url);
  await page.waitForFunction(() => window.__firstRowPaint !== undefined, null, { timeout: 120_000 });
  // Whatever the page asks for once its row is up: a second later everything it fires at once has started.
  await page.waitForTimeout(1500);
  const measured = await page.evaluate(() => {
    const first = window.__firstRowPaint!;
    const all = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    return {
      firstRowMs: first,
      scripts: all
        .filter((e) => e.responseEnd <= first && (e.initiatorType === 'script' || /\.m?js(\?|$)/.test(e.name)))
        .map((e) => e.name),
      requestsBefore: all.filter((e) => e.startTime <= first).length + 1, // + the document
      after: all.filter((e) => e.startTime > first).map((e) => new URL(e.name).pathname),
      apiAfterList: (() => {
        const list = all.find((e) => /\/v1\/(credit|debit)-?memos\?/.test(e.name));
        if (!list) return [];
        return all
          .filter((e) => e !== list && e.startTime >= list.responseEnd)
          .map((e) => new URL(e.name).pathname)
          .filter((p) => /^\/(v1|settings|object-query)\//.test(p));
      })(),
    };
  });
  const scripts = await Promise.all(measured.scripts.map(async (u) => ({ url: u, gzip: await gzipOf(u) })));
  await context.close();
  return { ...measured, scripts };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n: number) => Math.round(n / 102.4) / 10;

export interface PageSummary {
  firstRowMedianMs: number;
  runs: number[];
  jsBeforeFirstRowGzipKB: number;
  scriptsBeforeFirstRow: number;
  requestsBeforeFirstRow: number;
  requestsAfterFirstRow: string[];
  apiRequestsAfterListAnswer: string[];
}

function summarize(runs: Run[]): PageSummary {
  const last = runs[runs.length - 1];
  return {
    firstRowMedianMs: Math.round(median(runs.map((r) => r.firstRowMs))),
    runs: runs.map((r) => Math.round(r.firstRowMs)),
    jsBeforeFirstRowGzipKB: kb(last.scripts.reduce((s, x) => s + x.gzip, 0)),
    scriptsBeforeFirstRow: last.scripts.length,
    requestsBeforeFirstRow: last.requestsBefore,
    requestsAfterFirstRow: last.after,
    apiRequestsAfterListAnswer: last.apiAfterList,
  };
}

/** The list call the product's page makes for `listPath`, as the floor should make it. */
export async function productListCall(browser: Browser, base: string, listPath: string, session: object) {
  const context = await browser.newContext();
  await context.addInitScript(([key, s]) => sessionStorage.setItem(key, s), [SESSION_KEY, JSON.stringify(session)]);
  const page = await context.newPage();
  // Object Query's list (both modes since the list moved to it), or the classic v1 list (a currency filter).
  const call = page.waitForRequest((r) => /\/(v1|object-query)\/(credit|debit)-?memos\?/.test(r.url()));
  await page.goto(`${base}${listPath}`);
  const url = new URL((await call).url());
  await context.close();
  return `${url.pathname}${url.search}`;
}

/**
 * Product list page and floor, `rounds` interleaved cold loads each (after one warm-up load of each),
 * optionally on an emulated network.
 */
export async function benchListVsFloor(
  browser: Browser,
  base: string,
  opts: { listPath?: string; rounds?: number; network?: NetworkProfile } = {},
) {
  const listPath = opts.listPath ?? '/credit-memos';
  const rounds = opts.rounds ?? 7;
  const session = await adminSession(base);
  const api = await productListCall(browser, base, listPath, session);
  const gzipCache = new Map<string, number>();
  const gzipOf = async (u: string) => {
    if (!gzipCache.has(u))
      gzipCache.set(u, gzipSync(Buffer.from(await (await fetch(u)).arrayBuffer()), { level: 6 }).length);
    return gzipCache.get(u)!;
  };
  const product = `${base}${listPath}`;
  const floor = `${base}${FLOOR_PATH}?api=${encodeURIComponent(api)}`;
  // Warm the server (first query plans, file cache), not measured.
  await oneRun(browser, product, session, opts.network, gzipOf);
  await oneRun(browser, floor, session, opts.network, gzipOf);
  const p: Run[] = [];
  const f: Run[] = [];
  for (let i = 0; i < rounds; i++) {
    // Alternate which goes first, so neither always follows the other.
    const pair = i % 2 ? ([f, floor, p, product] as const) : ([p, product, f, floor] as const);
    pair[0].push(await oneRun(browser, pair[1], session, opts.network, gzipOf));
    pair[2].push(await oneRun(browser, pair[3], session, opts.network, gzipOf));
  }
  const productSummary = summarize(p);
  const floorSummary = summarize(f);
  return {
    network: opts.network?.name ?? 'unthrottled',
    listCall: api,
    rounds,
    floor: floorSummary,
    product: productSummary,
    ratio: Math.round((productSummary.firstRowMedianMs / floorSummary.firstRowMedianMs) * 100) / 100,
  };
}
