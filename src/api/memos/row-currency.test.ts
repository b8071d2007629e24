// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../../../server/testing/harness.ts';
import { startSandbox } from '../../test/sandbox-client.ts';
import { fetchMemoPage } from './list.ts';
import { withCurrency } from './row-currency.ts';

// A list row without `currency` (Zuora's documented debit memo list) takes its account's: one request for the
// page, never one per row (issue 14, item 1). The rows are the sandbox's own page with their currency taken out,
// as Zuora's example sends them; the accounts are read from the sandbox.

let h: Harness;
let sent: URL[] = [];
/** A tenant without Object Query: the sandbox's own answer to a path it does not serve (404). */
let objectQueryEnabled = true;

beforeAll(async () => {
  ({ h } = await startSandbox('admin', {
    route: (req) => {
      const url = new URL(req.url);
      sent.push(url);
      if (objectQueryEnabled || !url.pathname.startsWith('/object-query/')) return req;
      return new Request(req.url.replace('/object-query/', '/object-query/not-enabled/'), req);
    },
  }));
}, 180_000);
afterAll(() => h?.close());

/** A page of 40 debit memos as the sandbox sends it, and the same rows without their currency. */
async function pageWithoutCurrency() {
  const page = await fetchMemoPage('DebitMemo', { pageSize: '40', page: '1' });
  const rows = page.rows.map((r) => ({ ...r, currency: undefined as string | undefined }));
  const accounts = new Set(rows.map((r) => r.accountId));
  expect(accounts.size).toBeGreaterThan(3); // several accounts on the page, or the count below proves nothing
  return { truth: page.rows.map((r) => r.currency), rows, accounts };
}

describe('a page of rows without currency', () => {
  it('reads every account of the page in one Object Query request', async () => {
    const { truth, rows } = await pageWithoutCurrency();
    sent = [];
    const filled = await withCurrency(rows, { objectQuery: true });
    expect(filled.map((r) => r.currency)).toEqual(truth);
    expect(sent.map((u) => u.pathname)).toEqual(['/object-query/accounts']);
    expect(sent[0]!.searchParams.getAll('filter[]')).toEqual([expect.stringMatching(/^id\.IN:\[/)]);
  });

  it('on a tenant without Object Query: one v1 account read per distinct account, never one per row', async () => {
    const { truth, rows, accounts } = await pageWithoutCurrency();
    sent = [];
    objectQueryEnabled = false;
    const filled = await withCurrency(rows, { objectQuery: true }).finally(() => (objectQueryEnabled = true));
    expect(filled.map((r) => r.currency)).toEqual(truth);
    expect(sent.map((u) => u.pathname).filter((p) => p.startsWith('/object-query/'))).toHaveLength(1);
    const reads = sent.filter((u) => u.pathname.startsWith('/v1/accounts/'));
    expect(reads).toHaveLength(accounts.size);
    expect(reads.length).toBeLessThan(rows.length);
  });

  it('after the list itself found no Object Query, goes straight to the v1 reads', async () => {
    const { rows, accounts } = await pageWithoutCurrency();
    sent = [];
    await withCurrency(rows, { objectQuery: false });
    expect(sent.every((u) => u.pathname.startsWith('/v1/accounts/'))).toBe(true);
    expect(sent).toHaveLength(accounts.size);
  });

  it('costs nothing when every row carries its currency', async () => {
    const page = await fetchMemoPage('DebitMemo', { pageSize: '40', page: '1' });
    sent = [];
    await withCurrency(page.rows, { objectQuery: true });
    expect(sent).toEqual([]);
  });
});
