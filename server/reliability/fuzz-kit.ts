import fc from 'fast-check';
import { expect } from 'vitest';
import type { Harness } from '../testing/harness.ts';
import { auditInvariants } from '../domain/invariants.ts';
import { addDays } from '../../src/lib/dates.ts';

// Property-based fuzzing of the sandbox API: generators of valid and hostile request parts,
// and the one property every request must keep — never a 5xx, and a refusal always in Zuora's envelope
// `{success:false, reasons:[{code: 8 digits, message}]}`. FUZZ_RUNS scales every endpoint's run count
// (default 1 = the CI budget, ≈4,450 requests; FUZZ_RUNS=5 is the on-demand deep run, ≈22,250).

export const FUZZ_SCALE = Number(process.env.FUZZ_RUNS ?? 1);
export const runs = (base: number) => Math.max(1, Math.round(base * FUZZ_SCALE));

/** A marker for "leave this field out". */
export const ABSENT = Symbol('absent');

export const SQL_AND_HTML = [
  "'; drop table memos; --",
  "' or '1'='1",
  '<img src=x onerror=alert(1)>',
  '<script>alert(1)</script>',
  '"><svg/onload=alert(1)>',
  '${7*7}{{7*7}}',
  '%00',
  '../../etc/passwd',
];

/** Strings a hostile or careless client sends: control characters, NUL, bidi overrides, lone surrogates, emoji, long. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom(
    ...SQL_AND_HTML,
    '',
    ' ',
    '\u0000',
    'a\u0000b',
    '\u202etxt.exe',
    '\uD800',
    '\uDFFF',
    '💥🧾',
    '\r\n\t',
    'é'.normalize('NFD'),
  ),
  fc.integer({ min: 256, max: 5000 }).map((n) => 'x'.repeat(n)),
);

/** Amounts: plausible ones, and negative, too precise, huge, non-finite-as-JSON, strings and other types. */
export const hostileAmount: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    0,
    -0.01,
    -1,
    0.001,
    0.005,
    1e-9,
    1e15,
    1e21,
    2 ** 53 + 2,
    Number.MAX_VALUE,
    123456789012.345,
    '10',
    '1e3',
    'abc',
    '',
    null,
    true,
    [],
    {},
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

export const validDate = fc.integer({ min: 0, max: 4 * 365 }).map((n) => addDays('2024-01-01', n));

export const hostileDate: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    '2024-02-30',
    '2023-02-29',
    '0000-01-01',
    '9999-12-31',
    '10000-01-01',
    '2024-13-01',
    '2024-1-1',
    '2024-01-01T00:00:00Z',
    '01/02/2024',
    '',
    20240101,
    null,
  ),
  fc.string({ maxLength: 12 }),
);

/** Any value of any JSON type, including deep and odd ones. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileString, hostileAmount);

/**
 * An object shaped like a request. Two times in five every field is valid (each present with
 * probability 3/4); otherwise each field is usually valid, sometimes hostile or left out, and unknown
 * or custom fields are sometimes added.
 */
export function fuzzObject(
  fields: Record<string, fc.Arbitrary<unknown>>,
  hostile: Record<string, fc.Arbitrary<unknown>> = {},
): fc.Arbitrary<Record<string, unknown>> {
  const entries = Object.entries(fields);
  const valid = fc.record(
    Object.fromEntries(
      entries.map(([k, v]) => [
        k,
        fc.oneof({ weight: 3, arbitrary: v }, { weight: 1, arbitrary: fc.constant(ABSENT) }),
      ]),
    ),
  );
  const mutated = fc.record(
    Object.fromEntries(
      entries.map(([k, v]) => [
        k,
        fc.oneof(
          { weight: 8, arbitrary: v },
          { weight: 2, arbitrary: hostile[k] ?? anyJson },
          { weight: 1, arbitrary: fc.constant(ABSENT) },
        ),
      ]),
    ),
  );
  const extras = fc.oneof(
    { weight: 6, arbitrary: fc.constant({}) },
    {
      weight: 1,
      arbitrary: fc.dictionary(
        fc.oneof(
          fc.constantFrom('unknownField', 'id', 'success', '__proto__', 'constructor', 'Region__c', 'x__NS'),
          hostileString,
        ),
        anyJson,
        { maxKeys: 3 },
      ),
    },
  );
  return fc
    .oneof(
      { weight: 2, arbitrary: fc.tuple(valid, fc.constant({})) },
      { weight: 3, arbitrary: fc.tuple(mutated, extras) },
    )
    .map(([rec, extra]) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(rec)) if (v !== ABSENT) out[k] = v;
      for (const [k, v] of Object.entries(extra))
        Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
      return out;
    });
}

