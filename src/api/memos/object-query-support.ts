import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { ZuoraApiError } from '../../lib/zuora-error.ts';

// Whether the tenant answers Object Query (docs/zuora/tenant-read-contract.md A10). Assumed until an Object Query
// read answers 404 or 405 (not enabled on the tenant, or a tenant on Zuora's 2023 spec, which has no
// /object-query); from then on, for the session, the list reads Zuora's classic v1 list and offers only the
// filters that list serves. Kept in the query cache, so signing out (which clears it) asks again.

const objectQuerySupportKey = ['tenant', 'objectQuery'] as const;

const objectQuerySupportQuery = queryOptions({
  queryKey: objectQuerySupportKey,
  queryFn: () => true,
  initialData: true,
  staleTime: Infinity,
  gcTime: Infinity,
});

/** The answer of a tenant without Object Query to an Object Query read. */
export const isObjectQueryUnavailable = (e: unknown): boolean =>
  e instanceof ZuoraApiError && (e.status === 404 || e.status === 405);

export function markObjectQueryUnavailable(client: QueryClient): void {
  client.setQueryData(objectQuerySupportKey, false);
}

/** What the session knows now, for a read outside React (the list's query function). */
export const objectQuerySupported = (client: QueryClient): boolean =>
  client.getQueryData<boolean>(objectQuerySupportKey) ?? true;

export function useObjectQuerySupport(): boolean {
  return useQuery(objectQuerySupportQuery).data;
}
