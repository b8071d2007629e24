import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from './client.ts';
import { invoiceKeys } from './invoices.ts';
import { invoiceSchema, type Invoice } from '../contract/invoices.ts';

// `GET /v1/invoices/{key}` (docs/zuora/api-digest.md §8.3): the memo page shows the number of a related invoice and
// of each invoice a credit memo is applied to.

export type InvoiceSummary = Invoice;

export const invoiceDetailQuery = (key: string) =>
  queryOptions({
    queryKey: invoiceKeys.detail(key),
    queryFn: ({ signal }) => zuoraRequest(`/v1/invoices/${encodeURIComponent(key)}`, { schema: invoiceSchema, signal }),
  });

export const useInvoiceDetail = (key: string | null | undefined) =>
  useQuery({ ...invoiceDetailQuery(key ?? ''), enabled: Boolean(key) });
