import { formatMoney } from '../../lib/money.ts';
import type { AnyMemo } from './available-actions.ts';

// How dialogs name a memo to the user: "debit memo DM00000001 for $1,200.00".

export const memoNoun = (kind: AnyMemo['kind']) => (kind === 'CreditMemo' ? 'credit memo' : 'debit memo');
export const memoAmountText = (m: AnyMemo) => formatMoney(m.memo.amount, m.memo.currency);
export const memoName = (m: AnyMemo) => `${memoNoun(m.kind)} ${m.memo.number}`;