/** A body: usually the shaped object, sometimes any JSON value or text that is not JSON at all. */
export function fuzzBody(shaped: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 12, arbitrary: shaped },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
    {
      weight: 1,
      arbitrary: fc
        .constantFrom('{', '{"a":', 'not json', '[1,2', '\u0000', '{"amount": 1e999}', '{"a":1}{"b":2}')
        .map((s) => new RawText(s)),
    },
  );
}

/** A body sent as the given text, not JSON-encoded. */
export class RawText {
  constructor(readonly text: string) {}
}

/** A path segment: usually one of the given keys, sometimes hostile (URL-encoded). */
export function fuzzKey(keys: string[]): fc.Arbitrary<string> {
  return fc
    .oneof(
      { weight: 6, arbitrary: fc.constantFrom(...keys) },
      { weight: 1, arbitrary: hostileString.filter((s) => s.length > 0 && s.length < 300) },
    )
    .map(encodeSegment);
}

/** encodeURIComponent, except a lone surrogate becomes its (invalid) UTF-8 bytes: hostile on purpose. */
function encodeSegment(k: string): string {
  try {
    return encodeURIComponent(k);
  } catch {
    return [...k].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

export interface FuzzRequest {
  method: string;
  path: string;
  body?: unknown;
}

export interface FuzzStats {
  requests: number;
  byStatus: Record<number, number>;
}

/** Sends a generated request and checks the universal property. Returns the status. */
export async function sendAndCheck(
  h: Harness,
  req: FuzzRequest,
  role: 'admin' | 'clerk' | 'viewer' = 'admin',
): Promise<number> {
  const body = req.body instanceof RawText ? req.body.text : req.body;
  const res = await h.call(req.method, req.path, body, { role });
  const where = `${req.method} ${req.path} ${truncate(JSON.stringify(req.body instanceof RawText ? req.body.text : req.body))}`;
  expect(res.status, `5xx for ${where}: ${JSON.stringify(res.body)}`).toBeLessThan(500);
  const refused =
    res.status >= 400 || (typeof res.body === 'object' && res.body !== null && res.body.success === false);
  if (refused) expectEnvelope(res.body, where, req.path.startsWith('/object-query/'));
  return res.status;
}

/** Zuora's error envelope; Object Query's has no `success` but a `requestId` (docs/zuora/tenant-read-contract.md A6). */
export function expectEnvelope(body: unknown, where: string, objectQuery = false): void {
  const b = body as { success?: unknown; requestId?: unknown; reasons?: { code?: unknown; message?: unknown }[] };
  if (objectQuery) {
    expect(b?.success, `a success flag in Object Query's envelope for ${where}`).toBeUndefined();
    expect(typeof b?.requestId, `no requestId for ${where}: ${truncate(JSON.stringify(body))}`).toBe('string');
  } else expect(b?.success, `no envelope for ${where}: ${truncate(JSON.stringify(body))}`).toBe(false);
  expect(Array.isArray(b.reasons) && b.reasons.length > 0, `no reasons for ${where}`).toBe(true);
  for (const r of b.reasons!) {
    expect(
      Number.isInteger(r.code) && String(r.code).length === 8,
      `code ${String(r.code)} is not 8 digits for ${where}`,
    ).toBe(true);
    expect(typeof r.message === 'string' && r.message.length > 0, `no message for ${where}`).toBe(true);
  }
}

/** Runs `numRuns` generated requests through the property; returns the status histogram. */
export async function fuzz(
  h: Harness,
  name: string,
  arb: fc.Arbitrary<FuzzRequest>,
  numRuns: number,
  role?: 'admin' | 'clerk' | 'viewer',
): Promise<FuzzStats> {
  const stats: FuzzStats = { requests: 0, byStatus: {} };
  await fc.assert(
    fc.asyncProperty(arb, async (req) => {
      const status = await sendAndCheck(h, req, role);
      stats.requests += 1;
      stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
    }),
    { numRuns, endOnFailure: true, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
  );
  console.log(`[fuzz] ${name}: ${stats.requests} requests, statuses ${JSON.stringify(stats.byStatus)}`);
  return stats;
}

export async function expectNoViolations(h: Harness): Promise<void> {
  const violations = await auditInvariants(h.conn.db);
  expect(violations, JSON.stringify(violations.slice(0, 5))).toEqual([]);
}

const truncate = (s: string | undefined) => (s && s.length > 300 ? `${s.slice(0, 300)}…(${s.length})` : s);

/** Fuzzers send hundreds of requests a second as one client: the rate limit would answer most of them. */
export const NO_RATE_LIMIT = { RATE_LIMIT_PER_MINUTE: '0' };
