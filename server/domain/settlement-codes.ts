import type { Tx } from '../db/transaction.ts';
import { invalidValue, ruleViolation } from '../errors.ts';
import { isBefore, today } from '../../src/lib/dates.ts';

// Reason codes, accounting codes and dates as the settlement operations check them.

/** Transaction types of the `reason_codes` table used here (docs/zuora/api-digest.md §7.3, docs/zuora/ui-inventory.md §4.6). */
export type ReasonCodeType = 'CreditMemo' | 'DebitMemo' | 'CreditMemoRefund';

/**
 * The reason code to store: the requested one when it exists and is active for that transaction type
 * (matched case-insensitively, stored with its configured spelling), else `fallback`. Unknown → 20.
 */
export async function reasonCodeOf(
  tx: Tx,
  type: ReasonCodeType,
  requested: string | null | undefined,
  fallback: string,
): Promise<string> {
  const name = requested?.trim() || fallback;
  const row = await tx
    .selectFrom('reason_codes')
    .select('name')
    .where('transaction_type', '=', type)
    .where('active', '=', true)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
  if (row) return row.name;
  if (!requested?.trim()) return fallback; // the tenant's default list may not hold it; the default is always accepted
  throw invalidValue(`'reasonCode': '${name}' is not an active ${type} reason code.`);
}

export const WRITE_OFF_CODE_TYPES = ['BadDebt', 'OtherExpenses'];

/** The non-revenue write-off accounting code: unknown → 20; inactive or not an expense type → 30. */
export async function writeOffAccountingCode(tx: Tx, name: string): Promise<string> {
  const row = await tx
    .selectFrom('accounting_codes')
    .select(['name', 'type', 'status'])
    .where('name', '=', name)
    .executeTakeFirst();
  if (!row) throw invalidValue(`'recognizedRevenueAccountingCode': no accounting code named '${name}'.`);
  if (row.status !== 'Active') throw ruleViolation(`The accounting code '${name}' is not active.`);
  if (!WRITE_OFF_CODE_TYPES.includes(row.type)) {
    throw ruleViolation(
      `The accounting code '${name}' is of type ${row.type}; a non-revenue write-off needs a BadDebt or OtherExpenses code.`,
    );
  }
  return row.name;
}

/** A date defaulting to today that may not precede `earliest` (category 30, naming the earliest date). */
export function dateNotBefore(value: string | undefined, earliest: string, field: string, what: string): string {
  const date = value ?? today();
  if (isBefore(date, earliest))
    throw ruleViolation(
      `'${field}' ${date} cannot be before ${what} ${earliest}; the earliest allowed date is ${earliest}.`,
    );
  return date;
}
