// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, usdAccountAndLicence, type Harness } from '../../../server/testing/harness.ts';
import { configureClient } from '../client.ts';
import { createStandaloneMemo } from './create-mutations.ts';
import { fetchListPage, streamListRows, type ListRequest } from './list.ts';
import { fetchAccountMatches } from './object-query-list.ts';

// The export walks Object Query's keyset cursor against the real sandbox while other users create memos:
// every memo that existed when it started is exported exactly once (docs/zuora/tenant-read-contract.md A3).

let h: Harness;
let requests = 0;
let onRequest: (() => Promise<void>) | null = null;

beforeAll(async () => {
  h = await createHarness();
  const token = await h.token('admin');
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    fetch: async (input, init) => {
      const req = new Request(input, init);
      if (new URL(req.url).pathname.startsWith('/object-query/credit-memos')) {
        requests++;
        // Between two pages of the walk, someone creates memos.
        await onRequest?.();
      }
      return h.app.request(req);
    },
  });
}, 180_000);
afterAll(() => h?.close());

const existingIds = async () =>
  (await h.conn.db.selectFrom('memos').select('id').where('kind', '=', 'CreditMemo').execute()).map((r) => r.id);

async function createSome(n: number, accountNumber: string, chargeId: string) {
  for (let i = 0; i < n; i++)
    await createStandaloneMemo('CreditMemo', {
      body: { accountNumber, charges: [{ productRatePlanChargeId: chargeId, amount: 1 + i }] },
      idempotencyKey: crypto.randomUUID(),
    });
}

describe('export by cursor while memos are created', () => {
  it.each([
    ['newest number first', 'memoNumber.DESC'],
    ['oldest number first', 'memoNumber.ASC'],
    ['by memo date', 'memoDate.ASC'],
  ])('%s: no row repeated, none of the existing ones missing', async (_name, sort) => {
    const { account, charge } = await usdAccountAndLicence(h);
    const before = await existingIds();
    requests = 0;
    onRequest = () => createSome(2, account.account_number, charge.id);
    const request: ListRequest = { api: 'oq', oq: { filters: [], sort, pageSize: 25 } };
    const rows = await streamListRows('CreditMemo', request, {
      lookup: (t) => fetchAccountMatches(t),
      signal: new AbortController().signal,
    }).finally(() => (onRequest = null));
    const ids = rows.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(before));
    expect(requests).toBeGreaterThan(2);
    expect((await existingIds()).length).toBeGreaterThanOrEqual(before.length + 2 * requests);
  });

  it('cancels between pages', async () => {
    const ac = new AbortController();
    let pages = 0;
    const walk = streamListRows(
      'CreditMemo',
      { api: 'oq', oq: { filters: [], sort: 'memoNumber.DESC', pageSize: 5 } },
      {
        lookup: (t) => fetchAccountMatches(t),
        signal: ac.signal,
        onPage: () => {
          if (++pages === 2) ac.abort();
        },
      },
    );
    await expect(walk).rejects.toThrow();
    expect(pages).toBe(2);
  });

  it('each row carries its account’s name and number from the same request', async () => {
    requests = 0;
    const page = await fetchListPage(
      'CreditMemo',
      { api: 'oq', oq: { filters: ['status.IN:[Posted,Draft]'], sort: 'memoNumber.DESC', pageSize: 30 } },
      (t) => fetchAccountMatches(t),
    );
    expect(requests).toBe(1);
    expect(page.rows.length).toBe(30);
    const names = new Map(
      (await h.conn.db.selectFrom('accounts').select(['id', 'name', 'account_number']).execute()).map((a) => [a.id, a]),
    );
    for (const r of page.rows) {
      expect(r.accountName).toBe(names.get(r.accountId)?.name);
      expect(r.accountNumber).toBe(names.get(r.accountId)?.account_number);
      expect(['Posted', 'Draft']).toContain(r.status);
    }
  });
});
