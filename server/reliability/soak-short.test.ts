import { expect, test } from 'vitest';
import { formatSoak, soakOn } from '../../scripts/lib/soak.ts';

// The CI form of `npm run soak`: the same module, a few seconds of 50 concurrent clients against the
// real server process on a fresh PGlite data directory. Targets: no 5xx, no lost request, no
// invariant violation afterwards. (The full soak, on both databases: `npm run soak`.)

test('short soak: 50 clients, 0 5xx, 0 invariant violations', async () => {
  const result = await soakOn('pglite', { clients: 50, durationMs: 5_000, maxRequests: 5_000 });
  console.log(formatSoak(result!));
  expect(result!.requests).toBeGreaterThan(20);
  expect(result!.serverErrors, result!.samples5xx.join('\n')).toBe(0);
  expect(result!.networkErrors, result!.samples5xx.join('\n')).toBe(0);
  expect(result!.violations).toEqual([]);
}, 240_000);
