import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect } from '../db/connect.ts';
import { seedIfEmpty } from '../seed/index.ts';

// Vitest global setup: builds, once per run, the PGlite databases the harness starts every test file from
// (migrated and empty; migrated and demo-seeded) and hands their data-dir tarballs to the workers. A PGlite
// that loads a data dir skips initdb, the migrations and the seed, which cost several seconds per test file
// on this machine. A PostgreSQL run (TEST_DATABASE_URL) needs none of this.

export type TemplateSeed = 'none' | 'demo';
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplates: Partial<Record<TemplateSeed, string>>;
  }
}

export default async function setup(project: TestProject) {
  const env = { ...process.env, ...project.config.env };
  if (env.TEST_DATABASE_URL) {
    project.provide('pgliteTemplates', {});
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'cdm-pglite-'));
  const files: Record<TemplateSeed, string> = { none: join(dir, 'none.tar'), demo: join(dir, 'demo.tar') };
  for (const seed of ['none', 'demo'] as const) {
    const conn = await connect({ dataDir: 'memory://' });
    if (seed === 'demo') await seedIfEmpty(conn.db, 'demo');
    const tarball = await conn.pglite!.dumpDataDir('none');
    writeFileSync(files[seed], new Uint8Array(await tarball.arrayBuffer()));
    await conn.close();
  }
  project.provide('pgliteTemplates', files);
  return () => rmSync(dir, { recursive: true, force: true });
}
