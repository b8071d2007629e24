import { defineConfig } from '@playwright/test';
import base from './playwright.config.ts';

// `npm run demo`: the walkthroughs only, filmed. Same browser and viewport as the tests, a video of
// every walkthrough at full size, its own fresh demo dataset (a server of its own on DEMO_PORT), and
// DEMO_OUTPUT (set by scripts/demo.ts) makes each step() leave a numbered screenshot and caption.
const port = Number(process.env.DEMO_PORT ?? 4319);
const size = { width: 1440, height: 900 };

export default defineConfig({
  ...base,
  testDir: './e2e/walkthroughs',
  outputDir: './test-results/demo',
  retries: 0,
  reporter: [['list']],
  use: {
    ...base.use,
    baseURL: `http://127.0.0.1:${port}`,
    viewport: size,
    video: { mode: process.env.DEMO_VIDEO === 'off' ? 'off' : 'on', size },
    trace: 'off',
    screenshot: 'off',
  },
  webServer: {
    ...(base.webServer as { command: string; env: Record<string, string> }),
    env: {
      ...(base.webServer as { env: Record<string, string> }).env,
      PORT: String(port),
      DATA_DIR: 'memory://',
      SEED: 'demo',
    },
    url: `http://127.0.0.1:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
