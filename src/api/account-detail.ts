import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';

// `GET /v1/accounts/{key}` (docs/zuora/api-digest.md §8.2): the memo page needs the account's name and number, and
// the bill-to contact's email for the Email dialog.

const contactSchema = z
  .object({
    id: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    workEmail: z.string().nullish(),
    personalEmail: z.string().nullish(),
  })
  .loose();

export const accountDetailSchema = z
  .object({
    basicInfo: z.object({ id: z.string(), accountNumber: z.string(), name: z.string() }).loose(),
    billingAndPayment: z
      .object({ currency: z.string().nullish(), additionalEmailAddresses: z.array(z.string()).nullish() })
      .loose()
      .nullish(),
    billToContact: contactSchema.nullish(),
    success: z.literal(true),
  })
  .loose();
export type AccountDetail = z.infer<typeof accountDetailSchema>;

export const accountDetailKeys = { detail: (key: string) => ['accounts', 'detail', key] as const };

export const accountDetailQuery = (key: string) =>
  queryOptions({
    queryKey: accountDetailKeys.detail(key),
    queryFn: ({ signal }) =>
      zuoraRequest(`/v1/accounts/${encodeURIComponent(key)}`, { schema: accountDetailSchema, signal }),
    staleTime: 5 * 60_000,
  });

export const useAccountDetail = (key: string | null | undefined) =>
  useQuery({ ...accountDetailQuery(key ?? ''), enabled: Boolean(key) });

/** The bill-to contact's address Zuora mails to when none is typed: work email, else personal. */
export function billToEmail(account: AccountDetail | undefined): string {
  return account?.billToContact?.workEmail || account?.billToContact?.personalEmail || '';
}
