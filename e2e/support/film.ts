import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// Playwright films with its own ffmpeg build, which is downloaded separately (`npx playwright install
// ffmpeg`) and cannot be where only package registries are reached. The system's ffmpeg (Debian:
// `apt-get install ffmpeg`) encodes the same VP8 video: lend it to Playwright under the name it looks
// for. Without any ffmpeg the walkthroughs still run, with screenshots but no videos.

const root = resolve(import.meta.dirname, '../..');

/**
 * The environment under which Playwright can film: {} when its own ffmpeg is installed, a browsers path
 * holding the system's ffmpeg under Playwright's name, or null when no ffmpeg is to be had.
 */
export function filmingEnv(): Record<string, string> | null {
  const browsers = JSON.parse(readFileSync(join(root, 'node_modules/playwright-core/browsers.json'), 'utf8')) as {
    browsers: { name: string; revision: string }[];
  };
  const rev = browsers.browsers.find((b) => b.name === 'ffmpeg')?.revision;
  const own = join(
    process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache/ms-playwright'),
    `ffmpeg-${rev}`,
    'ffmpeg-linux',
  );
  if (existsSync(own)) return {};
  const system = spawnSync('sh', ['-c', 'command -v ffmpeg'], { encoding: 'utf8' }).stdout.trim();
  if (!rev || !system || process.platform !== 'linux') return null;
  const lent = join(root, 'node_modules/.cache/demo-ffmpeg');
  const link = join(lent, `ffmpeg-${rev}`, 'ffmpeg-linux');
  if (!existsSync(link)) {
    mkdirSync(join(lent, `ffmpeg-${rev}`), { recursive: true });
    symlinkSync(system, link);
  }
  return { PLAYWRIGHT_BROWSERS_PATH: lent };
}
