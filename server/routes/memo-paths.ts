import type { MemoKind } from '../db/types.ts';

/** Both spellings Zuora accepts for each memo resource, with the memo kind they address. */
export const MEMO_BASES: readonly { base: string; kind: MemoKind }[] = [
  { base: '/v1/credit-memos', kind: 'CreditMemo' },
  { base: '/v1/creditmemos', kind: 'CreditMemo' },
  { base: '/v1/debit-memos', kind: 'DebitMemo' },
  { base: '/v1/debitmemos', kind: 'DebitMemo' },
];

/** Zuora's page/pageSize query parameters (1-based page), with the list's own default and maximum. */
export function pageOf(query: (name: string) => string | undefined, defaults = { size: 20, max: 40 }) {
  const page = Math.max(1, Math.trunc(Number(query('page') ?? 1)) || 1);
  const pageSize = Math.min(
    defaults.max,
    Math.max(1, Math.trunc(Number(query('pageSize') ?? defaults.size)) || defaults.size),
  );
  return { page, pageSize, offset: (page - 1) * pageSize, limit: pageSize };
}
