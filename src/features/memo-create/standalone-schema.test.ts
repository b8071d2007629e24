import { describe, expect, it } from 'vitest';
import {
  standaloneDefaults,
  standaloneFormSchema,
  type ChargeLine,
  type StandaloneFormValues,
} from './standalone-schema.ts';
import { standaloneRequest } from './build-requests.ts';
import { standaloneTotals } from './memo-totals.ts';

const charge = (over: Partial<ChargeLine> = {}): ChargeLine => ({
  productRatePlanChargeId: 'prpc1',
  chargeName: 'Setup fee',
  productName: 'P',
  ratePlanName: 'RP',
  chargeType: 'OneTime',
  uom: '',
  amount: '10.00',
  quantity: '',
  description: '',
  serviceStartDate: '',
  serviceEndDate: '',
  financeInformation: {
    recognizedRevenueAccountingCode: 'Sales',
    deferredRevenueAccountingCode: '',
    onAccountAccountingCode: '',
    revenueRecognitionRuleName: '',
  },
  ...over,
});

const valid = (over: Partial<StandaloneFormValues> = {}): StandaloneFormValues => ({
  ...standaloneDefaults('DebitMemo', '2025-03-01'),
  account: { id: 'acc', accountNumber: 'A1', name: 'Acme', currency: 'USD' },
  currency: 'USD',
  charges: [charge()],
  ...over,
});

