import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError, invalidValue, notFound, ruleViolation } from '../errors.ts';
import { currencyDecimals, fitsCurrency, money, sum, type Money } from '../../src/lib/money.ts';
import {
  LineBook,
  invoiceLines,
  memoLines,
  pairUp,
  settle,
  type Line,
  type Pair,
  type Portion,
} from './settle-lines.ts';
import { lockInvoices, lockMemos } from './settlement-locks.ts';

// Applying a source (credit memo or payment) to invoices and debit memos: the checks on each target
// and the line pairing shared by credit memo apply, payment apply and debit memo collect.

/** One target of an apply request, normalised from `invoices[]` / `debitMemos[]`. */
export interface TargetRequest {
  type: 'Invoice' | 'DebitMemo';
  id: string;
  amount: Money;
  items?: {
    amount: Money;
    sourceItemId?: string;
    sourceTaxItemId?: string;
    targetItemId?: string;
    targetTaxItemId?: string;
  }[];
}

export interface ApplySource {
  type: 'CreditMemo' | 'Payment';
  id: string;
  number: string;
  accountId: string;
  currency: string;
  /** Open lines of a credit memo; null for a payment (no lines). */
  book: LineBook | null;
}

type RawTarget = { amount: number; items?: Record<string, unknown>[] };
type RawRequest = {
  invoices?: (RawTarget & { invoiceId: string })[];
  debitMemos?: (RawTarget & { debitMemoId: string })[];
};

/** A money amount of a request: > 0 and within the currency's decimals (category 20 otherwise). */
export function requestAmount(value: number, currency: string, field: string): Money {
  const m = money(value);
  if (!m.gt(0)) throw invalidValue(`'${field}' must be greater than 0.`);
  if (!fitsCurrency(value, currency))
    throw invalidValue(
      `'${field}' ${value} has more than ${currencyDecimals(currency)} decimal places for ${currency}.`,
    );
  return m;
}

const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

/** Normalises `invoices[]` and `debitMemos[]` (duplicates refused, amounts checked against `currency`). */
export function targetsOf(request: RawRequest, currency: string): TargetRequest[] {
  const out: TargetRequest[] = [];
  const seen = new Set<string>();
  const add = (type: TargetRequest['type'], id: string, t: RawTarget, path: string) => {
    if (seen.has(id)) throw invalidValue(`'${path}': ${id} is listed twice.`);
    seen.add(id);
    out.push({
      type,
      id,
      amount: requestAmount(t.amount, currency, `${path}.amount`),
      items: t.items?.map((i, k) => ({
        amount: requestAmount(i.amount as number, currency, `${path}.items[${k}].amount`),
        sourceItemId: str(i.creditMemoItemId),
        sourceTaxItemId: str(i.creditTaxItemId),
        targetItemId: str(i.invoiceItemId) ?? str(i.debitMemoItemId),
        targetTaxItemId: str(i.taxItemId),
      })),
    });
  };
  request.invoices?.forEach((t, i) => add('Invoice', t.invoiceId, t, `invoices[${i}]`));
  request.debitMemos?.forEach((t, i) => add('DebitMemo', t.debitMemoId, t, `debitMemos[${i}]`));
  if (out.length === 0) throw new ZuoraError(ErrorCategory.MissingField, "'invoices' or 'debitMemos' is required.");
  return out;
}

/** Locks the source memo (if any) with the target memos in id order, then the target invoices. */
export async function lockTargets(tx: Tx, sourceMemoId: string | null, targets: TargetRequest[]) {
  const memoIds = targets.filter((t) => t.type === 'DebitMemo').map((t) => t.id);
  const memos = await lockMemos(tx, sourceMemoId ? [sourceMemoId, ...memoIds] : memoIds);
  const invoices = await lockInvoices(
    tx,
    targets.filter((t) => t.type === 'Invoice').map((t) => t.id),
  );
  return { memos, invoices };
}

type Locked = Awaited<ReturnType<typeof lockTargets>>;

interface TargetDoc {
  id: string;
  number: string;
  accountId: string;
  currency: string;
  status: string;
  balance: Money;
}

