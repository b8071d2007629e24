import type { MemoKind } from '../../../lib/memo-kind.ts';
import { isBefore } from '../../../lib/dates.ts';
import { sum, toWire } from '../../../lib/money.ts';
import { amountProblem } from '../../../contract/amount.ts';
import { COMMENT_MAX } from '../../../contract/comment.ts';
import { MAX_CHARGES, dateProblem, quantityProblem } from '../field-rules.ts';
import type { CsvRow } from './read-memo-csv.ts';

// Step 2: every row checked, rows grouped into memos by memoRef, each valid memo turned into one
// entry of the bulk request. What needs the tenant's data (an account's currency, a charge number's
// id and type) comes in `lookups`; a charge id the catalog page did not list is left for Zuora to judge.

export interface AccountInfo {
  id: string;
  currency: string;
}
export interface ChargeInfo {
  id: string;
  type: string;
  model: string;
  number?: string;
}

export interface Lookups {
  /** undefined: not looked up; null: no such account. */
  account: (accountNumber: string) => AccountInfo | null | undefined;
  charge: (idOrNumber: string) => ChargeInfo | undefined;
}

export interface RowResult {
  line: number;
  memoRef: string;
  errors: string[];
}

export interface MemoDraft {
  memoRef: string;
  accountNumber: string;
  currency: string;
  lines: number[];
  chargeCount: number;
  total: string;
  errors: string[];
  /** The bulk `memos[]` entry; only set when the memo is valid. */
  body?: Record<string, unknown>;
  /** The memo's own cells as written in the file: what its Idempotency-Key is derived from. */
  source: string;
}

const MEMO_FIELDS = ['accountNumber', 'memoDate', 'dueDate', 'reasonCode', 'comment', 'autoPost'] as const;

export function validateMemoRows(
  rows: CsvRow[],
  kind: MemoKind,
  lookups: Lookups,
  today: string,
): { rows: RowResult[]; memos: MemoDraft[] } {
  const results: RowResult[] = [];
  const groups = new Map<string, CsvRow[]>();
  for (const row of rows) {
    const ref = row.cells.memoRef ?? '';
    const errors = rowErrors(row, kind, lookups, today);
    results.push({ line: row.line, memoRef: ref, errors });
    if (ref) groups.set(ref, [...(groups.get(ref) ?? []), row]);
  }
  const byLine = new Map(results.map((r) => [r.line, r]));
  const memos = [...groups.entries()].map(([memoRef, memoRows]) => {
    const first = memoRows[0];
    for (const row of memoRows.slice(1)) {
      for (const f of MEMO_FIELDS) {
        if ((row.cells[f] ?? '') !== (first.cells[f] ?? '')) {
          byLine.get(row.line)!.errors.push(`${f} differs from line ${first.line} of the same memo (${memoRef}).`);
        }
      }
    }
    return buildMemo(memoRef, memoRows, kind, lookups, byLine);
  });
  return { rows: results, memos };
}

function rowErrors(row: CsvRow, kind: MemoKind, lookups: Lookups, today: string): string[] {
  const c = row.cells;
  const errors: string[] = [];
  if (c.__extra) errors.push('The row has more cells than the header.');
  if (!c.memoRef) errors.push('memoRef is empty.');
  const account = c.accountNumber ? lookups.account(c.accountNumber) : undefined;
  if (!c.accountNumber) errors.push('accountNumber is empty.');
  else if (account === null) errors.push(`Account ${c.accountNumber} does not exist.`);
  const memoDate = dateProblem(c.memoDate ?? '', false);
  if (memoDate) errors.push(`memoDate: ${memoDate}`);
  if (kind === 'DebitMemo') {
    const due = dateProblem(c.dueDate ?? '', false);
    if (due) errors.push(`dueDate: ${due}`);
    else if (c.dueDate && !memoDate && isBefore(c.dueDate, c.memoDate || today))
      errors.push('dueDate is before the memo date.');
  }
  if ((c.comment ?? '').length > COMMENT_MAX) errors.push(`comment is longer than ${COMMENT_MAX} characters.`);
  if (c.autoPost && !/^(true|false)$/i.test(c.autoPost)) errors.push('autoPost must be true or false.');
  if ((c.description ?? '').length > COMMENT_MAX) errors.push(`description is longer than ${COMMENT_MAX} characters.`);

  const charge = resolveCharge(c, lookups, errors);
  if (charge?.model.startsWith('Discount'))
    errors.push(`Charge ${charge.number ?? charge.id} is a discount charge; memos cannot use discount charges.`);
  const amount = amountProblem(c.amount ?? '', account?.currency ?? '', { least: 'zero' });
  if (amount) errors.push(`amount: ${amount}`);
  const quantity = quantityProblem(c.quantity ?? '', false);
  if (quantity) errors.push(`quantity: ${quantity}`);
  for (const f of ['serviceStartDate', 'serviceEndDate'] as const) {
    const p = dateProblem(c[f] ?? '', false);
    if (p) errors.push(`${f}: ${p}`);
  }
  if (c.serviceStartDate && c.serviceEndDate && isBefore(c.serviceEndDate, c.serviceStartDate))
    errors.push('serviceEndDate is before serviceStartDate.');
  return errors;
}

