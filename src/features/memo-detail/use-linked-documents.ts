import { useQueries } from '@tanstack/react-query';
import type { MemoApplications } from '../../api/memos/applications.ts';
import { memoDetailQuery } from '../../api/memos/detail.ts';
import type { MemoHistoryEvent } from '../../api/memos/history.ts';
import { memoDetailPath } from '../../lib/memo-routes.ts';
import { invoiceDetailQuery } from '../../api/invoice-detail.ts';
import { paymentDetailQuery } from '../../api/payment-detail.ts';

// The documents on the other side of a memo's applications, with their numbers: parts carry only ids,
// so invoice, memo and payment numbers are read (and cached) per document; the memo's history also
// names payments, which covers a tenant where payments cannot be read.

export interface LinkedRow {
  key: string;
  type: 'Invoice' | 'DebitMemo' | 'CreditMemo' | 'Payment' | 'Unapplied';
  id: string | null;
  number: string | null;
  amount: number;
  date: string;
  /** SPA path of a memo document. */
  to?: string;
}

export const LINKED_TYPE_LABELS: Record<LinkedRow['type'], string> = {
  Invoice: 'Invoice',
  DebitMemo: 'Debit Memo',
  CreditMemo: 'Credit Memo',
  Payment: 'Payment',
  Unapplied: 'Unapplied',
};

export function linkedRowsOf(apps: MemoApplications | undefined): LinkedRow[] {
  if (!apps) return [];
  if (apps.kind === 'CreditMemo') {
    return apps.parts.map((p, i) => {
      const type: LinkedRow['type'] = p.invoiceId ? 'Invoice' : p.debitMemoId ? 'DebitMemo' : 'Unapplied';
      const id = p.invoiceId ?? p.debitMemoId ?? null;
      return {
        key: `${p.id}-${i}`,
        type,
        id,
        number: null,
        amount: p.amount,
        date: p.createdDate ?? '',
        to: p.debitMemoId ? memoDetailPath('DebitMemo', p.debitMemoId) : undefined,
      };
    });
  }
  return apps.parts.map((p, i) => {
    const type: LinkedRow['type'] = p.creditMemoId ? 'CreditMemo' : 'Payment';
    const id = p.creditMemoId ?? p.paymentId ?? null;
    return {
      key: `${id}-${i}`,
      type,
      id,
      number: null,
      amount: p.appliedAmount,
      date: p.createdDate ?? '',
      to: p.creditMemoId ? memoDetailPath('CreditMemo', p.creditMemoId) : undefined,
    };
  });
}

export function useLinkedDocuments(
  apps: MemoApplications | undefined,
  history: readonly MemoHistoryEvent[] | null | undefined,
) {
  const rows = linkedRowsOf(apps);
  const ids = (type: LinkedRow['type']) => [...new Set(rows.filter((r) => r.type === type && r.id).map((r) => r.id!))];
  const invoiceIds = ids('Invoice');
  const memoIds = [
    ...ids('DebitMemo').map((id) => ['DebitMemo', id] as const),
    ...ids('CreditMemo').map((id) => ['CreditMemo', id] as const),
  ];
  const invoices = useQueries({ queries: invoiceIds.map((id) => ({ ...invoiceDetailQuery(id), retry: false })) });
  const memos = useQueries({ queries: memoIds.map(([kind, id]) => ({ ...memoDetailQuery(kind, id), retry: false })) });
  const paymentIds = ids('Payment');
  const payments = useQueries({ queries: paymentIds.map((id) => ({ ...paymentDetailQuery(id), retry: false })) });

  const numbers = new Map<string, string>();
  invoices.forEach((q, i) => q.data && numbers.set(invoiceIds[i], q.data.invoiceNumber));
  memos.forEach((q, i) => q.data && numbers.set(memoIds[i][1], q.data.memo.number));
  payments.forEach((q, i) => q.data && numbers.set(paymentIds[i], q.data.number));
  for (const e of history ?? []) {
    const d = e.detail ?? {};
    if (typeof d.paymentId === 'string' && typeof d.paymentNumber === 'string')
      numbers.set(d.paymentId, d.paymentNumber);
  }
  // The unapplied part closes the table, after the documents the memo is applied to.
  const resolved = rows
    .map((r) => ({ ...r, number: r.id ? (numbers.get(r.id) ?? null) : null }))
    .sort((a, b) => Number(a.type === 'Unapplied') - Number(b.type === 'Unapplied'));
  // The documents that block unposting, named as the user knows them (numbers, else short ids).
  const linkedNumbers = [
    ...new Set(
      resolved
        .filter((r) => r.type !== 'Unapplied')
        .map((r) => r.number ?? `${LINKED_TYPE_LABELS[r.type]} ${r.id?.slice(0, 8)}`),
    ),
  ];
  return { rows: resolved, linkedNumbers, numbers: numbers as ReadonlyMap<string, string> };
}
