import { zuoraRequest } from '../client.ts';
import { accountDetailSchema, type AccountDetail } from '../account-detail.ts';
import { oqAccountPageSchema } from '../../contract/object-query-memos.ts';
import { OQ_MAX_PAGE_SIZE } from './object-query-list.ts';
import { isObjectQueryUnavailable } from './object-query-support.ts';

// Zuora's documented debit memo list leaves `currency` out of its rows (docs/zuora/openapi/README.md, row 1), and
// Object Query leaves out a field it holds as null: a row without its currency takes its account's. What it costs:
// nothing when every row carries its currency (the sandbox and most tenants); otherwise ONE Object Query request for
// the whole page (`GET /object-query/accounts?filter[]=id.IN:[…]&fields[]=id,currency`: a page has at most 99 rows,
// so at most 99 accounts, Object Query's page size). A tenant without Object Query (404/405) has no call that reads
// several accounts at once: there it is one `GET /v1/accounts/{id}` per distinct account of the page, never one per
// row, through the list's cache: the same read gives the row its account's name, and a later page reuses it.

export interface RowCurrencyOptions {
  signal?: AbortSignal;
  /** false when the tenant has just refused Object Query (the list's classic fallback): go straight to v1 reads. */
  objectQuery: boolean;
  /** `GET /v1/accounts/{id}`, through the caller's cache: the list also reads it for the account's name. */
  readAccount?: (id: string) => Promise<AccountDetail>;
}

export async function withCurrency<R extends { accountId: string; currency?: string | null }>(
  rows: R[],
  opts: RowCurrencyOptions,
): Promise<(R & { currency: string })[]> {
  const missing = [...new Set(rows.filter((r) => !r.currency).map((r) => r.accountId))];
  const found = missing.length ? await accountCurrencies(missing, opts) : new Map<string, string>();
  // '' when even the account has none: amounts then show without a currency sign rather than fail the page.
  return rows.map((r) => ({ ...r, currency: r.currency || found.get(r.accountId) || '' }));
}

async function accountCurrencies(ids: string[], opts: RowCurrencyOptions): Promise<Map<string, string>> {
  if (opts.objectQuery) {
    try {
      return await byObjectQuery(ids, opts.signal);
    } catch (e) {
      if (!isObjectQueryUnavailable(e)) throw e;
    }
  }
  return byAccountReads(ids, opts.readAccount ?? ((id) => readAccount(id, opts.signal)));
}

async function byObjectQuery(ids: string[], signal?: AbortSignal): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  // One request for a page of the list; only a caller with more than 99 accounts would need a second.
  for (let i = 0; i < ids.length; i += OQ_MAX_PAGE_SIZE) {
    const chunk = ids.slice(i, i + OQ_MAX_PAGE_SIZE);
    const r = await zuoraRequest('/object-query/accounts', {
      schema: oqAccountPageSchema,
      signal,
      query: { pageSize: OQ_MAX_PAGE_SIZE, 'filter[]': [`id.IN:[${chunk.join(',')}]`], 'fields[]': ['id,currency'] },
    });
    for (const a of r.data) if (a.currency) found.set(a.id, a.currency);
  }
  return found;
}

async function byAccountReads(
  ids: string[],
  read: (id: string) => Promise<AccountDetail>,
): Promise<Map<string, string>> {
  return new Map(
    await Promise.all(ids.map(async (id) => [id, (await read(id)).billingAndPayment?.currency ?? ''] as const)),
  );
}

const readAccount = (id: string, signal?: AbortSignal) =>
  zuoraRequest(`/v1/accounts/${encodeURIComponent(id)}`, { schema: accountDetailSchema, signal });
