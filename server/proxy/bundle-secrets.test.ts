import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CLIENTS } from '../config.ts';

// The built browser code (SPA and embeddable library) must hold no client secret and never call the
// token endpoint with credentials: tokens come from the server (sandbox sign-in) or the host.

const DIST = resolve(import.meta.dirname, '../../dist');
const built = ['app', 'lib'].map((d) => join(DIST, d)).filter((d) => existsSync(d));
if (built.length === 0) console.warn(`Skipping the bundle secret scan: nothing built in ${DIST} (run npm run build).`);

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesOf(p) : [p];
  });
}

describe.runIf(built.length > 0)('built browser bundle', () => {
  it('contains no client secret, client_secret field or token-endpoint call', () => {
    const files = built.flatMap(filesOf).filter((f) => /\.(m?js|html|css|map|json)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const forbidden = ['client_secret', '/oauth/token', ...DEFAULT_CLIENTS.map((c) => c.clientSecret)];
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const needle of forbidden) expect(text.includes(needle), `${needle} found in ${f}`).toBe(false);
    }
  });
});
