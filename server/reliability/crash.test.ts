import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, test } from 'vitest';
import { DEFAULT_CLIENTS } from '../config.ts';
import { connect, type Connection } from '../db/connect.ts';
import { auditInvariants } from '../domain/invariants.ts';
import { money, sum } from '../../src/lib/money.ts';
import { freshDatabase, startSandbox, tokenFor, type SandboxProcess } from '../../scripts/lib/sandbox-process.ts';

// Crash safety: the real server process runs write-offs, applies and creates from several
// concurrent clients, is killed with SIGKILL mid-flight, and is restarted on the same data. Then: no
// half-done settlement (every write-off credit memo exists fully applied to its debit memo; no
// application without both its documents; every balance identity holds) and no lost committed
// operation (every 2xx the clients saw is there after the restart). PGlite, and PostgreSQL when
// TEST_DATABASE_URL is set.

interface Seen {
  created: string[];
  writeOffCms: { dm: string; cm: string }[];
  applied: Map<string, string[]>;
}

const admin = DEFAULT_CLIENTS[0];
// One database per Vitest project: PGlite in `server`, PostgreSQL in `server-postgres` (vite.config.ts).
const targets: ('pglite' | 'postgres')[] = [process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite'];

describe.each(targets)('crash safety on %s', (db) => {
  test('SIGKILL mid-flight, restart on the same data: nothing half done, nothing committed lost', async () => {
    const dir = db === 'pglite' ? mkdtempSync(join(tmpdir(), 'cdm-crash-')) : null;
    const pgdb = db === 'postgres' ? await freshDatabase(process.env.TEST_DATABASE_URL!, 'cdm_crash') : null;
    const env = {
      ...(dir ? { DATA_DIR: dir } : { DATABASE_URL: pgdb!.url }),
      SEED: 'demo',
      RATE_LIMIT_PER_MINUTE: '0',
    };
    let server: SandboxProcess | null = null;
    try {
      server = await startSandbox(env);
      const seen = await loadUntilKilled(server);
      expect(
        seen.writeOffCms.length + seen.created.length,
        'some operations committed before the kill',
      ).toBeGreaterThan(0);

      server = await startSandbox(env);
      const token = await tokenFor(server.base, admin.clientId, admin.clientSecret);
      const get = async (path: string) => {
        const res = await fetch(`${server!.base}${path}`, { headers: { authorization: `Bearer ${token}` } });
        return { status: res.status, body: (await res.json()) as Record<string, unknown> };
      };
      // Every 2xx the clients saw is visible after the restart.
      for (const id of seen.created) expect((await get(`/v1/debit-memos/${id}`)).status, `created ${id}`).toBe(200);
      for (const { cm } of seen.writeOffCms) {
        const res = await get(`/v1/credit-memos/${cm}`);
        expect(res.status, `write-off CM ${cm}`).toBe(200);
        expect(res.body).toMatchObject({ status: 'Posted', unappliedAmount: 0 });
      }
      await server.stop();
      server = null;

      const conn = await connect(dir ? { dataDir: dir } : { databaseUrl: pgdb!.url });
      try {
        await expectNoHalfDoneSettlement(conn);
        for (const [cm, amounts] of seen.applied) {
          const row = await conn.db
            .selectFrom('memos')
            .select('applied_amount')
            .where('id', '=', cm)
            .executeTakeFirstOrThrow();
          // Only applies ran against these credit memos: what they applied is at least every apply the clients saw succeed.
          expect(
            money(row.applied_amount).gte(sum(amounts)),
            `CM ${cm}: applied ${row.applied_amount} < seen ${sum(amounts).toString()}`,
          ).toBe(true);
        }
      } finally {
        await conn.close();
      }
    } finally {
      await server?.kill();
      if (dir) rmSync(dir, { recursive: true, force: true });
      await pgdb?.drop();
    }
  }, 300_000);
});

/** Concurrent clients write off, apply and create until the server is SIGKILLed under them. */
async function loadUntilKilled(server: SandboxProcess): Promise<Seen> {
  const token = await tokenFor(server.base, admin.clientId, admin.clientSecret);
  const call = async (method: string, path: string, body?: unknown) => {
    try {
      const res = await fetch(`${server.base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'zuora-version': '229.0' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
    } catch {
      return null; // the server died under this request: its outcome is unknown to the client
    }
  };
  const accounts = (await call('GET', '/v1/accounts?pageSize=40'))!.body.accounts as {
    accountNumber: string;
    currency: string;
  }[];
  const account = accounts.find((a) => a.currency === 'USD')!.accountNumber;
  const products = (await call('GET', '/v1/catalog/products?pageSize=40'))!.body.products as {
    productRatePlans: { productRatePlanCharges: { id: string; name: string }[] }[];
  }[];
  const charge = products
    .flatMap((p) => p.productRatePlans.flatMap((pl) => pl.productRatePlanCharges))
    .find((c) => c.name === 'Enterprise Licence')!.id;
  const create = (kind: string, amount: number) =>
    call('POST', `/v1/${kind}`, {
      accountNumber: account,
      autoPost: true,
      charges: [{ productRatePlanChargeId: charge, amount }],
    });

  const seen: Seen = { created: [], writeOffCms: [], applied: new Map() };
  const dms: string[] = [];
  const cms: string[] = [];
  for (let i = 0; i < 8; i++) {
    dms.push((await create('debit-memos', 100))!.body.id);
    if (i < 3) cms.push((await create('credit-memos', 500))!.body.id);
  }
  let alive = true;
  let committed = 0;
  const worker = async (w: number) => {
    for (let i = 0; alive; i++) {
      const op = (w + i) % 3;
      if (op === 0) {
        const dm = dms[(w * 7 + i) % dms.length];
        const res = await call('PUT', `/v1/debit-memos/${dm}/write-off`, { amount: 5 });
        if (res?.status === 200) seen.writeOffCms.push({ dm, cm: res.body.creditMemo.id });
      } else if (op === 1) {
        const cm = cms[(w + i) % cms.length];
        const dm = dms[(w * 3 + i) % dms.length];
        const res = await call('PUT', `/v1/credit-memos/${cm}/apply`, {
          debitMemos: [{ debitMemoId: dm, amount: 1.25 }],
        });
        if (res?.status === 200) seen.applied.set(cm, [...(seen.applied.get(cm) ?? []), '1.25']);
      } else {
        const res = await create('debit-memos', 10);
        if (res?.status === 200) seen.created.push(res.body.id);
      }
      if (alive) committed += 1;
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));
  // Kill once the load is well under way, with requests in flight on every worker.
  while (committed < 24) await new Promise((r) => setTimeout(r, 50));
  await server.kill();
  alive = false;
  await Promise.all(workers);
  return seen;
}

async function expectNoHalfDoneSettlement(conn: Connection): Promise<void> {
  expect(await auditInvariants(conn.db)).toEqual([]);
  // Every write-off credit memo is fully applied, to the debit memo it wrote off.
  const { rows: halfDone } = await sql<{ number: string }>`
    select m.number from memos m
    where m.origin = 'DebitMemoWriteOff'
      and (m.status <> 'Posted' or m.balance <> 0 or m.applied_amount <> m.amount
           or not exists (select 1 from applications a where a.source_id = m.id and a.target_id = m.written_off_memo_id and a.amount = m.amount))`.execute(
    conn.db,
  );
  expect(halfDone).toEqual([]);
  // No application without both of its documents, no application line without its application.
  const { rows: orphans } = await sql<{ id: string }>`
    select a.id from applications a
    where (a.source_type = 'CreditMemo' and not exists (select 1 from memos m where m.id = a.source_id))
       or (a.source_type = 'Payment' and not exists (select 1 from payments p where p.id = a.source_id))
       or (a.target_type = 'DebitMemo' and not exists (select 1 from memos m where m.id = a.target_id))
       or (a.target_type = 'Invoice' and not exists (select 1 from invoices i where i.id = a.target_id))
    union all
    select ai.id from application_items ai where not exists (select 1 from applications a where a.id = ai.application_id)`.execute(
    conn.db,
  );
  expect(orphans).toEqual([]);
}
