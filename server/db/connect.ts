import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.ts';
import type { DB } from './types.ts';
import { migrate } from './migrations.ts';

export type Database = Kysely<DB>;

// Dates, timestamps and numerics come back as strings on both drivers: dates stay yyyy-mm-dd,
// money stays exact (no float parse) until it reaches src/lib/money.
const DATE = 1082,
  TIMESTAMP = 1114,
  NUMERIC = 1700,
  INT8 = 20;
const asString = (v: string) => v;
const timestamp = (v: string) => v.slice(0, 19);

export interface ConnectOptions {
  /** PostgreSQL URL; when absent an embedded PGlite is used. */
  databaseUrl?: string;
  /** PGlite data directory, or `memory://` for a throwaway database. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (tests stamp out a migrated template). */
  loadDataDir?: Blob | File;
}

export interface Connection {
  db: Database;
  kind: 'pglite' | 'postgres';
  pglite?: PGlite;
  close(): Promise<void>;
}

export async function connect(opts: ConnectOptions): Promise<Connection> {
  if (opts.databaseUrl) {
    pg.types.setTypeParser(DATE, asString);
    pg.types.setTypeParser(TIMESTAMP, timestamp);
    pg.types.setTypeParser(NUMERIC, asString);
    pg.types.setTypeParser(INT8, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle client whose backend goes away (server restart, dropped database) emits 'error' on the
    // pool; without a listener that is an uncaught exception that kills the process. The pool discards
    // the client by itself, and the next query opens a fresh one.
    pool.on('error', (err) => console.warn(`postgres: idle connection lost (${err.message})`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  const pglite = await PGlite.create({
    dataDir: opts.dataDir && opts.dataDir !== 'memory://' ? opts.dataDir : undefined,
    loadDataDir: opts.loadDataDir,
    parsers: { [DATE]: asString, [TIMESTAMP]: timestamp, [NUMERIC]: asString, [INT8]: (v: string) => Number(v) },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await migrate(db);
  return { db, kind: 'pglite', pglite, close: () => db.destroy() };
}
