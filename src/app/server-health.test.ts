import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, test } from 'vitest';
import { configureClient } from '../api/client.ts';
import { healthQuery } from '../api/sandbox.ts';
import { HEALTH_META } from '../contract/served-page.ts';
import { prefetchListRoute } from '../features/memo-list/index.ts';
import { seedServerHealth } from './server-health.ts';

// The mode the server writes into index.html reaches the query cache, and the list's first request
// starts from it at once instead of after a /healthz round trip.

function withMeta(content: string | null) {
  document.head.querySelector(`meta[name="${HEALTH_META}"]`)?.remove();
  if (content === null) return;
  const meta = document.createElement('meta');
  meta.name = HEALTH_META;
  meta.content = content;
  document.head.append(meta);
}
afterEach(() => withMeta(null));

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('seedServerHealth', () => {
  test("puts the server's answer in the cache under the /healthz query", () => {
    withMeta(JSON.stringify({ status: 'ok', mode: 'proxy', auth: 'trusted-header' }));
    const qc = client();
    expect(seedServerHealth(qc)).toBe(true);
    expect(qc.getQueryData(healthQuery.queryKey)).toMatchObject({ mode: 'proxy', auth: 'trusted-header' });
  });

  test.each([null, '', 'not json', JSON.stringify({ mode: 'elsewhere' })])('leaves the cache alone for %j', (c) => {
    withMeta(c);
    const qc = client();
    expect(seedServerHealth(qc)).toBe(false);
    expect(qc.getQueryData(healthQuery.queryKey)).toBeUndefined();
  });
});

describe('prefetchListRoute', () => {
  test('with the mode known, the list request is in flight at once and /healthz is not asked', async () => {
    // Only whether and what it asks matters here: the requests are kept, and never answered.
    const asked: string[] = [];
    configureClient({
      baseUrl: 'http://tenant.test',
      getToken: () => 'token',
      fetch: (input) => {
        asked.push(new Request(input).url);
        return new Promise<Response>(() => {});
      },
    });
    withMeta(JSON.stringify({ status: 'ok', mode: 'sandbox' }));
    const qc = client();
    seedServerHealth(qc);
    prefetchListRoute(qc, { pathname: '/debit-memos', search: '?page=2' }, true);
    const queries = qc.getQueryCache().findAll();
    const list = queries.find((q) => q.queryKey.includes('list'));
    expect(list?.state.fetchStatus).toBe('fetching');
    expect(qc.getQueryState(healthQuery.queryKey)?.fetchStatus).toBe('idle');
    await expect.poll(() => asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^http:\/\/tenant\.test\/object-query\/debit-memos\?/);
    configureClient({ baseUrl: '', getToken: () => null, fetch: (...args) => globalThis.fetch(...args) });
  });

  test('signed out, nothing is asked', () => {
    const qc = client();
    prefetchListRoute(qc, { pathname: '/credit-memos', search: '' }, false);
    expect(qc.getQueryCache().findAll()).toHaveLength(0);
  });
});
