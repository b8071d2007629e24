import { queryOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';

// `GET /v1/payments/{key}` (docs/zuora/api-digest.md §8.4): a debit memo's Applications name each payment by number.

export const paymentSummarySchema = z.object({ id: z.string(), number: z.string(), success: z.literal(true) }).loose();

export const paymentKeys = {
  all: ['payments'] as const,
  detail: (key: string) => [...paymentKeys.all, 'detail', key] as const,
};

export const paymentDetailQuery = (key: string) =>
  queryOptions({
    queryKey: paymentKeys.detail(key),
    queryFn: ({ signal }) =>
      zuoraRequest(`/v1/payments/${encodeURIComponent(key)}`, { schema: paymentSummarySchema, signal }),
    staleTime: 5 * 60_000,
  });
