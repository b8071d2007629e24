import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';

// `npx tsx scripts/bench-grid.ts`: the grid alone, MUI X DataGrid against MUI's Table, drawing the same
// 20, 50 and 99 rows with what the list needs (scripts/bench-grid/), and the list's own grid (MUI Table over
// TanStack Table, src/features/memo-list/memo-grid.tsx, with its real columns). All are built for production with
// Vite and loaded cold in headless Chromium, interleaved; per load: main-thread task time until the first
// row is painted (CDP Performance.TaskDuration), the time from the page's code starting to that row, and
// the gzipped JS. No data is fetched: the difference is the grid. BENCH_GRID_ROUNDS (5), BENCH_GRID_PORT (4324).

const rounds = Number(process.env.BENCH_GRID_ROUNDS ?? 5);
const port = Number(process.env.BENCH_GRID_PORT ?? 4324);
const variants = ['datagrid', 'table', 'memo-grid'] as const;
const LABELS: Record<(typeof variants)[number], string> = {
  datagrid: 'MUI X DataGrid',
  table: 'MUI Table (bare)',
  'memo-grid': 'the list’s grid (MUI Table + TanStack Table)',
};
const rowCounts = [20, 50, 99];

const outDir = mkdtempSync(join(tmpdir(), 'bench-grid-'));
const root = resolve(import.meta.dirname, 'bench-grid');
await build({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [react()],
  build: {
    outDir,
    emptyOutDir: true,
    rolldownOptions: { input: Object.fromEntries(variants.map((v) => [v, join(root, `${v}.html`)])) },
  },
});

const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer((req, res) => {
  try {
    const path = join(outDir, new URL(req.url!, 'http://x').pathname);
    const body = readFileSync(path);
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => server.listen(port, '127.0.0.1', () => r()));
const base = `http://127.0.0.1:${port}`;

interface Load {
  taskMs: number;
  scriptMs: number;
  layoutMs: number;
  renderToRowMs: number;
  jsGzipKB: number;
}

async function load(browser: Browser, variant: string, rows: number): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}/${variant}.html?rows=${rows}`);
  await page.waitForFunction(() => window.__firstRowPaint !== undefined, null, { timeout: 60_000 });
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => Math.round((metrics.find((m) => m.name === name)?.value ?? 0) * 1000);
  const t = await page.evaluate(() => ({
    renderToRow: window.__firstRowPaint! - window.__renderStart!,
    scripts: (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
      .filter((e) => /\.js$/.test(e.name))
      .map((e) => new URL(e.name).pathname),
  }));
  await context.close();
  const gz = t.scripts.reduce((s, p) => s + gzipSync(readFileSync(join(outDir, p)), { level: 6 }).length, 0);
  return {
    taskMs: metric('TaskDuration'),
    scriptMs: metric('ScriptDuration'),
    layoutMs: metric('LayoutDuration') + metric('RecalcStyleDuration'),
    renderToRowMs: Math.round(t.renderToRow),
    jsGzipKB: Math.round(gz / 102.4) / 10,
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

try {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu'],
  });
  const lines = [
    '| grid | rows | main-thread tasks to first row | of which script | style + layout | code start → row painted | JS (gzip) |',
    '|---|---|---|---|---|---|---|',
  ];
  const results: Record<string, Record<number, Load>> = Object.fromEntries(variants.map((v) => [v, {}]));
  for (const rows of rowCounts) {
    for (const v of variants) await load(browser, v, rows); // warm-up, not measured
    const runs: Record<string, Load[]> = Object.fromEntries(variants.map((v) => [v, []]));
    for (let i = 0; i < rounds; i++)
      for (const v of i % 2 ? [...variants].reverse() : variants) runs[v].push(await load(browser, v, rows));
    for (const v of variants) {
      const m = (k: keyof Load) => median(runs[v].map((r) => r[k]));
      results[v][rows] = {
        taskMs: m('taskMs'),
        scriptMs: m('scriptMs'),
        layoutMs: m('layoutMs'),
        renderToRowMs: m('renderToRowMs'),
        jsGzipKB: m('jsGzipKB'),
      };
      const r = results[v][rows];
      lines.push(
        `| ${LABELS[v]} | ${rows} | ${r.taskMs} ms | ${r.scriptMs} ms | ${r.layoutMs} ms | ${r.renderToRowMs} ms | ${r.jsGzipKB} KB |`,
      );
    }
  }
  await browser.close();
  console.log(JSON.stringify(results, null, 2));
  console.log(`\n${lines.join('\n')}\n`);
} finally {
  server.close();
  rmSync(outDir, { recursive: true, force: true });
}
