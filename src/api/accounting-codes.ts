import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { WRITE_OFF_ACCOUNTING_CODE_TYPES } from '../contract/write-off.ts';

// GET /v1/accounting-codes (docs/zuora/api-digest.md §8.6): at most 300 per page and no filter parameters, so the
// SPA reads the first page once per session and filters by type/status client-side.

export const accountingCodeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.string(),
    category: z.string().nullish(),
    status: z.string(),
    glAccountName: z.string().nullish(),
    glAccountNumber: z.string().nullish(),
  })
  .loose();
export type AccountingCode = z.infer<typeof accountingCodeSchema>;

export const accountingCodeListSchema = z.object({
  accountingCodes: z.array(accountingCodeSchema),
  nextPage: z.string().nullish(),
  success: z.literal(true),
});

export const accountingCodeKeys = { all: ['accounting-codes'] as const };

export const accountingCodesQuery = () =>
  queryOptions({
    queryKey: accountingCodeKeys.all,
    queryFn: ({ signal }) =>
      zuoraRequest('/v1/accounting-codes', { schema: accountingCodeListSchema, query: { pageSize: 300 }, signal }).then(
        (r) => r.accountingCodes,
      ),
    staleTime: 5 * 60_000,
  });

export const useAccountingCodes = () => useQuery(accountingCodesQuery());

/** Codes a non-revenue write-off may book to: active BadDebt / OtherExpenses. */
export function writeOffExpenseCodes(codes: readonly AccountingCode[]): AccountingCode[] {
  return codes.filter(
    (c) => c.status === 'Active' && (WRITE_OFF_ACCOUNTING_CODE_TYPES as readonly string[]).includes(c.type),
  );
}
