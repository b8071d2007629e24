import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { healthQuery, type ApiMode } from './sandbox.ts';

// Account search for the create forms' account picker. Zuora has no v1 search endpoint: against a real
// tenant (proxy mode) we use Object Query `filter[]=name.SW:<text>` (starts-with, case-sensitive,
// docs/zuora/api-digest.md §8.2); the sandbox also serves `GET /v1/accounts?search=` (name or number contains).

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

export async function searchAccounts(mode: ApiMode, text: string, signal?: AbortSignal): Promise<AccountSummary[]> {
  if (mode === 'sandbox') {
    const r = await zuoraRequest('/v1/accounts', {
      schema: sandboxSearchSchema,
      query: { search: text, pageSize: 20 },
      signal,
    });
    return r.accounts;
  }
  const r = await zuoraRequest('/object-query/accounts', {
    schema: objectQuerySearchSchema,
    query: {
      'filter[]': text ? [`name.SW:${text}`] : [],
      'fields[]': ['id,name,accountnumber,currency,status'],
      pageSize: 20,
    },
    signal,
  });
  return r.data;
}

export const accountSearchQuery = (mode: ApiMode, text: string) =>
  queryOptions({
    queryKey: accountKeys.search(mode, text),
    queryFn: ({ signal }) => searchAccounts(mode, text, signal),
    staleTime: 60_000,
  });

/** Accounts whose name (or, in the sandbox, number) matches `text`; waits for the server's mode. */
export function useAccountSearch(text: string) {
  const health = useQuery(healthQuery);
  const mode = health.data?.mode;
  return useQuery({ ...accountSearchQuery(mode ?? 'sandbox', text), enabled: Boolean(mode) });
}
