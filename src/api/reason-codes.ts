import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';

// Reason codes per transaction type (sandbox `GET /settings/reason-codes?transactionType=`; Zuora keeps
// them in Billing settings, docs/zuora/api-digest.md §8.7). Inactive codes are never offered in a picker.

export type ReasonCodeTransactionType = 'CreditMemo' | 'DebitMemo' | 'CreditMemoRefund' | 'PaymentRefund';

export const reasonCodeSchema = z
  .object({
    name: z.string(),
    transactionType: z.string().nullish(),
    status: z.string().nullish(),
    isDefault: z.boolean().nullish(),
    default: z.boolean().nullish(),
  })
  .loose();
export type ReasonCode = z.infer<typeof reasonCodeSchema>;

const reasonCodeListSchema = z.object({ reasonCodes: z.array(reasonCodeSchema), success: z.literal(true) }).loose();

export const reasonCodeKeys = {
  all: ['reason-codes'] as const,
  of: (transactionType: ReasonCodeTransactionType) => [...reasonCodeKeys.all, transactionType] as const,
};

export const reasonCodesQuery = (transactionType: ReasonCodeTransactionType) =>
  queryOptions({
    queryKey: reasonCodeKeys.of(transactionType),
    queryFn: ({ signal }) =>
      zuoraRequest('/settings/reason-codes', { schema: reasonCodeListSchema, query: { transactionType }, signal }).then(
        (r) => r.reasonCodes.filter((c) => (c.status ?? 'Active') === 'Active'),
      ),
    // Settings a billing clerk does not change mid-session: asked once per session (per type).
    staleTime: Infinity,
    gcTime: Infinity,
  });

export const useReasonCodes = (transactionType: ReasonCodeTransactionType) =>
  useQuery(reasonCodesQuery(transactionType));

/** The type's default code (flagged by the server, else the first), for prefilling a picker. */
export function defaultReasonCode(codes: readonly ReasonCode[] | undefined): string {
  const list = codes ?? [];
  return (list.find((c) => c.isDefault || c.default) ?? list[0])?.name ?? '';
}
