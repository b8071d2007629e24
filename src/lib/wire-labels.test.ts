import { describe, expect, it } from 'vitest';
import { fieldLabel, refundMethodLabel, sourceLabel, sourceTypeLabel } from './wire-labels.ts';

const camel = /[a-z][A-Z]/;
// Zuora's values (src/contract/common.ts; lib sits below contract, so they are written out here).
const REFUND_METHOD_TYPES = [
  'ACH',
  'Cash',
  'Check',
  'CreditCard',
  'PayPal',
  'WireTransfer',
  'DebitCard',
  'CreditCardReferenceTransaction',
  'BankTransfer',
  'Other',
];
const SOURCE_TYPES = ['Subscription', 'Standalone', 'Order', 'Consolidation', 'Invoice', 'CreditMemo'];

describe('wire labels', () => {
  it('names every refund method, source type and source without its camel-case spelling', () => {
    for (const m of REFUND_METHOD_TYPES.filter((m) => m !== 'PayPal')) expect(refundMethodLabel(m)).not.toMatch(camel);
    for (const t of SOURCE_TYPES) expect(sourceTypeLabel(t)).not.toMatch(camel);
    for (const s of ['BillRun', 'API', 'ApiSubscribe', 'ApiAmend', 'AdhocFromPrpc', 'AdhocFromInvoice'])
      expect(sourceLabel(s)).not.toMatch(camel);
    expect(refundMethodLabel('CreditCardReferenceTransaction')).toBe('Credit card (reference transaction)');
    expect(refundMethodLabel('WireTransfer')).toBe('Wire transfer');
    expect(sourceLabel('AdhocFromPrpc')).toBe('Ad hoc, from product charges');
  });

  it('spells out a value it does not know, and field names as the forms label them', () => {
    expect(sourceLabel('NewTenantSource')).toBe('New tenant source');
    expect(fieldLabel('effectiveDate')).toBe('memo date');
    expect(fieldLabel('billToContactId')).toBe('bill to contact id');
  });
});
