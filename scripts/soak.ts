import { parseArgs } from 'node:util';
import { formatSoak, soakOn, type SoakResult } from './lib/soak.ts';

// `npm run soak [-- --duration 60 --db pglite|postgres|both --clients 50 --short]`: loopback only. Starts
// the sandbox itself on 127.0.0.1:4340 (fresh PGlite data directory; a fresh PostgreSQL database when
// one answers at 127.0.0.1:5432 or SOAK_DATABASE_URL), runs the mix, prints ops/s, refusals by Zuora
// category, 5xx count (target 0) and the invariant audit (target 0). Exits 1 when a target is missed.

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    db: { type: 'string', default: 'both' },
    clients: { type: 'string', default: '50' },
    'max-requests': { type: 'string', default: '200000' },
    short: { type: 'boolean', default: false },
  },
});
const durationMs = (values.short ? 5 : Number(values.duration)) * 1000;
const targets = values.db === 'both' ? (['pglite', 'postgres'] as const) : [values.db as 'pglite' | 'postgres'];
let failed = false;
for (const db of targets) {
  const result: SoakResult | null = await soakOn(db, {
    port: 4340,
    clients: Number(values.clients),
    durationMs,
    maxRequests: Number(values['max-requests']),
  });
  if (!result) {
    console.log(`== soak on ${db}: skipped (no PostgreSQL at 127.0.0.1:5432; set SOAK_DATABASE_URL)`);
    continue;
  }
  console.log(formatSoak(result));
  if (result.serverErrors > 0 || result.violations.length > 0 || result.networkErrors > 0) failed = true;
}
process.exit(failed ? 1 : 0);
