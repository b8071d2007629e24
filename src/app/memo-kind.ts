import { useLocation } from 'react-router';
import { memoKindOfPath, type MemoKind } from '../api/memos/kind.ts';

export type { MemoKind } from '../api/memos/kind.ts';

/** The memo kind of the current page, read from the path (`/credit-memos/...` or `/debit-memos/...`). */
export function useMemoKind(): MemoKind {
  const { pathname } = useLocation();
  return memoKindOfPath(pathname) ?? 'CreditMemo';
}
