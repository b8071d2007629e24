// The two memo kinds share one UI, one API shape and one sandbox; this is the one name for which of the two a memo is.
export type MemoKind = 'CreditMemo' | 'DebitMemo';

export const memoKindLabel = (kind: MemoKind) => (kind === 'CreditMemo' ? 'Credit Memo' : 'Debit Memo');
