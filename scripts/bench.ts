import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { BENCH_CASES, type BenchCase, type BenchContext } from './bench-cases.ts';
import { LOCAL_POSTGRES, freshDatabase, reachablePostgres, startSandbox, tokenFor } from './lib/sandbox-process.ts';

// `npm run bench`: seeds the `large` preset (≥ 100,000 memos) into a fresh PGlite data directory — and
// into a fresh PostgreSQL database when BENCH_DATABASE_URL is set or a local server answers — starts the
// sandbox in a child process on a free 127.0.0.1 port (so the load generator does not share its event
// loop), and measures every case of bench-cases.ts with autocannon. Prints a table; writes JSON to
// bench-output/. Knobs: BENCH_CONNECTIONS (4), BENCH_DURATION seconds (8), BENCH_TARGETS=pglite,postgres,
// BENCH_PGLITE_DIR (reuse a seeded data directory), BENCH_DATABASE_URL.

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 4);
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const ADMIN = { id: '00000000-0000-4000-a000-000000000001', secret: 'sandbox-admin' };

interface CaseResult {
  case: string;
  requests: number;
  errors: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}
interface TargetResult {
  target: string;
  seedSeconds: number;
  memos: number;
  cases: CaseResult[];
}

async function contextFor(base: string): Promise<{ ctx: BenchContext; token: string }> {
  const token = await tokenFor(base, ADMIN.id, ADMIN.secret);
  const get = async (path: string) =>
    (await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const ids = async (path: string, key: string, pages: number) => {
    const out: string[] = [];
    for (let page = 1; page <= pages; page++) {
      const r = await get(`${path}&pageSize=40&page=${page}`);
      out.push(...(r[key] as { id: string }[]).map((m) => m.id));
      if (!r.nextPage) break;
    }
    return out;
  };
  const charge = await get('/v1/catalog/products?pageSize=1');
  const ctx: BenchContext = {
    get,
    sample: {
      debitMemoIds: await ids('/v1/debit-memos?status=Posted', 'debitmemos', 10),
      openDebitMemoIds: await ids(
        '/v1/debit-memos?status=Posted&openBalance=true&sort=-debitMemoDate',
        'debitmemos',
        25,
      ),
      openCreditMemoIds: await ids(
        '/v1/credit-memos?status=Posted&openBalance=true&sort=-creditMemoDate',
        'creditmemos',
        25,
      ),
      accountNumber: 'A00000001',
      chargeId: charge.products[0].productRatePlans[0].productRatePlanCharges[0].id,
    },
  };
  return { ctx, token };
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0;

async function runCase(base: string, token: string, ctx: BenchContext, c: BenchCase): Promise<CaseResult> {
  ctx.data = c.setup ? await c.setup(ctx) : undefined;
  let i = 0;
  const latencies: number[] = [];
  let errors = 0;
  const ok = c.ok ?? [200];
  const first = c.request(ctx, 0);
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: DURATION,
    requests: [
      {
        setupRequest: (req) => {
          const r = c.request(ctx, i++);
          return {
            ...req,
            method: r.method,
            path: r.path,
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...r.headers },
            ...(r.body === undefined ? {} : { body: JSON.stringify(r.body) }),
          };
        },
      },
    ],
    method: first.method,
  });
  instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
    latencies.push(ms);
    if (!ok.includes(status)) errors++;
  });
  const result = await instance;
  latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    case: c.name,
    requests: latencies.length,
    errors: errors + result.errors + result.timeouts,
    reqPerSec: round(latencies.length / DURATION),
    p50: round(percentile(latencies, 50)),
    p95: round(percentile(latencies, 95)),
    p99: round(percentile(latencies, 99)),
    max: round(latencies.at(-1) ?? 0),
  };
}

async function benchTarget(target: string, env: Record<string, string>): Promise<TargetResult> {
  console.log(`\n== ${target}: seeding the large preset and starting the server…`);
  const started = Date.now();
  // No deadline: seeding the large preset takes minutes; its progress shows as it goes.
  const server = await startSandbox(
    { ...env, SEED: 'large', RATE_LIMIT_PER_MINUTE: '0' },
    { timeoutMs: Number.POSITIVE_INFINITY, echo: true },
  );
  const seedSeconds = (Date.now() - started) / 1000;
  const { base } = server;
  try {
    const { ctx, token } = await contextFor(base);
    // Highest numbers ≈ how many memos of each kind were ever created.
    const dm = await ctx.get('/v1/debit-memos?pageSize=1');
    const cm = await ctx.get('/v1/credit-memos?pageSize=1');
    const memos = Number(String(dm.debitmemos[0].number).slice(2)) + Number(String(cm.creditmemos[0].number).slice(2));
    const cases: CaseResult[] = [];
    // BENCH_ONLY=write-off,apply: only the cases whose name contains one of these substrings.
    const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
    for (const c of BENCH_CASES.filter((x) => !only || only.some((s) => x.name.includes(s)))) {
      process.stdout.write(`   ${c.name}… `);
      const r = await runCase(base, token, ctx, c);
      cases.push(r);
      console.log(`p95 ${r.p95} ms`);
    }
    return { target, seedSeconds: Math.round(seedSeconds), memos, cases };
  } finally {
    await server.stop();
  }
}

function printTable(results: TargetResult[]): void {
  for (const r of results) {
    console.log(
      `\n${r.target}: ~${r.memos.toLocaleString('en')} memos, seeded + started in ${r.seedSeconds} s, ${CONNECTIONS} connections × ${DURATION} s`,
    );
    console.table(
      r.cases.map((c) => ({
        case: c.case,
        'req/s': c.reqPerSec,
        'p50 ms': c.p50,
        'p95 ms': c.p95,
        'p99 ms': c.p99,
        errors: c.errors,
      })),
    );
  }
}

const wanted = (process.env.BENCH_TARGETS ?? 'pglite,postgres').split(',');
const results: TargetResult[] = [];
if (wanted.includes('pglite')) {
  // BENCH_PGLITE_DIR reuses (and keeps) an already seeded data directory: seeding takes a while.
  const reuse = process.env.BENCH_PGLITE_DIR;
  const dir = reuse ?? mkdtempSync(join(tmpdir(), 'cdm-bench-'));
  try {
    results.push(await benchTarget('PGlite', { DATA_DIR: dir }));
  } finally {
    if (!reuse) rmSync(dir, { recursive: true, force: true });
  }
}
const pgUrl = wanted.includes('postgres')
  ? await reachablePostgres(process.env.BENCH_DATABASE_URL ?? LOCAL_POSTGRES)
  : null;
if (pgUrl) {
  const db = await freshDatabase(pgUrl, 'cdm_bench');
  try {
    results.push(await benchTarget('PostgreSQL', { DATABASE_URL: db.url }));
  } finally {
    await db.drop();
  }
} else if (wanted.includes('postgres')) {
  console.log('\n(PostgreSQL skipped: set BENCH_DATABASE_URL or start a local server on 127.0.0.1:5432)');
}
printTable(results);
mkdirSync('bench-output', { recursive: true });
const file = join('bench-output', `bench-${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ connections: CONNECTIONS, durationSeconds: DURATION, results }, null, 2));
console.log(`\nwritten ${file}`);
