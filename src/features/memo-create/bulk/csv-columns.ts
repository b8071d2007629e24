import type { MemoKind } from '../../../lib/memo-kind.ts';
import { csvCell } from './parse-csv.ts';

// The bulk file format, documented on the page and offered as a template. One row per charge line;
// rows that share a memoRef form one memo, and their memo-level cells must agree.

export interface CsvColumn {
  name: string;
  level: 'memo' | 'charge';
  required: boolean;
  kinds: MemoKind[];
  help: string;
}

const BOTH: MemoKind[] = ['CreditMemo', 'DebitMemo'];

export const CSV_COLUMNS: CsvColumn[] = [
  {
    name: 'memoRef',
    level: 'memo',
    required: true,
    kinds: BOTH,
    help: 'Your reference; rows with the same memoRef become one memo.',
  },
  {
    name: 'accountNumber',
    level: 'memo',
    required: true,
    kinds: BOTH,
    help: 'Customer account number, e.g. A00000001.',
  },
  { name: 'memoDate', level: 'memo', required: false, kinds: BOTH, help: 'yyyy-mm-dd; today when empty.' },
  {
    name: 'dueDate',
    level: 'memo',
    required: false,
    kinds: ['DebitMemo'],
    help: 'yyyy-mm-dd, not before the memo date (debit memos only).',
  },
  {
    name: 'reasonCode',
    level: 'memo',
    required: false,
    kinds: BOTH,
    help: 'An existing reason code; the default one when empty.',
  },
  { name: 'comment', level: 'memo', required: false, kinds: BOTH, help: 'At most 255 characters.' },
  {
    name: 'autoPost',
    level: 'memo',
    required: false,
    kinds: BOTH,
    help: 'true to post the memo at once; Draft otherwise.',
  },
  {
    name: 'productRatePlanChargeId',
    level: 'charge',
    required: false,
    kinds: BOTH,
    help: 'The catalog charge (or give chargeNumber).',
  },
  {
    name: 'chargeNumber',
    level: 'charge',
    required: false,
    kinds: BOTH,
    help: 'The catalog charge number, e.g. PRPC-00000001 (or give productRatePlanChargeId).',
  },
  {
    name: 'amount',
    level: 'charge',
    required: true,
    kinds: BOTH,
    help: "Not negative, with no more decimals than the account's currency allows (JPY 0, USD 2, KWD 3).",
  },
  { name: 'quantity', level: 'charge', required: false, kinds: BOTH, help: 'Positive; usage charges default to 1.' },
  { name: 'description', level: 'charge', required: false, kinds: BOTH, help: 'At most 255 characters.' },
  { name: 'serviceStartDate', level: 'charge', required: false, kinds: BOTH, help: 'yyyy-mm-dd.' },
  { name: 'serviceEndDate', level: 'charge', required: false, kinds: BOTH, help: 'yyyy-mm-dd, not before the start.' },
];

export const columnsFor = (kind: MemoKind) => CSV_COLUMNS.filter((c) => c.kinds.includes(kind));

/** A two-memo example file, so a user starts from something that works. */
export function csvTemplate(kind: MemoKind, sample: { chargeId?: string; accountNumber?: string } = {}): string {
  const account = sample.accountNumber ?? 'A00000001';
  const charge = sample.chargeId ?? '';
  const cols = columnsFor(kind).map((c) => c.name);
  const example: Record<string, string>[] = [
    {
      memoRef: 'M-1',
      accountNumber: account,
      memoDate: '',
      reasonCode: '',
      comment: 'Goodwill, ticket 4711',
      productRatePlanChargeId: charge,
      amount: '25.00',
      quantity: '1',
      description: 'Service credit',
    },
    {
      memoRef: 'M-1',
      accountNumber: account,
      memoDate: '',
      reasonCode: '',
      comment: 'Goodwill, ticket 4711',
      productRatePlanChargeId: charge,
      amount: '10.00',
      quantity: '1',
      description: 'Late delivery, "express"',
    },
    {
      memoRef: 'M-2',
      accountNumber: account,
      memoDate: '',
      reasonCode: '',
      comment: '',
      productRatePlanChargeId: charge,
      amount: '99.00',
      quantity: '1',
      description: '',
    },
  ];
  const lines = [cols.join(','), ...example.map((row) => cols.map((c) => csvCell(row[c] ?? '')).join(','))];
  return lines.join('\r\n') + '\r\n';
}
