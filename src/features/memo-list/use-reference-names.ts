import { useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import { accountDetailQuery } from '../../api/account-detail.ts';
import { invoiceDetailQuery } from '../../api/invoice-detail.ts';
import type { MemoRow } from '../../api/memos/list.ts';

export interface ReferenceNames {
  accountName: (accountId: string) => string | undefined;
  invoiceNumber: (invoiceId: string | null) => string | undefined;
}

// Object Query rows carry their account's name (`expand[]=account`, object-query-list.ts). The classic list's
// rows (a currency view) carry account and invoice ids, not names: the page resolves the few distinct ones of
// the visible page (cached and shared with the detail page); cells fill in as they arrive.
// Invoices only when asked: their column is hidden by default, and each is a request.
export function useReferenceNames(rows: readonly MemoRow[], need: { invoices: boolean }): ReferenceNames {
  const inRows = new Map(rows.flatMap((r) => (r.accountName ? [[r.accountId, r.accountName] as const] : [])));
  const accountIds = [...new Set(rows.map((r) => r.accountId))].filter((id) => !inRows.has(id));
  const invoiceIds = need.invoices
    ? [...new Set(rows.map((r) => r.referredInvoiceId).filter((id): id is string => Boolean(id)))]
    : [];
  const accounts = useQueries({
    queries: accountIds.map((id) => ({ ...accountDetailQuery(id), retry: false })),
    combine: (results) =>
      new Map(results.flatMap((r) => (r.data ? [[r.data.basicInfo.id, r.data.basicInfo.name] as const] : []))),
  });
  const invoices = useQueries({
    queries: invoiceIds.map((id) => ({ ...invoiceDetailQuery(id), retry: false })),
    combine: (results) => new Map(results.flatMap((r) => (r.data ? [[r.data.id, r.data.invoiceNumber] as const] : []))),
  });
  // Stable while the names are unchanged, so the grid's columns are not rebuilt on every render.
  for (const [id, name] of inRows) accounts.set(id, name);
  const accountKey = [...accounts].join('|');
  const invoiceKey = [...invoices].join('|');
  return useMemo(
    () => ({
      accountName: (id: string) => accounts.get(id),
      invoiceNumber: (id: string | null) => (id ? invoices.get(id) : undefined),
    }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed on the maps' contents, not identity
    [accountKey, invoiceKey],
  );
}
