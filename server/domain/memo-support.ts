import { sql } from 'kysely';
import { currencyDecimals, fitsCurrency, money, sum, type MoneyInput } from '../../src/lib/money.ts';
import { addDays } from '../../src/lib/dates.ts';
import { amountLimitProblem } from '../../src/contract/amount-limit.ts';
import { PERMISSION_LABELS, type Permission } from '../../src/contract/permissions.ts';
import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoKind } from '../db/types.ts';
import { invalidValue, notFound, permissionDenied, Resource } from '../errors.ts';
import { resourceOf } from './memo-repo.ts';

// Rules shared by the memo write operations: account, currency, reason code and accounting-code
// resolution, money checks against the currency, and the header totals derived from the items.

export type Actor = Pick<Caller, 'userId' | 'name' | 'permissions'>;

export const memoNoun = (kind: MemoKind) => (kind === 'DebitMemo' ? 'debit memo' : 'credit memo');
export const nowSql = () => sql<string>`localtimestamp(0)`;

/** Category 10 unless the actor holds the permission (for rules inside an operation, e.g. autoPost). */
export function assertCan(actor: Actor, permission: Permission): void {
  if (!actor.permissions.has(permission)) {
    throw permissionDenied(
      `You do not have the permission to perform this operation: ${PERMISSION_LABELS[permission]}.`,
    );
  }
}

/**
 * Category 20 when an amount has more decimals than its currency allows (JPY 1.5, USD 1.005), or is beyond
 * the largest amount a JSON number carries exactly (src/contract/amount-limit.ts).
 */
export function assertFitsCurrency(amount: MoneyInput, currency: string, field: string, resource?: number): void {
  const tooLarge = amountLimitProblem(amount, currency);
  if (tooLarge) throw invalidValue(`'${field}': ${tooLarge}`, resource);
  if (!fitsCurrency(amount, currency)) {
    const dp = currencyDecimals(currency);
    throw invalidValue(
      `'${field}': ${money(amount).toString()} has more than ${dp} decimal place${dp === 1 ? '' : 's'}, the maximum for ${currency}.`,
      resource,
    );
  }
}

/** The account named by id and/or number; when both are given they must be the same account. */
export async function resolveAccount(tx: Tx, kind: MemoKind, accountId?: string, accountNumber?: string) {
  const byId =
    accountId === undefined
      ? undefined
      : await tx.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
  if (accountId !== undefined && !byId) throw notFound('Account', accountId, Resource.Account);
  const byNumber =
    accountNumber === undefined
      ? undefined
      : await tx.selectFrom('accounts').selectAll().where('account_number', '=', accountNumber).executeTakeFirst();
  if (accountNumber !== undefined && !byNumber) throw notFound('Account', accountNumber, Resource.Account);
  if (byId && byNumber && byId.id !== byNumber.id) {
    throw invalidValue(
      `accountId ${accountId} and accountNumber ${accountNumber} do not refer to the same account.`,
      resourceOf(kind),
    );
  }
  return (byId ?? byNumber)!;
}

/** A currency the tenant has configured and activated. */
export async function resolveCurrency(tx: Tx, kind: MemoKind, code: string): Promise<string> {
  const row = await tx.selectFrom('currencies').selectAll().where('code', '=', code).executeTakeFirst();
  if (!row || !row.active)
    throw invalidValue(`The currency ${code} is not configured or not active in this tenant.`, resourceOf(kind));
  return row.code;
}

/**
 * The stored reason code: an active code of the memo's transaction type (matched without regard to
 * case: Zuora's own examples write "Correcting invoice error"), or the type's default when empty.
 */
export async function resolveReasonCode(tx: Tx, kind: MemoKind, name: string | undefined): Promise<string | null> {
  const codes = await tx
    .selectFrom('reason_codes')
    .selectAll()
    .where('transaction_type', '=', kind)
    .where('active', '=', true)
    .execute();
  if (name === undefined || name.trim() === '') return codes.find((c) => c.is_default)?.name ?? null;
  const match = codes.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
  if (!match) throw invalidValue(`'${name}' is not an active reason code for ${memoNoun(kind)}s.`, resourceOf(kind));
  return match.name;
}

/** Accounting codes named in financeInformation must exist and be active. */
export async function assertAccountingCodes(
  tx: Tx,
  kind: MemoKind,
  codes: (string | null | undefined)[],
): Promise<void> {
  const wanted = [...new Set(codes.filter((c): c is string => Boolean(c)))];
  if (wanted.length === 0) return;
  const found = await tx
    .selectFrom('accounting_codes')
    .select('name')
    .where('name', 'in', wanted)
    .where('status', '=', 'Active')
    .execute();
  const known = new Set(found.map((r) => r.name));
  const bad = wanted.find((c) => !known.has(c));
  if (bad) throw invalidValue(`The accounting code '${bad}' does not exist or is not active.`, resourceOf(kind));
}

/** Days of an account payment term: "Net 30" → 30, "Due Upon Receipt" → 0. */
export function paymentTermDays(term: string): number {
  const m = /(\d+)/.exec(term);
  return m ? Number(m[1]) : 0;
}

export const defaultDueDate = (memoDate: string, paymentTerm: string) =>
  addDays(memoDate, paymentTermDays(paymentTerm));

/**
 * Recomputes a memo's header from its items and taxation items: amount = Σ item totals (tax
 * included), taxAmount = Σ tax, balance = amount − applied − refunded. Exact decimal arithmetic.
 */
export async function recomputeTotals(tx: Tx, memoId: string): Promise<void> {
  const items = await tx
    .selectFrom('memo_items')
    .select(['amount_without_tax', 'tax_amount'])
    .where('memo_id', '=', memoId)
    .execute();
  const memo = await tx
    .selectFrom('memos')
    .select(['applied_amount', 'refund_amount', 'currency', 'kind'])
    .where('id', '=', memoId)
    .executeTakeFirstOrThrow();
  const tax = sum(items.map((i) => i.tax_amount));
  const amount = sum(items.map((i) => i.amount_without_tax)).plus(tax);
  const balance = amount.minus(money(memo.applied_amount)).minus(money(memo.refund_amount));
  const tooLarge = amountLimitProblem(amount, memo.currency, `The ${memoNoun(memo.kind)}'s total with tax`);
  if (tooLarge) throw invalidValue(tooLarge, resourceOf(memo.kind));
  await tx
    .updateTable('memos')
    .set({ amount: amount.toString(), tax_amount: tax.toString(), balance: balance.toString() })
    .where('id', '=', memoId)
    .execute();
}
