import { DEFAULT_CLIENTS } from '../../server/config.ts';
import { request } from 'node:http';
import { tokenFor } from './sandbox-process.ts';

// The soak's load: N concurrent clients against a running sandbox, each looping over a realistic mix
// (list, retrieve, create, post, apply, unapply, refund, write-off) on documents shared per account, so
// clients contend for the same memos. Bounded by time and by a request budget. Counts every answer:
// HTTP status, Zuora refusal category, 5xx (target 0).

export interface SoakOptions {
  base: string;
  clients: number;
  durationMs: number;
  maxRequests: number;
}

export interface SoakStats {
  requests: number;
  seconds: number;
  opsPerSecond: number;
  byOp: Record<string, number>;
  byStatus: Record<string, number>;
  refusalsByCategory: Record<string, number>;
  serverErrors: number;
  networkErrors: number;
  /** Requests resent with the same Idempotency-Key after a network error. */
  retries: number;
  samples5xx: string[];
  p50ms: number;
  p95ms: number;
}

interface Pool {
  account: string;
  dms: string[];
  cms: string[];
  drafts: { kind: 'debit-memos' | 'credit-memos'; id: string }[];
}

const admin = DEFAULT_CLIENTS.find((c) => c.role === 'admin')!;
const pick = <T>(xs: T[]): T | undefined => (xs.length ? xs[Math.floor(Math.random() * xs.length)] : undefined);
const money = (min: number, max: number) => Math.round((min + Math.random() * (max - min)) * 100) / 100;

