import type { MemoKind } from './memo-kind.ts';

// The SPA's memo paths: `/credit-memos/...` and `/debit-memos/...`.

/** SPA route segment of a kind: `/credit-memos`, `/debit-memos`. */
export const memoRouteBase = (kind: MemoKind) => (kind === 'CreditMemo' ? '/credit-memos' : '/debit-memos');

export const memoDetailPath = (kind: MemoKind, id: string) => `${memoRouteBase(kind)}/${encodeURIComponent(id)}`;

/** The kind a SPA path belongs to, or null. */
export function memoKindOfPath(pathname: string): MemoKind | null {
  if (/^\/debit-memos(\/|$)/.test(pathname)) return 'DebitMemo';
  if (/^\/credit-memos(\/|$)/.test(pathname)) return 'CreditMemo';
  return null;
}
