import { queryOptions } from '@tanstack/react-query';
import { zuoraRequest } from '../client.ts';
import { oqAccountPageSchema, oqMemoPageSchema, type OqMemo } from '../../contract/object-query-memos.ts';
import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// One page of Object Query's memo list (docs/zuora/tenant-read-contract.md A2–A5): `filter[]` clauses
// (AND-ed), one `sort[]`, an opaque `cursor`, and each row's account name and number from
// `expand[]=account` in the same request, so a page costs one request however many accounts it shows (A7).

/** Object Query's page size bound (A3). */
export const OQ_MAX_PAGE_SIZE = 99;

export interface OqListRequest {
  /** `field.OP:value` clauses. */
  filters: string[];
  /** `field.ASC|DESC`. */
  sort: string;
  pageSize: number;
  cursor?: string;
}

export interface OqPage {
  rows: (CreditMemo | DebitMemo)[];
  /** The cursor of the next page; absent on the last page. */
  nextCursor?: string;
}

const oqPath = (kind: MemoKind) => (kind === 'CreditMemo' ? '/object-query/credit-memos' : '/object-query/debit-memos');

export async function fetchOqMemoPage(kind: MemoKind, req: OqListRequest, signal?: AbortSignal): Promise<OqPage> {
  const r = await zuoraRequest(oqPath(kind), {
    schema: oqMemoPageSchema,
    signal,
    query: {
      pageSize: req.pageSize,
      cursor: req.cursor,
      'filter[]': req.filters,
      'sort[]': [req.sort],
      'expand[]': ['account'],
      'account.fields[]': ['name,accountNumber'],
    },
  });
  return { rows: r.data.map((m) => toMemoRow(kind, m)), nextCursor: r.nextPage ?? undefined };
}

/** `2024-08-19T23:14:11-07:00` -> `2024-08-19 23:14:11`: the time as the tenant wrote it, no zone shift. */
const asDateTime = (t: string | undefined) => (t ? t.slice(0, 19).replace('T', ' ') : null);

/**
 * An Object Query row in the list's row shape (the classic names, A5's table). A field Object Query left
 * out (null, or not sent) is null here; amounts it does not send are 0 only where the list never shows them. A
 * currency it does not send is '' here, and the list takes the account's (row-currency.ts).
 */
export function toMemoRow(kind: MemoKind, m: OqMemo): CreditMemo | DebitMemo {
  const common = {
    ...m,
    number: m.memoNumber,
    accountNumber: m.account?.accountNumber ?? null,
    accountName: m.account?.name ?? null,
    currency: m.currency ?? '',
    amount: m.totalAmount,
    taxAmount: m.taxAmount ?? 0,
    reasonCode: m.reasonCode ?? null,
    sourceType: m.sourceType ?? '',
    referredInvoiceId: m.invoiceId ?? null,
    postedOn: asDateTime(m.postedOn),
    comment: m.comments ?? null,
  };
  if (kind === 'CreditMemo')
    return {
      ...common,
      creditMemoDate: m.memoDate,
      // A credit memo's Object Query `balance` is its unapplied amount (A5).
      unappliedAmount: m.balance,
      appliedAmount: m.appliedAmount ?? 0,
      refundAmount: m.refundAmount ?? 0,
    } as unknown as CreditMemo;
  return { ...common, debitMemoDate: m.memoDate, dueDate: m.dueDate ?? null } as unknown as DebitMemo;
}

export interface AccountMatches {
  ids: string[];
  /** More accounts match than one Object Query page holds: the search must be narrowed. */
  tooMany: boolean;
}

/**
 * Accounts whose number or name starts with `text` (case-insensitive). Object Query has no OR across fields
 * (A3), so two queries, merged; a memo filter then takes their ids with `accountid.IN` (A4).
 */
export async function fetchAccountMatches(text: string, signal?: AbortSignal): Promise<AccountMatches> {
  const page = (field: string) =>
    zuoraRequest('/object-query/accounts', {
      schema: oqAccountPageSchema,
      signal,
      query: { pageSize: OQ_MAX_PAGE_SIZE, 'filter[]': [`${field}.SW:${text}`], 'fields[]': ['id'] },
    });
  const [byNumber, byName] = await Promise.all([page('accountnumber'), page('name')]);
  return {
    ids: [...new Set([...byNumber.data, ...byName.data].map((a) => a.id))],
    tooMany: Boolean(byNumber.nextPage || byName.nextPage),
  };
}

export const accountMatchesQuery = (text: string) =>
  queryOptions({
    queryKey: ['object-query', 'account-matches', text.toLowerCase()],
    queryFn: ({ signal }) => fetchAccountMatches(text, signal),
    staleTime: 60_000,
  });
