import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { invoiceKeys } from './invoices.ts';

// `GET /v1/invoices/{key}` (docs/zuora/api-digest.md §8.3): the memo page shows the number of a related invoice and
// of each invoice a credit memo is applied to.

export const invoiceSummarySchema = z
  .object({
    id: z.string(),
    invoiceNumber: z.string(),
    balance: z.number().nullish(),
    amount: z.number().nullish(),
    status: z.string().nullish(),
    success: z.literal(true),
  })
  .loose();
export type InvoiceSummary = z.infer<typeof invoiceSummarySchema>;

export const invoiceDetailQuery = (key: string) =>
  queryOptions({
    queryKey: invoiceKeys.detail(key),
    queryFn: ({ signal }) =>
      zuoraRequest(`/v1/invoices/${encodeURIComponent(key)}`, { schema: invoiceSummarySchema, signal }),
  });

export const useInvoiceDetail = (key: string | null | undefined) =>
  useQuery({ ...invoiceDetailQuery(key ?? ''), enabled: Boolean(key) });
