import { defineConfig, devices, type PlaywrightTestConfig } from '@playwright/test';
import { filmingEnv } from './e2e/support/film.ts';

// Four lanes, each with its own sandbox server (fresh PGlite data, demo seed) so that no lane sees another
// lane's write-offs, and each lane runs its specs one at a time (they share that server's data). Two run
// at once (`workers: 2`, one per core of the CI machine):
//   specs, specs-2  e2e/*.spec.ts at 1440×900, split in two halves of about equal time (README, "What the
//                 test run costs") so that the two workers share the longest work
//   walkthroughs  e2e/walkthroughs/ as `npm run demo` runs them: filmed (when an ffmpeg exists; at half size),
//                 no trace
//   phone         e2e/walkthroughs/ at 390×844 (the mouse runs), its server answering sparsely
//                 (SANDBOX_NULL_FIELDS=omit, as Object Query and some tenants do): the six walkthroughs pass in
//                 both modes at no extra cost
// No retries: a flaky step fails here as it would in front of an audience.

type WebServer = Exclude<NonNullable<PlaywrightTestConfig['webServer']>, unknown[]>;

const port = Number(process.env.E2E_PORT ?? 4310);
export const DESKTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

const film = filmingEnv();
if (film) Object.assign(process.env, film); // workers inherit it: Playwright finds ffmpeg there

/** A sandbox server's settings: the demo dataset in memory, fresh on every start. */
const SANDBOX_ENV = { DATA_DIR: 'memory://', SEED: 'demo', LOG_LEVEL: 'warn' };

/**
 * A sandbox server on `port`: serves the built SPA and the API, with the demo dataset in memory. `env` adds
 * settings, e.g. `SANDBOX_NULL_FIELDS=omit` (the phone lane).
 */
export function sandboxServer(serverPort: number, env: Record<string, string> = {}): WebServer {
  return {
    command: `node --import tsx server/main.ts`,
    env: { PORT: String(serverPort), HOST: '127.0.0.1', ...SANDBOX_ENV, ...env },
    url: `http://127.0.0.1:${serverPort}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
  };
}

/**
 * The lanes' servers, booted side by side by one process (e2e/support/lane-servers.ts): a list of webServer
 * entries would start them one after another.
 */
function laneServers(list: { port: number; env?: Record<string, string> }[]): WebServer {
  return {
    command: 'node --import tsx e2e/support/lane-servers.ts',
    env: { LANES: JSON.stringify(list.map(({ port, env }) => ({ port, env: { ...SANDBOX_ENV, ...env } }))) },
    wait: { stdout: /lanes ready/ },
    timeout: 180_000,
  };
}

/**
 * How the walkthroughs run for an audience (`npm run demo`: filmed at full size) and in `npm test`'s
 * walkthroughs lane, filmed at half size: the same recording on the same screen, at a third of the encoding
 * cost (the six mouse walkthroughs: 95 s filmed at 1440×900, 58 s at 720×450, 42 s unfilmed; README, "What
 * the test run costs").
 */
export function demoUse(videoSize: { width: number; height: number }) {
  return {
    viewport: DESKTOP,
    video: film && process.env.DEMO_VIDEO !== 'off' ? { mode: 'on' as const, size: videoSize } : ('off' as const),
    trace: 'off' as const,
    screenshot: 'off' as const,
  };
}

const lanes = { specs: port, walkthroughs: port + 1, phone: port + 2, specs2: port + 3 };
/** The second half of e2e/*.spec.ts; the first half is every other spec. */
const SPECS_2 = [
  'create-memos',
  'detail-lifecycle',
  'settlement',
  'write-off-debit-memo',
  'request-economy',
  'list-filters',
].map((name) => `${name}.spec.ts`);
const baseURL = (p: number) => `http://127.0.0.1:${p}`;

export default defineConfig({
  testDir: './e2e',
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    // A failed test keeps its trace's DOM snapshots; the trace's screencast is not recorded: encoding it for
    // every test made the a11y spec take 6.0 min instead of 2.3 on this machine.
    trace: { mode: 'retain-on-failure', screenshots: false },
    screenshot: 'only-on-failure',
    ...devices['Desktop Chrome'],
    viewport: DESKTOP,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      name: 'specs',
      testIgnore: ['walkthroughs/**', ...SPECS_2],
      workers: 1,
      use: { baseURL: baseURL(lanes.specs) },
    },
    { name: 'specs-2', testMatch: SPECS_2, workers: 1, use: { baseURL: baseURL(lanes.specs2) } },
    {
      name: 'walkthroughs',
      testDir: './e2e/walkthroughs',
      workers: 1,
      use: {
        ...demoUse({ width: DESKTOP.width / 2, height: DESKTOP.height / 2 }),
        baseURL: baseURL(lanes.walkthroughs),
      },
    },
    {
      name: 'phone',
      testDir: './e2e/walkthroughs',
      // The six stories with the mouse (touch-sized screen); their keyboard runs add time, not coverage here.
      grepInvert: /\(keyboard only\)/,
      workers: 1,
      use: { viewport: PHONE, baseURL: baseURL(lanes.phone) },
    },
  ],
  webServer: laneServers([
    { port: lanes.specs },
    { port: lanes.walkthroughs },
    { port: lanes.phone, env: { SANDBOX_NULL_FIELDS: 'omit' } },
    { port: lanes.specs2 },
  ]),
});