export async function runSoak(opts: SoakOptions): Promise<SoakStats> {
  const token = await tokenFor(opts.base, admin.clientId, admin.clientSecret);
  const stats: SoakStats = {
    requests: 0,
    seconds: 0,
    opsPerSecond: 0,
    byOp: {},
    byStatus: {},
    refusalsByCategory: {},
    serverErrors: 0,
    networkErrors: 0,
    retries: 0,
    samples5xx: [],
    p50ms: 0,
    p95ms: 0,
  };
  const latencies: number[] = [];

  async function call(
    op: string,
    method: string,
    path: string,
    body?: unknown,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
  ): Promise<{ status: number; json: any } | null> {
    if (stats.requests >= opts.maxRequests) return null;
    stats.requests += 1;
    stats.byOp[op] = (stats.byOp[op] ?? 0) + 1;
    const t0 = performance.now();
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'zuora-version': '229.0' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    // Creates carry an Idempotency-Key, so a POST lost on the wire is retried with the same key and takes
    // effect once (Zuora keys POST and PATCH only; a lost PUT is counted, not retried).
    if (method === 'POST') headers['idempotency-key'] = crypto.randomUUID();
    for (let attempt = 0; ; attempt++) {
      try {
        const res = await send(
          `${opts.base}${path}`,
          method,
          headers,
          body === undefined ? undefined : JSON.stringify(body),
        );
        const json = res.json;
        latencies.push(performance.now() - t0);
        stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
        if (res.status >= 500) {
          stats.serverErrors += 1;
          if (stats.samples5xx.length < 5)
            stats.samples5xx.push(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
        }
        if (json && json.success === false) {
          const category = String(Number(json.reasons?.[0]?.code) % 100);
          stats.refusalsByCategory[category] = (stats.refusalsByCategory[category] ?? 0) + 1;
        }
        return { status: res.status, json };
      } catch (err) {
        if (method === 'POST' && attempt < 2) {
          stats.retries += 1;
          continue;
        }
        stats.networkErrors += 1;
        const cause = (err as { cause?: { code?: string; message?: string } }).cause;
        if (stats.samples5xx.length < 5)
          stats.samples5xx.push(
            `${method} ${path} → network: ${(err as Error).message} ${cause?.code ?? cause?.message ?? ''}`,
          );
        return null;
      }
    }
  }

  // Reference data: accounts (USD only, so amounts mean the same everywhere) and non-discount charges.
  const accounts = (await call('list', 'GET', '/v1/accounts?pageSize=40'))?.json.accounts as {
    accountNumber: string;
    currency: string;
  }[];
  const catalog = (await call('list', 'GET', '/v1/catalog/products?pageSize=40'))?.json.products as {
    productRatePlans: { productRatePlanCharges: { id: string; name: string }[] }[];
  }[];
  const charges = catalog
    .flatMap((p) => p.productRatePlans.flatMap((pl) => pl.productRatePlanCharges))
    .filter((c) => !/discount/i.test(c.name))
    .map((c) => c.id);
  const pools: Pool[] = accounts
    .filter((a) => a.currency === 'USD')
    .slice(0, Math.max(2, Math.ceil(opts.clients / 5)))
    .map((a) => ({ account: a.accountNumber, dms: [], cms: [], drafts: [] }));

  const ops: [weight: number, name: string, run: (p: Pool) => Promise<unknown>][] = [
    [
      20,
      'list',
      () => call('list', 'GET', `/v1/${pick(['credit-memos', 'debit-memos'])}?pageSize=20&status=Posted&sort=-number`),
    ],
    [
      12,
      'retrieve',
      (p) => {
        const id = pick([...p.dms, ...p.cms]);
        return id
          ? call('retrieve', 'GET', `/v1/${p.dms.includes(id) ? 'debit-memos' : 'credit-memos'}/${id}`)
          : Promise.resolve();
      },
    ],
    [
      14,
      'create',
      async (p) => {
        const kind = pick(['debit-memos', 'credit-memos'] as const)!;
        const autoPost = Math.random() < 0.6;
        const r = await call('create', 'POST', `/v1/${kind}`, {
          accountNumber: p.account,
          autoPost,
          charges: [{ productRatePlanChargeId: pick(charges), amount: money(20, 300) }],
        });
        if (r?.status !== 200 || !r.json.id) return;
        if (!autoPost) p.drafts.push({ kind, id: r.json.id });
        else (kind === 'debit-memos' ? p.dms : p.cms).push(r.json.id);
      },
    ],
    [
      8,
      'post',
      async (p) => {
        const d = p.drafts.pop();
        if (!d) return;
        const r = await call('post', 'PUT', `/v1/${d.kind}/${d.id}/post`);
        if (r?.status === 200) (d.kind === 'debit-memos' ? p.dms : p.cms).push(d.id);
      },
    ],
    [
      12,
      'apply',
      (p) => {
        const cm = pick(p.cms);
        const dm = pick(p.dms);
        return cm && dm
          ? call('apply', 'PUT', `/v1/credit-memos/${cm}/apply`, {
              debitMemos: [{ debitMemoId: dm, amount: money(1, 40) }],
            })
          : Promise.resolve();
      },
    ],
    [
      6,
      'unapply',
      (p) => {
        const cm = pick(p.cms);
        const dm = pick(p.dms);
        return cm && dm
          ? call('unapply', 'PUT', `/v1/credit-memos/${cm}/unapply`, {
              debitMemos: [{ debitMemoId: dm, amount: money(1, 20) }],
            })
          : Promise.resolve();
      },
    ],
    [
      6,
      'refund',
      (p) => {
        const cm = pick(p.cms);
        return cm
          ? call('refund', 'POST', `/v1/credit-memos/${cm}/refunds`, {
              type: 'External',
              methodType: 'Check',
              totalAmount: money(1, 30),
            })
          : Promise.resolve();
      },
    ],
    [
      8,
      'write-off',
      async (p) => {
        const dm = pick(p.dms);
        if (!dm) return;
        const full = Math.random() < 0.3;
        const r = await call(
          'write-off',
          'PUT',
          `/v1/debit-memos/${dm}/write-off`,
          full ? {} : { amount: money(1, 25) },
        );
        if (r?.status === 200 && r.json.creditMemo?.id) p.cms.push(r.json.creditMemo.id);
      },
    ],
  ];
  const total = ops.reduce((s, [w]) => s + w, 0);
  const chooseOp = () => {
    let x = Math.random() * total;
    for (const op of ops) if ((x -= op[0]) < 0) return op;
    return ops[0];
  };

  const started = Date.now();
  const deadline = started + opts.durationMs;
  await Promise.all(
    Array.from({ length: opts.clients }, async (_, i) => {
      const pool = pools[i % pools.length];
      while (Date.now() < deadline && stats.requests < opts.maxRequests) await chooseOp()[2](pool);
    }),
  );
  stats.seconds = (Date.now() - started) / 1000;
  stats.opsPerSecond = Math.round((stats.requests / stats.seconds) * 10) / 10;
  latencies.sort((a, b) => a - b);
  stats.p50ms = Math.round(latencies[Math.floor(latencies.length * 0.5)] ?? 0);
  stats.p95ms = Math.round(latencies[Math.floor(latencies.length * 0.95)] ?? 0);
  return stats;
}

/**
 * One request on its own connection (no keep-alive): fetch's pooled keep-alive sockets race the
 * server's 5 s idle timeout under heavy load (ECONNRESET on a POST), which measures the client, not
 * the server.
 */
function send(
  url: string,
  method: string,
  headers: Record<string, string>,
  body?: string,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: { ...headers, ...(body ? { 'content-length': String(Buffer.byteLength(body)) } : {}) },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          let json: unknown = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode ?? 0, json });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
