import { MEMO_STATUSES, TRANSFERRED_TO_ACCOUNTING } from '../../src/contract/common.ts';
import type { MemoKind } from '../db/types.ts';
import type { FilterSpec } from './list-params.ts';

// Filters and sortable fields of GET /v1/debitmemos and /v1/creditmemos (docs/zuora/api-digest.md §4.1, §6.1),
// mapped onto the shared `memos` table (alias m). `status` and `accountNumber` are handled in memo-list.ts
// (status takes several values there; accountNumber goes through the accounts table).

const COMMON_FILTERS: Record<string, FilterSpec> = {
  accountId: { column: 'm.account_id', type: 'string' },
  amount: { column: 'm.amount', type: 'number' },
  createdById: { column: 'm.created_by_id', type: 'string' },
  createdDate: { column: 'm.created_date', type: 'datetime' },
  currency: { column: 'm.currency', type: 'string' },
  number: { column: 'm.number', type: 'string' },
  referredInvoiceId: { column: 'm.referred_invoice_id', type: 'string' },
  targetDate: { column: 'm.target_date', type: 'date', nullable: true },
  taxAmount: { column: 'm.tax_amount', type: 'number' },
  totalTaxExemptAmount: { column: 'm.total_tax_exempt_amount', type: 'number' },
  updatedById: { column: 'm.updated_by_id', type: 'string' },
  updatedDate: { column: 'm.updated_date', type: 'datetime' },
  // Sandbox extras (exact match) the list UI offers: source type and reason code.
  sourceType: { column: 'm.source_type', type: 'string' },
  reasonCode: { column: 'm.reason_code', type: 'string' },
};

export const MEMO_FILTERS: Record<MemoKind, Record<string, FilterSpec>> = {
  DebitMemo: {
    ...COMMON_FILTERS,
    balance: { column: 'm.balance', type: 'number' },
    beAppliedAmount: { column: 'm.applied_amount', type: 'number' },
    debitMemoDate: { column: 'm.memo_date', type: 'date' },
    dueDate: { column: 'm.due_date', type: 'date', nullable: true },
  },
  CreditMemo: {
    ...COMMON_FILTERS,
    appliedAmount: { column: 'm.applied_amount', type: 'number' },
    autoApplyUponPosting: { column: 'coalesce(m.auto_apply_upon_posting, false)', type: 'boolean' },
    creditMemoDate: { column: 'm.memo_date', type: 'date' },
    excludeFromAutoApplyRules: { column: 'coalesce(m.exclude_from_auto_apply_rules, false)', type: 'boolean' },
    refundAmount: { column: 'm.refund_amount', type: 'number' },
    transferredToAccounting: { column: 'm.transferred_to_accounting', type: 'enum', values: TRANSFERRED_TO_ACCOUNTING },
    unappliedAmount: { column: 'm.balance', type: 'number' },
  },
};

export const STATUS_VALUES: readonly string[] = MEMO_STATUSES;

const COMMON_SORT = {
  number: 'm.number',
  accountId: 'm.account_id',
  targetDate: 'm.target_date',
  amount: 'm.amount',
  taxAmount: 'm.tax_amount',
  totalTaxExemptAmount: 'm.total_tax_exempt_amount',
  referredInvoiceId: 'm.referred_invoice_id',
  createdDate: 'm.created_date',
  createdById: 'm.created_by_id',
  updatedDate: 'm.updated_date',
  updatedById: 'm.updated_by_id',
  // Documented for credit memos; the debit memo list accepts it too (the UI sorts both tabs by status).
  status: 'm.status',
};

export const MEMO_SORT: Record<MemoKind, Record<string, string>> = {
  DebitMemo: {
    ...COMMON_SORT,
    debitMemoDate: 'm.memo_date',
    dueDate: 'm.due_date',
    balance: 'm.balance',
    beAppliedAmount: 'm.applied_amount',
  },
  CreditMemo: {
    ...COMMON_SORT,
    creditMemoDate: 'm.memo_date',
    appliedAmount: 'm.applied_amount',
    refundAmount: 'm.refund_amount',
    transferredToAccounting: 'm.transferred_to_accounting',
    unappliedAmount: 'm.balance',
  },
};
