import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import { MEMO_FILTERS, MEMO_SORT } from '../routes/memo-list-spec.ts';
import {
  expectEnvelope,
  expectNoViolations,
  fuzz,
  hostileAmount,
  hostileDate,
  hostileString,
  runs,
  validDate,
  type FuzzRequest,
  NO_RATE_LIMIT,
} from './fuzz-kit.ts';

// Fuzzing the reads that take filters: memo lists (Zuora filters, sort, paging and the sandbox's list
// extras), account search, billing documents, Object Query filters and cursors, and the OAuth token
// endpoint's form. Plus the hostile cases the fuzzers found, pinned as plain tests.

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ env: NO_RATE_LIMIT });
}, 180_000);
afterAll(async () => {
  await expectNoViolations(h);
  await h?.close();
}, 60_000);

const str = (a: fc.Arbitrary<unknown>) => a.map((v) => (typeof v === 'string' ? v : (JSON.stringify(v) ?? '')));
const safe = (s: string) => s.replace(/[\uD800-\uDFFF]/g, '\uFFFD');
const query = (params: [string, string][]) =>
  params.map(([k, v]) => `${encodeURIComponent(safe(k))}=${encodeURIComponent(safe(v))}`).join('&');

const paging = fc.tuple(
  fc.constantFrom('page', 'pageSize'),
  str(fc.oneof(fc.integer({ min: -5, max: 60 }), hostileAmount, hostileString)),
);

describe('reads never answer 5xx and refuse in Zuora envelope', () => {
  test('memo lists: filters, sort, paging, list extras', async () => {
    const kinds = [
      { base: '/v1/credit-memos', kind: 'CreditMemo' as const },
      { base: '/v1/debitmemos', kind: 'DebitMemo' as const },
    ];
    const arb = fc.constantFrom(...kinds).chain(({ base, kind }) => {
      const field = fc.constantFrom(...Object.keys(MEMO_FILTERS[kind]), 'status', 'accountNumber', 'unknown');
      const value = str(
        fc.oneof(
          hostileString,
          hostileAmount,
          hostileDate,
          validDate,
          fc.constantFrom('null', 'Posted', 'Draft,Posted', 'true', 'Yes'),
        ),
      );
      const sortField = fc.constantFrom(...Object.keys(MEMO_SORT[kind]), 'nope', '');
      const sort = fc
        .array(
          fc.tuple(fc.constantFrom('', '-', '+', ' '), sortField).map(([o, f]) => o + f),
          { maxLength: 3 },
        )
        .map((a) => a.join(','));
      const extra = fc.tuple(
        fc.constantFrom(
          'memoDateFrom',
          'memoDateTo',
          'amountFrom',
          'amountTo',
          'openBalance',
          'accountSearch',
          'numberContains',
        ),
        value,
      );
      const param = fc.oneof(fc.tuple(field, value), fc.tuple(fc.constant('sort'), sort), paging, extra);
      return fc
        .array(param, { maxLength: 5 })
        .map((ps): FuzzRequest => ({ method: 'GET', path: `${base}?${query(ps)}` }));
    });
    const s = await fuzz(h, 'memo list', arb, runs(500));
    expect(s.byStatus[200] ?? 0).toBeGreaterThan(0);
  });

  test('account search, billing documents, supporting lists', async () => {
    const arb = fc
      .record({
        path: fc.constantFrom(
          '/v1/accounts',
          '/v1/billing-documents',
          '/v1/accounting-codes',
          '/v1/catalog/products',
          '/settings/reason-codes',
        ),
        params: fc.array(
          fc.oneof(
            fc.tuple(
              fc.constantFrom(
                'search',
                'accountId',
                'accountNumber',
                'sort',
                'status',
                'documentType',
                'transactionType',
              ),
              str(fc.oneof(hostileString, hostileAmount)),
            ),
            paging,
          ),
          { maxLength: 4 },
        ),
      })
      .map(({ path, params }): FuzzRequest => ({ method: 'GET', path: `${path}?${query(params)}` }));
    await fuzz(h, 'account search and supporting lists', arb, runs(300));
  });

  test('object query: filters and cursors', async () => {
    const op = fc.constantFrom('EQ', 'NE', 'LT', 'GT', 'SW', 'IN', 'XX');
    const filter = fc
      .tuple(
        fc.constantFrom('accountNumber', 'name', 'currency', 'status', 'id', 'createdDate', 'balance', 'nope'),
        op,
        str(fc.oneof(hostileString, hostileAmount, hostileDate, fc.constantFrom('[A00000001,A00000002]', '[]', 'USD'))),
      )
      .map(([f, o, v]) => `${f}.${o}:${v}`);
    const cursor = fc.oneof(
      fc.nat({ max: 500 }).map((n) => Buffer.from(String(n)).toString('base64url')),
      fc.constantFrom('1e20', '-1', '99999999999999999999').map((n) => Buffer.from(n).toString('base64url')),
      str(hostileString),
    );
    const arb = fc
      .array(
        fc.oneof(
          fc.tuple(fc.constant('filter[]'), filter),
          fc.tuple(fc.constant('cursor'), cursor),
          fc.tuple(fc.constant('pageSize'), str(fc.oneof(fc.integer({ min: -1, max: 120 }), hostileAmount))),
        ),
        { maxLength: 4 },
      )
      .map((ps): FuzzRequest => ({ method: 'GET', path: `/object-query/accounts?${query(ps)}` }));
    await fuzz(h, 'object query', arb, runs(400));
  });

  test('oauth token form', async () => {
    const client = h.config.clients[0];
    const field = (valid: string) =>
      fc.oneof({ weight: 3, arbitrary: fc.constant(valid) }, { weight: 2, arbitrary: hostileString });
    const arb = fc.record({
      grant_type: fc.option(field('client_credentials'), { nil: undefined }),
      client_id: fc.option(field(client.clientId), { nil: undefined }),
      client_secret: fc.option(field(client.clientSecret), { nil: undefined }),
      type: fc.constantFrom(
        'application/x-www-form-urlencoded',
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
      ),
    });
    const byStatus: Record<number, number> = {};
    await fc.assert(
      fc.asyncProperty(arb, async ({ type, ...form }) => {
        const entries = Object.entries(form).filter(([, v]) => v !== undefined) as [string, string][];
        const body = type === 'application/json' ? JSON.stringify(Object.fromEntries(entries)) : query(entries);
        const res = await h.app.request('/oauth/token', { method: 'POST', headers: { 'content-type': type }, body });
        byStatus[res.status] = (byStatus[res.status] ?? 0) + 1;
        expect(res.status).toBeLessThan(500);
        const json = await res.json();
        if (res.status !== 200) expectEnvelope(json, `oauth ${body}`);
        else expect(json.access_token).toMatch(/^[\w-]+\.[\w-]+$/);
      }),
      { numRuns: runs(300), endOnFailure: true },
    );
    console.log(`[fuzz] oauth token: ${runs(300)} requests, statuses ${JSON.stringify(byStatus)}`);
    expect(byStatus[200] ?? 0).toBeGreaterThan(0);
  });
});

describe('hostile cases found by fuzzing, pinned', () => {
  test('a NUL character in a path key or a body string is a 400 category 20, not a 500', async () => {
    for (const path of [
      '/v1/credit-memos/a%00b',
      '/v1/debit-memos/a%00b/items',
      '/v1/accounts/%00',
      '/v1/invoices/x%00/items',
    ]) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(400);
      expectEnvelope(res.body, path);
      expect(res.body.reasons[0].code % 100).toBe(20);
    }
  });
});