function errors(v: StandaloneFormValues): Record<string, string> {
  const r = standaloneFormSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('standalone form rules', () => {
  it('accepts a complete memo', () => expect(errors(valid())).toEqual({}));

  it('needs an account, a memo date, a currency and at least one charge', () => {
    expect(errors(valid({ account: null, effectiveDate: '', currency: '', charges: [] }))).toEqual({
      account: 'Choose an account.',
      effectiveDate: 'Enter a date.',
      currency: 'Choose a currency.',
      charges: 'Add at least one charge.',
    });
  });

  it('refuses more than 1,000 charges', () => {
    expect(errors(valid({ charges: Array.from({ length: 1001 }, () => charge()) })).charges).toBe(
      'A memo holds at most 1000 charges.',
    );
    expect(errors(valid({ charges: Array.from({ length: 1000 }, () => charge()) }))).toEqual({});
  });

  it('limits the comment to 255 characters', () => {
    expect(errors(valid({ comment: 'x'.repeat(256) })).comment).toBe('At most 255 characters.');
    expect(errors(valid({ comment: 'x'.repeat(255) }))).toEqual({});
  });

  it('allows a custom number of ≤ 32 letters, digits, - and _ only', () => {
    expect(errors(valid({ number: 'DM_2025-01' }))).toEqual({});
    expect(errors(valid({ number: 'DM 1' })).number).toMatch(/at most 32 letters/);
    expect(errors(valid({ number: 'x'.repeat(33) })).number).toMatch(/at most 32 letters/);
  });

  it('refuses a due date before the memo date (debit memos)', () => {
    expect(errors(valid({ effectiveDate: '2025-03-01', dueDate: '2025-02-28' })).dueDate).toBe(
      'The due date cannot be before the memo date.',
    );
    expect(errors(valid({ dueDate: '2025-02-30' })).dueDate).toBe('Enter a date as yyyy-mm-dd.');
  });

  it('checks custom field names', () => {
    const e = errors(
      valid({
        customFields: [
          { name: 'Region', value: 'x' },
          { name: 'Region__c', value: 'EU' },
          { name: 'Region__c', value: 'US' },
          { name: 'IntegrationId__NS', value: '42' },
        ],
      }),
    );
    expect(e['customFields.0.name']).toMatch(/ends in __c/);
    expect(e['customFields.2.name']).toBe('This custom field is already set.');
    expect(e['customFields.1.name']).toBeUndefined();
    // A NetSuite connector field is a custom field too, as the server takes it (docs/zuora/api-digest.md §0).
    expect(e['customFields.3.name']).toBeUndefined();
  });

  it('validates each charge amount against the currency decimals', () => {
    expect(errors(valid({ charges: [charge({ amount: '10.005' })] }))['charges.0.amount']).toBe(
      'USD amounts have at most 2 decimals.',
    );
    expect(errors(valid({ currency: 'JPY', charges: [charge({ amount: '100.5' })] }))['charges.0.amount']).toBe(
      'JPY amounts have no decimals.',
    );
    expect(errors(valid({ currency: 'KWD', charges: [charge({ amount: '1.005' })] }))).toEqual({});
    expect(errors(valid({ charges: [charge({ amount: '' })] }))['charges.0.amount']).toBe('Enter an amount.');
    expect(errors(valid({ charges: [charge({ amount: 'ten' })] }))['charges.0.amount']).toBe(
      'Enter a number such as 120.50.',
    );
    expect(errors(valid({ charges: [charge({ amount: '0' })] }))).toEqual({});
    expect(errors(valid({ charges: [charge({ amount: '-1' })] }))['charges.0.amount']).toBe(
      'The amount cannot be negative.',
    );
  });

  it('refuses an amount a JSON number cannot carry exactly, naming the largest amount', () => {
    expect(errors(valid({ charges: [charge({ amount: '999999999999999.99' })] }))['charges.0.amount']).toBe(
      'The amount is above the largest amount accepted, $9,999,999,999,999.99.',
    );
    expect(errors(valid({ charges: [charge({ amount: '9999999999999.99' })] }))).toEqual({});
  });

  it('needs a positive quantity on usage charges only', () => {
    expect(errors(valid({ charges: [charge({ chargeType: 'Usage', quantity: '' })] }))['charges.0.quantity']).toBe(
      'Usage charges need a quantity.',
    );
    expect(errors(valid({ charges: [charge({ chargeType: 'Usage', quantity: '0' })] }))['charges.0.quantity']).toBe(
      'The quantity must be a positive number.',
    );
    expect(errors(valid({ charges: [charge({ chargeType: 'Usage', quantity: '2.5' })] }))).toEqual({});
    expect(errors(valid({ charges: [charge({ chargeType: 'OneTime', quantity: '' })] }))).toEqual({});
  });

  it('checks service dates, their order, description and accounting code lengths', () => {
    const e = errors(
      valid({
        charges: [
          charge({
            serviceStartDate: '2025-02-01',
            serviceEndDate: '2025-01-01',
            description: 'd'.repeat(256),
            financeInformation: { ...charge().financeInformation, deferredRevenueAccountingCode: 'c'.repeat(101) },
          }),
        ],
      }),
    );
    expect(e).toEqual({
      'charges.0.serviceEndDate': 'The service end date cannot be before the start date.',
      'charges.0.description': 'At most 255 characters.',
      'charges.0.financeInformation.deferredRevenueAccountingCode': 'At most 100 characters.',
    });
  });
});

describe('standalone request and totals', () => {
  it('sends Zuora 257.0 field names, leaves empty optionals out, and adds custom fields', () => {
    const v = valid({
      comment: 'c',
      dueDate: '2025-04-01',
      number: 'N-1',
      autoPost: true,
      customFields: [{ name: 'Region__c', value: 'EU' }],
      charges: [charge({ amount: '0.10', quantity: '3', description: 'x' })],
    });
    expect(standaloneRequest(v)).toEqual({
      accountId: 'acc',
      effectiveDate: '2025-03-01',
      comment: 'c',
      autoPost: true,
      number: 'N-1',
      autoPay: true,
      dueDate: '2025-04-01',
      Region__c: 'EU',
      charges: [
        {
          productRatePlanChargeId: 'prpc1',
          amount: 0.1,
          quantity: 3,
          description: 'x',
          financeInformation: { recognizedRevenueAccountingCode: 'Sales' },
        },
      ],
    });
  });

  it('sends credit-memo fields for a credit memo and the currency only when it differs', () => {
    const body = standaloneRequest(valid({ kind: 'CreditMemo', currency: 'EUR', excludeFromAutoApplyRules: true }));
    expect(body).toMatchObject({ excludeFromAutoApplyRules: true, currency: 'EUR' });
    expect(body).not.toHaveProperty('autoPay');
    expect(body).not.toHaveProperty('dueDate');
  });

  it('adds amounts exactly', () => {
    const t = standaloneTotals([{ amount: '0.1' }, { amount: '0.2' }, { amount: 'typing' }]);
    expect(t.total.toString()).toBe('0.3');
    expect(t.count).toBe(3);
  });
});
