import type { MemoStatus } from '../contract/common.ts';
import {
  creditMemoResponseSchema,
  debitMemoResponseSchema,
  type CreditMemo,
  type DebitMemo,
} from '../contract/memos.ts';

// Memo values for the pure availability tests, parsed by the contract schemas so they cannot drift
// from the wire shape. (These are inputs of a pure function, not stand-ins for server responses.)

const audit = {
  createdDate: '2024-03-01 10:00:00',
  createdById: null,
  updatedDate: '2024-03-01 10:00:00',
  updatedById: null,
};
const common = {
  id: '0123456789abcdef0123456789abcdef',
  accountId: 'fedcba9876543210fedcba9876543210',
  accountNumber: 'A00000001',
  currency: 'USD',
  targetDate: null,
  amount: 100,
  taxAmount: 0,
  totalTaxExemptAmount: 0,
  comment: null,
  reasonCode: 'Correcting Invoice Error',
  referredInvoiceId: null,
  transferredToAccounting: 'No',
  taxStatus: null,
  taxMessage: null,
  latestPDFFileId: 'f0000000000000000000000000000001',
  postedOn: null,
  postedById: null,
  cancelledOn: null,
  cancelledById: null,
  billToContactId: null,
  sourceType: 'Standalone',
  ...audit,
};

export function creditMemo(status: MemoStatus, over: Partial<CreditMemo> = {}): CreditMemo {
  // `common` carries a currency, as a memo read by key always does.
  return creditMemoResponseSchema.parse({
    success: true,
    ...common,
    number: 'CM00000001',
    status,
    creditMemoDate: '2024-03-01',
    appliedAmount: 0,
    unappliedAmount: 100,
    refundAmount: 0,
    autoApplyUponPosting: false,
    excludeFromAutoApplyRules: false,
    reversed: false,
    source: null,
    sourceId: null,
    ...over,
  });
}

export function debitMemo(status: MemoStatus, over: Partial<DebitMemo> = {}): DebitMemo {
  return debitMemoResponseSchema.parse({
    success: true,
    ...common,
    number: 'DM00000001',
    status,
    debitMemoDate: '2024-03-01',
    dueDate: '2024-03-31',
    balance: 100,
    beAppliedAmount: 0,
    autoPay: false,
    referredCreditMemoId: null,
    ...over,
  });
}
