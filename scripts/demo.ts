// `npm run demo [-- --slow] [-- --out <dir>]`: runs the walkthroughs (e2e/walkthroughs, the same specs
// `npm test` runs) against a fresh demo dataset in headless Chromium, and leaves in one folder, per
// walkthrough, its video, a numbered screenshot per step, and an index.html report with the captions.
// Exits with Playwright's status: 0 when every walkthrough passed.
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { filmingEnv } from '../e2e/support/film.ts';
import type { WalkthroughRecord } from '../e2e/support/step.ts';

const args = process.argv.slice(2);
const slow = args.includes('--slow');
const outArg = args.indexOf('--out');
const out = resolve(outArg >= 0 ? args[outArg + 1] : 'demo-output');
const root = resolve(import.meta.dirname, '..');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The server serves dist/: build it when it is missing or older than the sources. */
function buildIfNeeded() {
  const built = [join(root, 'dist/app/index.html'), join(root, 'dist/lib/credit-debit-memos.js')];
  const sources = Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'public')));
  if (built.every(existsSync) && built.every((f) => statSync(f).mtimeMs >= sources)) return;
  console.log('Building the app (dist/ is missing or older than src/)…');
  const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/** Videos when an ffmpeg can be lent to Playwright (e2e/support/film.ts); otherwise screenshots only. */
function videoEnv(): Record<string, string> {
  const env = filmingEnv();
  if (env) return env;
  console.warn(
    'No ffmpeg for Playwright: the walkthroughs run without videos (apt-get install ffmpeg, or npx playwright install ffmpeg).',
  );
  return { DEMO_VIDEO: 'off' };
}

function run(): number {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const env = {
    ...process.env,
    ...videoEnv(),
    DEMO_OUTPUT: out,
    ...(slow ? { DEMO_SLOW_MS: process.env.DEMO_SLOW_MS ?? '1500' } : {}),
  };
  const r = spawnSync('npx', ['playwright', 'test', '-c', 'playwright.demo.config.ts'], {
    cwd: root,
    stdio: 'inherit',
    env,
  });
  return r.status ?? 1;
}

/** Each walkthrough's folder gets its video; the records come back in the walkthroughs' order. */
function collect(): (WalkthroughRecord & { folder: string; video: string | null })[] {
  const records = readdirSync(out, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(out, d.name, 'steps.json')))
    .map((d) => {
      const rec = JSON.parse(readFileSync(join(out, d.name, 'steps.json'), 'utf8')) as WalkthroughRecord;
      const source = join(rec.outputDir, 'video.webm');
      const video = existsSync(source) ? 'video.webm' : null;
      if (video) copyFileSync(source, join(out, d.name, video));
      return { ...rec, folder: d.name, video };
    });
  const order = (r: WalkthroughRecord) => `${relative(root, r.file)} ${r.title.endsWith('(keyboard only)') ? 1 : 0}`;
  return records.sort((a, b) => order(a).localeCompare(order(b)));
}

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function report(records: ReturnType<typeof collect>, status: number): string {
  const sections = records.map((r) => {
    const steps = r.steps
      .map(
        (s) =>
          `<li><p>${esc(s.caption)}</p><a href="${esc(`${r.folder}/${s.screenshot}`)}"><img src="${esc(`${r.folder}/${s.screenshot}`)}" alt="${esc(`Step ${s.n}: ${s.caption}`)}" loading="lazy" width="720" height="450"></a></li>`,
      )
      .join('\n');
    const video = r.video
      ? `<p><a href="${esc(`${r.folder}/${r.video}`)}">Watch the video</a> (${esc(relative(root, r.file))})</p>`
      : `<p>No video (${esc(relative(root, r.file))})</p>`;
    return `<section aria-labelledby="${esc(r.folder)}"><h2 id="${esc(r.folder)}">${esc(r.title)}</h2>${video}<ol>${steps}</ol></section>`;
  });
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Credit and Debit Memos: demo walkthroughs</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
ol{padding-left:1.5rem}li{margin-bottom:1.5rem}li p{margin:.25rem 0 .5rem;font-weight:600}
img{max-width:100%;height:auto;border:1px solid #ccc}section{border-top:1px solid #ddd;margin-top:2rem}</style></head>
<body><main><h1>Credit and Debit Memos: demo walkthroughs</h1>
<p>${records.length} walkthroughs, run ${esc(new Date().toISOString().slice(0, 16).replace('T', ' '))} UTC against a fresh demo dataset: ${status === 0 ? 'all passed' : '<strong>some failed</strong> (see the console output)'}.</p>
${sections.join('\n')}
</main></body></html>
`;
}

buildIfNeeded();
const status = run();
const records = collect();
writeFileSync(join(out, 'index.html'), report(records, status));
console.log(
  `\nDemo output (${records.length} walkthroughs: videos, numbered screenshots, report): ${join(out, 'index.html')}`,
);
process.exit(status);
