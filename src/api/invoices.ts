import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from './client.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from './paging.ts';
import {
  billingDocumentListSchema,
  invoiceItemListSchema,
  invoiceSchema,
  type BillingDocument,
  type InvoiceItem,
} from '../contract/invoices.ts';

// Invoices for "create memo from invoice" (docs/zuora/api-digest.md §8.3): the Posted invoices of an account
// (billing-documents has no documentType filter, so Invoice rows are kept here), one invoice's
// header (its date bounds the memo date) and its items with their taxation items.

export type InvoiceDocument = BillingDocument;
export type { InvoiceItem };

export const invoiceKeys = {
  all: ['invoices'] as const,
  postedOfAccount: (accountId: string) => [...invoiceKeys.all, 'posted-of-account', accountId] as const,
  header: (id: string) => [...invoiceKeys.all, 'header', id] as const,
  items: (id: string) => [...invoiceKeys.all, 'items-with-tax', id] as const,
  /** GET /v1/invoices/{key}: the summary the memo pages show (invoice-detail.ts). */
  detail: (key: string) => [...invoiceKeys.all, 'detail', key] as const,
};

export const postedInvoicesQuery = (accountId: string) =>
  queryOptions({
    queryKey: invoiceKeys.postedOfAccount(accountId),
    queryFn: async ({ signal }) => {
      const docs = await fetchAllPages(
        (page) =>
          zuoraRequest('/v1/billing-documents', {
            schema: billingDocumentListSchema,
            query: { accountId, status: 'Posted', page, pageSize: MAX_PAGE_SIZE },
            signal,
          }).then((r) => ({ rows: r.documents, nextPage: r.nextPage })),
        5,
      );
      return docs.filter((d) => d.documentType === 'Invoice');
    },
  });

export const usePostedInvoices = (accountId: string | undefined) =>
  useQuery({ ...postedInvoicesQuery(accountId ?? ''), enabled: Boolean(accountId) });

export const invoiceHeaderQuery = (id: string) =>
  queryOptions({
    queryKey: invoiceKeys.header(id),
    queryFn: ({ signal }) => zuoraRequest(`/v1/invoices/${encodeURIComponent(id)}`, { schema: invoiceSchema, signal }),
  });

/** An invoice's items with their taxation items, every page. */
export const fetchInvoiceItems = (id: string, signal?: AbortSignal) =>
  fetchAllPages(
    (page) =>
      zuoraRequest(`/v1/invoices/${encodeURIComponent(id)}/items`, {
        schema: invoiceItemListSchema,
        // Zuora's most per page for invoice items (its spec: pageSize maximum 40); the walk pages on.
        query: { page, pageSize: MAX_PAGE_SIZE },
        signal,
      }).then((r) => ({ rows: r.invoiceItems, nextPage: r.nextPage })),
    10,
  );

export const invoiceItemsQuery = (id: string) =>
  queryOptions({
    queryKey: invoiceKeys.items(id),
    // Fresh each time: another memo may have just used up some of the available-to-credit amount.
    staleTime: 0,
    queryFn: ({ signal }) => fetchInvoiceItems(id, signal),
  });