function targetDoc(t: TargetRequest, locked: Locked): TargetDoc {
  if (t.type === 'DebitMemo') {
    const m: MemoRow | undefined = locked.memos.get(t.id);
    if (!m || m.kind !== 'DebitMemo') throw notFound('DebitMemo', t.id, Resource.DebitMemo);
    return {
      id: m.id,
      number: m.number,
      accountId: m.account_id,
      currency: m.currency,
      status: m.status,
      balance: money(m.balance),
    };
  }
  const inv = locked.invoices.get(t.id);
  if (!inv) throw notFound('Invoice', t.id, Resource.Invoice);
  return {
    id: inv.id,
    number: inv.invoice_number,
    accountId: inv.account_id,
    currency: inv.currency,
    status: inv.status,
    balance: money(inv.balance),
  };
}

/**
 * Applies `source` to one target: checks the target, builds the pairs (item-level from `items[]`,
 * otherwise spread over the open lines of both sides) and settles them. Returns the amount applied.
 */
export async function applyToTarget(
  tx: Tx,
  source: ApplySource,
  t: TargetRequest,
  locked: Locked,
  effectiveDate: string,
  caller: Caller | null,
): Promise<Money> {
  const doc = targetDoc(t, locked);
  const label = `${t.type === 'Invoice' ? 'invoice' : 'debit memo'} ${doc.number}`;
  if (doc.accountId !== source.accountId)
    throw ruleViolation(`The ${label} belongs to another account than ${source.number}.`);
  if (doc.status !== 'Posted')
    throw ruleViolation(`The ${label} is ${doc.status}; only Posted documents can be settled.`);
  if (doc.currency !== source.currency)
    throw ruleViolation(`The ${label} is in ${doc.currency}, ${source.number} in ${source.currency}.`);
  if (t.amount.gt(doc.balance))
    throw ruleViolation(
      `The amount ${t.amount.toString()} exceeds the balance ${doc.balance.toString()} of the ${label}.`,
    );

  const targetBook = new LineBook(
    t.type === 'Invoice' ? await invoiceLines(tx, t.id) : await memoLines(tx, t.id),
    label,
  );
  const pairs: Pair[] = [];
  if (t.items && t.items.length > 0) {
    const itemTotal = sum(t.items.map((i) => i.amount));
    if (!itemTotal.eq(t.amount))
      throw ruleViolation(
        `The item amounts of the ${label} sum to ${itemTotal.toString()}, not to its amount ${t.amount.toString()}.`,
      );
    for (const item of t.items) {
      const src = source.book
        ? portionsOf(
            source.book,
            item.sourceItemId,
            item.sourceTaxItemId,
            item.amount,
            source.currency,
            'creditMemoItemId',
            'creditTaxItemId',
          )
        : null;
      if (!source.book && (item.sourceItemId || item.sourceTaxItemId))
        throw invalidValue('A payment has no items: creditMemoItemId and creditTaxItemId do not apply.');
      const tgt = portionsOf(
        targetBook,
        item.targetItemId,
        item.targetTaxItemId,
        item.amount,
        source.currency,
        t.type === 'Invoice' ? 'invoiceItemId' : 'debitMemoItemId',
        'taxItemId',
      );
      pairs.push(...pairUp(src, tgt));
    }
  } else {
    const src = source.book ? source.book.spread(t.amount, source.currency) : null;
    pairs.push(...pairUp(src, targetBook.spread(t.amount, source.currency)));
  }
  return settle(tx, {
    source: { type: source.type, id: source.id },
    target: { type: t.type, id: t.id },
    pairs,
    effectiveDate,
    caller,
    direction: 1,
  });
}

function portionsOf(
  book: LineBook,
  itemId: string | undefined,
  taxId: string | undefined,
  amount: Money,
  currency: string,
  itemField: string,
  taxField: string,
): Portion[] {
  if (itemId && taxId)
    throw invalidValue(`An item names either '${itemId ? itemField : taxField}' or '${taxField}', not both.`);
  if (!itemId && !taxId) return book.spread(amount, currency);
  const line: Line | undefined = itemId ? book.find('item', itemId) : book.find('tax', taxId!);
  if (!line)
    throw invalidValue(`'${itemId ? itemField : taxField}' ${itemId ?? taxId} is not a line of the ${book.what}.`);
  return [book.take(line, amount)];
}
