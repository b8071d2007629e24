import { formatMoney } from '../../lib/money.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';

// How dialogs name a memo to the user: "debit memo DM00000001 for $1,200.00".

export const memoNoun = (kind: MemoOfKind['kind']) => (kind === 'CreditMemo' ? 'credit memo' : 'debit memo');
export const memoAmountText = (m: MemoOfKind) => formatMoney(m.memo.amount, m.memo.currency);
export const memoName = (m: MemoOfKind) => `${memoNoun(m.kind)} ${m.memo.number}`;
