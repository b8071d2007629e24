// The two memo kinds share one UI; these helpers hold every place where they differ in naming.
export type MemoKind = 'CreditMemo' | 'DebitMemo';

/** API base path, hyphenated spelling (docs/zuora/api-digest.md §1). */
export const memoApiBase = (kind: MemoKind) => (kind === 'CreditMemo' ? '/v1/credit-memos' : '/v1/debit-memos');

/** SPA route segment of a kind: `/credit-memos`, `/debit-memos`. */
export const memoRouteBase = (kind: MemoKind) => (kind === 'CreditMemo' ? '/credit-memos' : '/debit-memos');

export const memoDetailPath = (kind: MemoKind, id: string) => `${memoRouteBase(kind)}/${encodeURIComponent(id)}`;

export const memoKindLabel = (kind: MemoKind) => (kind === 'CreditMemo' ? 'Credit Memo' : 'Debit Memo');

/** The memo date field name of a kind (`creditMemoDate` / `debitMemoDate`). */
export const memoDateField = (kind: MemoKind) => (kind === 'CreditMemo' ? 'creditMemoDate' : 'debitMemoDate');

/** The kind a SPA path belongs to, or null. */
export function memoKindOfPath(pathname: string): MemoKind | null {
  if (/^\/debit-memos(\/|$)/.test(pathname)) return 'DebitMemo';
  if (/^\/credit-memos(\/|$)/.test(pathname)) return 'CreditMemo';
  return null;
}
