import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { fetchAllPages } from './paging.ts';
import { zDate, zMoney } from '../contract/common.ts';

// Invoices for "create memo from invoice" (docs/zuora/api-digest.md §8.3): the Posted invoices of an account
// (billing-documents has no documentType filter, so Invoice rows are kept here), one invoice's
// header (its date bounds the memo date) and its items with their taxation items.

const documentSchema = z
  .object({
    id: z.string(),
    documentNumber: z.string(),
    documentType: z.string(),
    documentDate: zDate,
    amount: zMoney,
    balance: zMoney,
    status: z.string(),
    currency: z.string().nullish(),
  })
  .loose();
const documentListSchema = z.object({
  documents: z.array(documentSchema),
  nextPage: z.string().nullish(),
  success: z.literal(true),
});
export type InvoiceDocument = z.infer<typeof documentSchema>;

export const invoiceHeaderSchema = z
  .object({
    id: z.string(),
    invoiceNumber: z.string(),
    accountId: z.string(),
    invoiceDate: zDate,
    currency: z.string(),
    amount: zMoney,
    balance: zMoney,
    status: z.string(),
    success: z.literal(true),
  })
  .loose();
export type InvoiceHeader = z.infer<typeof invoiceHeaderSchema>;

export const invoiceTaxationItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    taxAmount: zMoney,
    availableToCreditAmount: zMoney.nullish(),
    taxRate: z.number().nullish(),
    taxRateType: z.string().nullish(),
    taxCode: z.string().nullish(),
    jurisdiction: z.string().nullish(),
  })
  .loose();

export const invoiceItemSchema = z
  .object({
    id: z.string(),
    chargeName: z.string(),
    chargeType: z.string().nullish(),
    chargeAmount: zMoney,
    taxAmount: zMoney,
    balance: zMoney,
    availableToCreditAmount: zMoney,
    quantity: z.number().nullish(),
    unitOfMeasure: z.string().nullish(),
    serviceStartDate: zDate.nullish(),
    serviceEndDate: zDate.nullish(),
    processingType: z.string().nullish(),
    taxMode: z.string().nullish(),
    taxationItems: z
      .object({ data: z.array(invoiceTaxationItemSchema) })
      .loose()
      .nullish(),
  })
  .loose();
export type InvoiceItem = z.infer<typeof invoiceItemSchema>;
const invoiceItemListSchema = z
  .object({ invoiceItems: z.array(invoiceItemSchema), nextPage: z.string().nullish(), success: z.literal(true) })
  .loose();

// Keys distinct from other invoice reads (their schemas hold fewer fields).
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
            schema: documentListSchema,
            query: { accountId, status: 'Posted', page, pageSize: 40 },
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
    queryFn: ({ signal }) =>
      zuoraRequest(`/v1/invoices/${encodeURIComponent(id)}`, { schema: invoiceHeaderSchema, signal }),
  });

export const invoiceItemsQuery = (id: string) =>
  queryOptions({
    queryKey: invoiceKeys.items(id),
    // Fresh each time: another memo may have just used up some of the available-to-credit amount.
    staleTime: 0,
    queryFn: ({ signal }) =>
      fetchAllPages(
        (page) =>
          zuoraRequest(`/v1/invoices/${encodeURIComponent(id)}/items`, {
            schema: invoiceItemListSchema,
            query: { page, pageSize: 200 },
            signal,
          }).then((r) => ({ rows: r.invoiceItems, nextPage: r.nextPage })),
        10,
      ),
  });
