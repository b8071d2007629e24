import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../server/db/connect.ts';
import { auditInvariants, type Violation } from '../../server/domain/invariants.ts';
import { freshDatabase, reachablePostgres, startSandbox } from './sandbox-process.ts';
import { runSoak, type SoakStats } from './soak-run.ts';

// One soak on one database: start the real server on a fresh database (a PGlite data directory, or a
// new PostgreSQL database), run the load, stop the server, and audit every balance identity.

export interface SoakResult extends SoakStats {
  db: 'pglite' | 'postgres';
  violations: Violation[];
  memos: number;
}

export async function soakOn(
  db: 'pglite' | 'postgres',
  opts: { port?: number; clients: number; durationMs: number; maxRequests: number },
): Promise<SoakResult | null> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  let audit: () => Promise<{ violations: Violation[]; memos: number }>;
  const auditWith = async (c: Awaited<ReturnType<typeof connect>>) => {
    try {
      const violations = await auditInvariants(c.db);
      const { count } = await c.db
        .selectFrom('memos')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .executeTakeFirstOrThrow();
      return { violations, memos: Number(count) };
    } finally {
      await c.close();
    }
  };
  if (db === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), 'cdm-soak-'));
    env = { DATA_DIR: dir };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
    audit = async () => auditWith(await connect({ dataDir: dir }));
  } else {
    const admin = await reachablePostgres();
    if (!admin) return null;
    const fresh = await freshDatabase(admin, 'cdm_soak');
    env = { DATABASE_URL: fresh.url };
    cleanup = fresh.drop;
    audit = async () => auditWith(await connect({ databaseUrl: fresh.url }));
  }
  try {
    // The rate limit is off: the soak measures the server, not the limiter.
    const server = await startSandbox({ ...env, SEED: 'demo', RATE_LIMIT_PER_MINUTE: '0' }, { port: opts.port });
    let stats: SoakStats;
    try {
      stats = await runSoak({
        base: server.base,
        clients: opts.clients,
        durationMs: opts.durationMs,
        maxRequests: opts.maxRequests,
      });
    } finally {
      await server.stop();
    }
    return { db, ...stats, ...(await audit()) };
  } finally {
    await cleanup();
  }
}

export function formatSoak(r: SoakResult): string {
  return [
    `== soak on ${r.db}: ${r.requests} requests in ${r.seconds.toFixed(1)} s = ${r.opsPerSecond} ops/s (p50 ${r.p50ms} ms, p95 ${r.p95ms} ms)`,
    `   by operation: ${JSON.stringify(r.byOp)}`,
    `   by HTTP status: ${JSON.stringify(r.byStatus)}`,
    `   refusals by Zuora category: ${JSON.stringify(r.refusalsByCategory)}`,
    `   5xx: ${r.serverErrors}   network errors: ${r.networkErrors} (retried with the same Idempotency-Key: ${r.retries})${r.samples5xx.length ? `\n   ${r.samples5xx.join('\n   ')}` : ''}`,
    `   invariant audit over ${r.memos} memos and every invoice and payment: ${r.violations.length} violations${r.violations.length ? `\n   ${JSON.stringify(r.violations.slice(0, 5))}` : ''}`,
  ].join('\n');
}
