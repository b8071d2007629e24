import { queryOptions, useQuery } from '@tanstack/react-query';
import { zuoraRequest } from './client.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from './paging.ts';
import { fetchInvoiceItems } from './invoices.ts';
import { fetchMemoItems } from './memos/items.ts';
import { billingDocumentListSchema } from '../contract/invoices.ts';
import { debitMemoListSchema } from '../contract/memos.ts';
import { isPositive } from '../lib/money.ts';

// The documents a credit memo can settle (docs/zuora/api-digest.md §8.3): Posted invoices of the account through
// billing-documents (no documentType filter there, so it is filtered here) and Posted debit memos
// through the debit memo list. Items are read when the user expands a document in the apply dialog.

/** One open target of an apply: an invoice or a debit memo, with its balance. */
export interface SettlementTarget {
  type: 'Invoice' | 'DebitMemo';
  id: string;
  number: string;
  date: string;
  amount: number;
  balance: number;
}

/** One line of a target document: an item or a taxation item with its open balance. */
export interface SettlementTargetLine {
  kind: 'item' | 'tax';
  id: string;
  name: string;
  balance: number;
}

export const settlementKeys = {
  all: ['settlement-targets'] as const,
  targets: (accountId: string) => [...settlementKeys.all, accountId] as const,
  lines: (type: SettlementTarget['type'], id: string) => [...settlementKeys.all, 'lines', type, id] as const,
};

// Bounded: the apply UI lists at most a few hundred open documents per account.
const TARGET_PAGES = 10;

export const settlementTargetsQuery = (accountId: string) =>
  queryOptions({
    queryKey: settlementKeys.targets(accountId),
    staleTime: 0,
    queryFn: async ({ signal }): Promise<SettlementTarget[]> => {
      const [docs, dms] = await Promise.all([
        fetchAllPages(
          (page) =>
            zuoraRequest('/v1/billing-documents', {
              schema: billingDocumentListSchema,
              query: { accountId, status: 'Posted', page, pageSize: MAX_PAGE_SIZE },
              signal,
            }).then((r) => ({ rows: r.documents, nextPage: r.nextPage })),
          TARGET_PAGES,
        ),
        fetchAllPages(
          (page) =>
            zuoraRequest('/v1/debit-memos', {
              schema: debitMemoListSchema,
              query: { accountId, status: 'Posted', page, pageSize: MAX_PAGE_SIZE },
              signal,
            }).then((r) => ({ rows: r.debitmemos, nextPage: r.nextPage })),
          TARGET_PAGES,
        ),
      ]);
      const invoices: SettlementTarget[] = docs
        .filter((d) => d.documentType === 'Invoice' && isPositive(d.balance))
        .map((d) => ({
          type: 'Invoice',
          id: d.id,
          number: d.documentNumber,
          date: d.documentDate,
          amount: d.amount,
          balance: d.balance,
        }));
      const debitMemos: SettlementTarget[] = dms
        .filter((m) => isPositive(m.balance) && m.accountId === accountId)
        .map((m) => ({
          type: 'DebitMemo',
          id: m.id,
          number: m.number,
          date: m.debitMemoDate,
          amount: m.amount,
          balance: m.balance,
        }));
      return [...invoices, ...debitMemos];
    },
  });

export const useSettlementTargets = (accountId: string | undefined) =>
  useQuery({ ...settlementTargetsQuery(accountId ?? ''), enabled: Boolean(accountId) });

/** An item and its taxation items as the apply dialog's lines (a missing balance counts 0). */
function linesOf(
  id: string,
  name: string,
  balance: number | null | undefined,
  taxes: readonly { id: string; name?: string | null; balance?: number | null }[] = [],
): SettlementTargetLine[] {
  return [
    { kind: 'item', id, name, balance: balance ?? 0 },
    ...taxes.map((t) => ({ kind: 'tax' as const, id: t.id, name: t.name ?? 'Tax', balance: t.balance ?? 0 })),
  ];
}

export const settlementTargetLinesQuery = (type: SettlementTarget['type'], id: string) =>
  queryOptions({
    queryKey: settlementKeys.lines(type, id),
    staleTime: 0,
    queryFn: async ({ signal }): Promise<SettlementTargetLine[]> => {
      // Every page of items at Zuora's 40 a page (its spec's maximum for both lists).
      if (type === 'Invoice')
        return (await fetchInvoiceItems(id, signal)).flatMap((i) =>
          linesOf(i.id, i.chargeName ?? '', i.balance, i.taxationItems?.data),
        );
      const memo = await fetchMemoItems('DebitMemo', id, signal);
      return (memo.kind === 'DebitMemo' ? memo.items : []).flatMap((i) =>
        linesOf(i.id, i.skuName ?? '', i.balance, i.taxationItems?.data),
      );
    },
  });

export const useSettlementTargetLines = (type: SettlementTarget['type'], id: string, enabled: boolean) =>
  useQuery({ ...settlementTargetLinesQuery(type, id), enabled });
