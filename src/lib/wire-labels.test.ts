import { describe, expect, it } from 'vitest';
import { CM_SOURCE_TYPES, DM_SOURCE_TYPES, REFUND_METHOD_TYPES } from '../contract/common.ts';
import { fieldLabel, refundMethodLabel, sourceLabel, sourceTypeLabel } from './wire-labels.ts';

const camel = /[a-z][A-Z]/;

describe('wire labels', () => {
  it('names every refund method, source type and source without its camel-case spelling', () => {
    for (const m of REFUND_METHOD_TYPES.filter((m) => m !== 'PayPal')) expect(refundMethodLabel(m)).not.toMatch(camel);
    for (const t of [...CM_SOURCE_TYPES, ...DM_SOURCE_TYPES]) expect(sourceTypeLabel(t)).not.toMatch(camel);
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
