import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { constants, brotliCompress, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

// Brotli and gzip copies of every text asset the build writes (name.js.br, name.js.gz), made once at
// build time at the highest levels, so the server sends them without compressing per request
// (server/static-site.ts). node:zlib, not a plugin: the well-known ones lag Vite's major versions.

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text files; images and fonts of this app are already compressed formats or tiny. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|xml|webmanifest)$/i;

/** Writes `.br` and `.gz` beside every compressible file under `dir`; returns the files compressed. */
export async function compressAssets(dir: string): Promise<string[]> {
  const done: string[] = [];
  for (const entry of await readdir(dir, { recursive: true })) {
    const path = join(dir, entry);
    if (!COMPRESSIBLE.test(path) || !(await stat(path)).isFile()) continue;
    const data = await readFile(path);
    const [br, gzipped] = await Promise.all([
      brotli(data, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
        },
      }),
      gz(data, { level: constants.Z_BEST_COMPRESSION }),
    ]);
    await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gzipped)]);
    done.push(entry);
  }
  return done;
}

/** The Vite plugin: compresses the output directory once everything is written. */
export function compressedCopies(): Plugin {
  let outDir = 'dist';
  return {
    name: 'compressed-copies',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    // writeBundle, not closeBundle: closeBundle runs after a failed build too, where its missing output
    // would hide the build's own error behind an ENOENT.
    async writeBundle() {
      await compressAssets(outDir);
    },
  };
}
