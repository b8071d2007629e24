import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { createApp, type App } from '../app.ts';
import { loadConfig, type Config } from '../config.ts';
import { connect, type Connection } from '../db/connect.ts';
import { seedIfEmpty, type SeedPreset } from '../seed/index.ts';
import type { DemoRole } from '../../src/contract/permissions.ts';

// Server tests run the real app in-process (`app.request()`) on a fresh database per test file:
// PGlite by default, or a throwaway PostgreSQL database when TEST_DATABASE_URL is set (CI sets it).
// A PGlite starts from the run's template of its seed (server/testing/pglite-templates.ts) when there is one.

export interface Harness {
  app: App;
  conn: Connection;
  config: Config;
  /** A bearer token of a demo user. */
  token(role?: DemoRole): Promise<string>;
  /** JSON request as a demo user (admin by default). */
  call(
    method: string,
    path: string,
    body?: unknown,
    opts?: { role?: DemoRole; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>; // eslint-disable-line @typescript-eslint/no-explicit-any
  close(): Promise<void>;
}

export const usingPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

async function freshPostgres(): Promise<{ url: string; drop: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL!;
  const name = `cdm_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      // pg's pool.end() resolves before its clients' backends have exited: wait for them, so that
      // `with (force)` only ever has stragglers to terminate.
      for (let i = 0; i < 50; i++) {
        const { rows } = await c.query<{ n: number }>(
          'select count(*)::int as n from pg_stat_activity where datname = $1',
          [name],
        );
        if (rows[0]!.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

function template(seed: SeedPreset | 'none' = 'demo'): Blob | undefined {
  const file = seed === 'large' ? undefined : inject('pgliteTemplates')?.[seed];
  return file ? new Blob([readFileSync(file)]) : undefined;
}

export async function createHarness(
  opts: { seed?: SeedPreset | 'none'; env?: Record<string, string> } = {},
): Promise<Harness> {
  // SANDBOX_NULL_FIELDS comes from the run (vite.config.ts: the PostgreSQL project answers sparsely); a test may
  // still pin either mode with `opts.env`.
  const config = loadConfig({
    SANDBOX_NULL_FIELDS: process.env.SANDBOX_NULL_FIELDS,
    ...opts.env,
    SEED: opts.seed ?? 'demo',
  });
  const pgdb = usingPostgres() ? await freshPostgres() : undefined;
  const conn = await connect(
    pgdb ? { databaseUrl: pgdb.url } : { dataDir: 'memory://', loadDataDir: template(opts.seed) },
  );
  if ((opts.seed ?? 'demo') !== 'none') await seedIfEmpty(conn.db, (opts.seed ?? 'demo') as SeedPreset);
  const app = createApp({ db: conn.db, config });
  const tokens = new Map<DemoRole, string>();

  async function token(role: DemoRole = 'admin') {
    const cached = tokens.get(role);
    if (cached) return cached;
    const client = config.clients.find((c) => c.role === role)!;
    const res = await app.request('/oauth/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_id: client.clientId,
        client_secret: client.clientSecret,
        grant_type: 'client_credentials',
      }).toString(),
    });
    const json = (await res.json()) as { access_token: string };
    tokens.set(role, json.access_token);
    return json.access_token;
  }

  return {
    app,
    conn,
    config,
    token,
    async call(method, path, body, o = {}) {
      const headers: Record<string, string> = { authorization: `Bearer ${await token(o.role)}`, ...o.headers };
      if (body !== undefined) headers['content-type'] = 'application/json';
      const res = await app.request(path, {
        method,
        headers,
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* not JSON (PDF, HTML) */
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await conn.close();
      await pgdb?.drop();
    },
  };
}

/** A USD demo account and the Enterprise Licence charge: what a test creates a standalone memo from. */
export async function usdAccountAndLicence(h: Harness) {
  const account = await h.conn.db
    .selectFrom('accounts')
    .select('account_number')
    .where('currency', '=', 'USD')
    .orderBy('account_number')
    .executeTakeFirstOrThrow();
  const charge = await h.conn.db
    .selectFrom('product_rate_plan_charges')
    .select('id')
    .where('name', '=', 'Enterprise Licence')
    .executeTakeFirstOrThrow();
  return { account, charge };
}
