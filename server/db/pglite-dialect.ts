import type { PGlite } from '@electric-sql/pglite';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
} from 'kysely';

// A small Kysely dialect over one PGlite instance. PGlite has a single connection, so Kysely gets it
// one user at a time behind a mutex (a transaction holds it until commit), and affected-row counts
// are reported (kysely-pglite gets both wrong: its affected-row counts and transaction isolation).

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => (release = r));
    const prev = this.#tail;
    this.#tail = prev.then(() => next);
    return prev.then(() => release);
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(readonly db: PGlite) {}
  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.db.query<R>(q.sql, [...q.parameters]);
    const write = /^\s*(with[\s\S]*?\)\s*)?(insert|update|delete|merge)/i.test(q.sql);
    return {
      rows: res.rows,
      ...(write && res.affectedRows !== undefined ? { numAffectedRows: BigInt(res.affectedRows) } : {}),
    };
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('PGlite dialect: streaming is not supported');
  }
}

class PGliteDriver implements Driver {
  #mutex = new Mutex();
  #release = new WeakMap<DatabaseConnection, () => void>();
  constructor(
    private readonly db: PGlite,
    private readonly closeOnDestroy: boolean,
  ) {}
  async init() {}
  async acquireConnection() {
    const release = await this.#mutex.lock();
    const conn = new PGliteConnection(this.db);
    this.#release.set(conn, release);
    return conn;
  }
  async beginTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('BEGIN'));
  }
  async commitTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('COMMIT'));
  }
  async rollbackTransaction(c: DatabaseConnection) {
    await c.executeQuery(CompiledQuery.raw('ROLLBACK'));
  }
  async releaseConnection(c: DatabaseConnection) {
    this.#release.get(c)?.();
    this.#release.delete(c);
  }
  async destroy() {
    if (this.closeOnDestroy) await this.db.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(
    private readonly db: PGlite,
    private readonly opts: { closeOnDestroy?: boolean } = {},
  ) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.db, this.opts.closeOnDestroy ?? true);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
}
