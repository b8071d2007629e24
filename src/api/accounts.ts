import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { healthQuery, type ApiMode } from './sandbox.ts';
import { accountDetailSchema } from './account-detail.ts';
import { isObjectQueryUnavailable } from './memos/object-query-support.ts';
import { ZuoraApiError } from '../lib/zuora-error.ts';

// Account search for the create forms' account picker. Zuora has no v1 search endpoint: against a real
// tenant (proxy mode) we use Object Query `filter[]=name.SW:<text>` (starts-with, case-sensitive,
// docs/zuora/api-digest.md §8.2); the sandbox also serves `GET /v1/accounts?search=` (name or number contains).
// A tenant without Object Query can still be searched by an exact account number or id: `GET /v1/accounts/{key}`.

export const accountSummarySchema = z
  .object({
    id: z.string(),
    accountNumber: z.string(),
    name: z.string(),
    currency: z.string(),
    status: z.string().nullish(),
  })
  .loose();
export type AccountSummary = z.infer<typeof accountSummarySchema>;

const sandboxSearchSchema = z.object({ accounts: z.array(accountSummarySchema), success: z.literal(true) }).loose();

// Object Query names fields in the data model's lower case (`accountnumber`); accept both spellings.
const objectQueryAccountSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    currency: z.string(),
    accountNumber: z.string().optional(),
    accountnumber: z.string().optional(),
    status: z.string().nullish(),
  })
  .loose()
  .transform((a) => ({
    id: a.id,
    name: a.name,
    currency: a.currency,
    status: a.status,
    accountNumber: a.accountNumber ?? a.accountnumber ?? '',
  }));
const objectQuerySearchSchema = z.object({ data: z.array(objectQueryAccountSchema) }).loose();

export const accountKeys = {
  all: ['accounts'] as const,
  search: (mode: ApiMode, text: string) => [...accountKeys.all, 'search', mode, text] as const,
};

export interface AccountSearchResult {
  accounts: AccountSummary[];
  /** The tenant has no Object Query: only an exact account number (or id) finds an account. */
  exactKeyOnly: boolean;
}

export async function searchAccounts(mode: ApiMode, text: string, signal?: AbortSignal): Promise<AccountSearchResult> {
  if (mode === 'sandbox') {
    const r = await zuoraRequest('/v1/accounts', {
      schema: sandboxSearchSchema,
      query: { search: text, pageSize: 20 },
      signal,
    });
    return { accounts: r.accounts, exactKeyOnly: false };
  }
  try {
    const r = await zuoraRequest('/object-query/accounts', {
      schema: objectQuerySearchSchema,
      query: {
        'filter[]': text ? [`name.SW:${text}`] : [],
        'fields[]': ['id,name,accountnumber,currency,status'],
        pageSize: 20,
      },
      signal,
    });
    return { accounts: r.data, exactKeyOnly: false };
  } catch (e) {
    if (!isObjectQueryUnavailable(e)) throw e;
    return { accounts: text ? await accountByKey(text, signal) : [], exactKeyOnly: true };
  }
}

/** The account whose number or id is exactly `key`, or none. */
async function accountByKey(key: string, signal?: AbortSignal): Promise<AccountSummary[]> {
  try {
    const a = await zuoraRequest(`/v1/accounts/${encodeURIComponent(key)}`, { schema: accountDetailSchema, signal });
    const { id, accountNumber, name } = a.basicInfo;
    return [{ id, accountNumber, name, currency: a.billingAndPayment?.currency ?? '' }];
  } catch (e) {
    // Not found: HTTP 404, or HTTP 200 with `success:false` and a category-40 code (real Zuora does both).
    if (e instanceof ZuoraApiError && (e.status === 404 || e.category === 40)) return [];
    throw e;
  }
}

export const accountSearchQuery = (mode: ApiMode, text: string) =>
  queryOptions({
    queryKey: accountKeys.search(mode, text),
    queryFn: ({ signal }) => searchAccounts(mode, text, signal),
    staleTime: 60_000,
    // The suggestions shown stay while a narrower search loads: replaced by "Loading…" they vanished under a
    // click on one of them (typed "Acme", clicked Acme Corporation: nothing picked).
    placeholderData: keepPreviousData,
  });

/** Accounts whose name (or, in the sandbox, number) matches `text`; waits for the server's mode. */
export function useAccountSearch(text: string) {
  const health = useQuery(healthQuery);
  const mode = health.data?.mode;
  return useQuery({ ...accountSearchQuery(mode ?? 'sandbox', text), enabled: Boolean(mode) });
}
