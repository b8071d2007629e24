import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// A mock Zuora tenant: Prism serving Zuora's spec with its examples (docs/zuora/openapi/), and the built product in
// proxy mode in front of it. Prism validates every request the product forwards against Zuora's spec and logs each
// violation; `requestViolations()` returns them so that a test fails on any.

export const SPEC = join(import.meta.dirname, '../../docs/zuora/openapi/zuora-v1-memos.json');
export const ACCESS_KEY = 'mock-tenant-access-key-0123456789';

export interface MockTenant {
  baseUrl: string;
  log: () => string;
  requestViolations: () => string[];
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function waitForOutput(child: ChildProcess, text: RegExp, what: string, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const t = setTimeout(() => reject(new Error(`${what} did not start in ${timeoutMs} ms:\n${seen}`)), timeoutMs);
    const on = (d: Buffer) => {
      seen += d.toString();
      if (text.test(seen)) {
        clearTimeout(t);
        resolve();
      }
    };
    child.stdout?.on('data', on);
    child.stderr?.on('data', on);
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code}:\n${seen}`)));
  });
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * Zuora's spec as Prism serves it, with the workarounds docs/zuora/openapi/README.md lists where the spec refuses what
 * a tenant accepts: `GET /v1/billing-documents` types `accountId` and `accountNumber` as `format: uuid`, while Zuora's
 * ids are 32 hex digits and account numbers like `A00000001` (its own examples): the format is dropped.
 */
function servedSpec(): string {
  const spec = JSON.parse(readFileSync(SPEC, 'utf8')) as {
    paths: Record<string, Record<string, { parameters?: { name?: string; in?: string; format?: string }[] }>>;
  };
  for (const p of spec.paths['/v1/billing-documents']?.get?.parameters ?? [])
    if (p.in === 'query' && (p.name === 'accountId' || p.name === 'accountNumber') && p.format === 'uuid')
      delete p.format;
  const file = join(mkdtempSync(join(tmpdir(), 'mock-tenant-')), 'zuora-v1-memos.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

export async function startMockTenant(): Promise<MockTenant> {
  const [prismPort, appPort] = [await freePort(), await freePort()];
  const prism = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '../../node_modules/.bin/prism'),
      'mock',
      '-h',
      '127.0.0.1',
      '-p',
      String(prismPort),
      servedSpec(),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  prism.stdout.on('data', (d: Buffer) => (log += d.toString()));
  prism.stderr.on('data', (d: Buffer) => (log += d.toString()));
  await waitForOutput(prism, /Prism is listening/, 'Prism', 120_000);

  const app = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      PORT: String(appPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      ZUORA_BASE_URL: `http://127.0.0.1:${prismPort}`,
      // Zuora's spec requires OAuth client ids of at least 36 characters.
      ZUORA_CLIENT_ID: '00000000-0000-0000-0000-000000000000',
      ZUORA_CLIENT_SECRET: 'mock-tenant-client-secret',
      PROXY_AUTH: 'shared-secret',
      PROXY_SHARED_SECRET: ACCESS_KEY,
    },
  });
  await waitForOutput(app, /proxy on http/, 'the product in proxy mode', 60_000);
  return {
    baseUrl: `http://127.0.0.1:${appPort}`,
    log: () => log,
    // Prism logs `Violation: request.<where> …` for a request its spec refuses (responses are `response.…`).
    requestViolations: () => log.split('\n').filter((l) => /Violation: request\b|Invalid request/.test(l)),
    stop: async () => {
      await Promise.all([stop(app), stop(prism)]);
    },
  };
}
