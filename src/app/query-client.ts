import { QueryClient } from '@tanstack/react-query';
import { ZuoraApiError } from '../lib/zuora-error.ts';

/** Retries only what a retry can fix: network failures, locking contention (50), temporary errors (61). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (count, error) =>
          count < 2 && (!(error instanceof ZuoraApiError) || error.status === 0 || [50, 61].includes(error.category)),
      },
      mutations: { retry: false },
    },
  });
}
