import type { MemoKind } from '../../lib/memo-kind.ts';

// Where the two memo kinds differ on the wire.

/** API base path, hyphenated spelling (docs/zuora/api-digest.md §1). */
export const memoApiBase = (kind: MemoKind) => (kind === 'CreditMemo' ? '/v1/credit-memos' : '/v1/debit-memos');

/** The memo date field name of a kind (`creditMemoDate` / `debitMemoDate`). */
export const memoDateField = (kind: MemoKind) => (kind === 'CreditMemo' ? 'creditMemoDate' : 'debitMemoDate');
