import { defineConfig } from '@playwright/test';
import base, { DESKTOP, demoUse, sandboxServer } from './playwright.config.ts';

// `npm run demo`: the walkthroughs only, as `npm test`'s walkthroughs lane runs them (no retries), with a
// video of every walkthrough at full size (the lane films at half size), on a fresh demo dataset of its own
// (a server on DEMO_PORT). DEMO_OUTPUT (set by scripts/demo.ts) makes each step() leave a numbered screenshot
// and caption.
const port = Number(process.env.DEMO_PORT ?? 4319);

export default defineConfig({
  ...base,
  testDir: './e2e/walkthroughs',
  outputDir: './test-results/demo',
  workers: 1,
  projects: [{ name: 'demo', use: { ...demoUse(DESKTOP), baseURL: `http://127.0.0.1:${port}` } }],
  webServer: sandboxServer(port),
});
