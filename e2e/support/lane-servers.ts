import { createServer } from 'node:net';
import { startSandbox, type SandboxProcess } from '../../scripts/lib/sandbox-process.ts';

// Playwright's webServer: one sandbox server per lane, all started at once. Playwright starts the entries of
// a webServer list one after another, each waiting for the one before to answer, which cost a quarter of a
// minute per lane on a busy 2-core machine; here they boot side by side. LANES (set by playwright.config.ts)
// is a JSON list of {port, env}. Prints "lanes ready" once every server answers /healthz (Playwright waits
// for that line), and stops them all when Playwright stops this process or its group.

interface Lane {
  port: number;
  env: Record<string, string>;
}

const lanes = JSON.parse(process.env.LANES ?? '[]') as Lane[];

/** Refuses a port another process listens on: its /healthz would pass for the lane's server. */
function assertFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', () => reject(new Error(`port ${port} is already in use: stop what listens there`)));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

const started: SandboxProcess[] = [];
const stopAll = () => Promise.all(started.map((s) => s.stop()));
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const)
  process.on(signal, () => void stopAll().then(() => process.exit(0)));

try {
  await Promise.all(lanes.map((lane) => assertFree(lane.port)));
  const results = await Promise.allSettled(
    lanes.map((lane) => startSandbox(lane.env, { port: lane.port, timeoutMs: 120_000 })),
  );
  for (const r of results) if (r.status === 'fulfilled') started.push(r.value);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  console.log('lanes ready');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  await stopAll();
  process.exit(1);
}