function resolveCharge(c: Record<string, string>, lookups: Lookups, errors: string[]): ChargeInfo | undefined {
  if (c.productRatePlanChargeId) return lookups.charge(c.productRatePlanChargeId);
  if (c.chargeNumber) {
    const found = lookups.charge(c.chargeNumber);
    if (!found) errors.push(`Charge number ${c.chargeNumber} is not in the product catalog.`);
    return found;
  }
  errors.push('Give productRatePlanChargeId or chargeNumber.');
  return undefined;
}

function buildMemo(
  memoRef: string,
  rows: CsvRow[],
  kind: MemoKind,
  lookups: Lookups,
  byLine: Map<number, RowResult>,
): MemoDraft {
  const first = rows[0].cells;
  const account = lookups.account(first.accountNumber ?? '');
  const errors = rows.flatMap((r) => byLine.get(r.line)!.errors.map((e) => `Line ${r.line}: ${e}`));
  if (rows.length > MAX_CHARGES)
    errors.push(`A memo holds at most ${MAX_CHARGES} charges; ${memoRef} has ${rows.length}.`);
  const draft: MemoDraft = {
    memoRef,
    accountNumber: first.accountNumber ?? '',
    currency: account?.currency ?? '',
    lines: rows.map((r) => r.line),
    chargeCount: rows.length,
    total: errors.length ? '' : sum(rows.map((r) => r.cells.amount)).toString(),
    errors,
    source: JSON.stringify(rows.map((r) => r.cells)),
  };
  if (!errors.length) draft.body = memoBody(rows, kind, lookups);
  return draft;
}

/** One entry of `POST /v1/{kind}/bulk` `memos[]`, shaped like the single create (docs/zuora/api-digest.md §4.7). */
function memoBody(rows: CsvRow[], kind: MemoKind, lookups: Lookups): Record<string, unknown> {
  const m = rows[0].cells;
  const opt = (v: string | undefined) => (v ? v : undefined);
  const charges = rows.map(({ cells: c }) => {
    const charge = c.productRatePlanChargeId
      ? { id: c.productRatePlanChargeId, type: lookups.charge(c.productRatePlanChargeId)?.type }
      : lookups.charge(c.chargeNumber)!;
    // Zuora's UI fills 1 for a usage charge left without quantity (seed 003).
    const quantity = c.quantity ? toWire(c.quantity) : charge.type === 'Usage' ? 1 : undefined;
    return strip({
      productRatePlanChargeId: charge.id,
      amount: toWire(c.amount),
      quantity,
      description: opt(c.description),
      serviceStartDate: opt(c.serviceStartDate),
      serviceEndDate: opt(c.serviceEndDate),
    });
  });
  return strip({
    accountNumber: m.accountNumber,
    effectiveDate: opt(m.memoDate), // empty: Zuora's default (today), so a re-sent batch is the same request on another day
    dueDate: kind === 'DebitMemo' ? opt(m.dueDate) : undefined,
    reasonCode: opt(m.reasonCode),
    comment: opt(m.comment),
    autoPost: m.autoPost ? m.autoPost.toLowerCase() === 'true' : false,
    charges,
  });
}

function strip(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}
