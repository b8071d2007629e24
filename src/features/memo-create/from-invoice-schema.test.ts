import { describe, expect, it } from 'vitest';
import {
  fromInvoiceDefaults,
  fromInvoiceFormSchema,
  type FromInvoiceFormValues,
  type InvoiceItemLine,
} from './from-invoice-schema.ts';
import { fromInvoiceRequest } from './build-requests.ts';
import { fromInvoiceTotals, scaleTax } from './memo-totals.ts';
import { formatDate } from '../../lib/dates.ts';

const item = (over: Partial<InvoiceItemLine> = {}): InvoiceItemLine => ({
  selected: true,
  invoiceItemId: 'ii1',
  skuName: 'Subscription',
  chargeAmount: '100',
  availableToCreditAmount: '80',
  quantity: '1',
  unitOfMeasure: '',
  serviceStartDate: '2025-01-01',
  serviceEndDate: '2025-01-31',
  amount: '80',
  taxMode: 'TaxExclusive',
  description: '',
  taxItems: [
    {
      sourceTaxItemId: 't1',
      name: 'VAT',
      taxRate: 0.2,
      taxRateType: 'Percentage',
      taxCode: '',
      jurisdiction: '',
      originalAmount: '20',
      availableToCredit: '16',
      amount: '16',
    },
  ],
  ...over,
});

const valid = (over: Partial<FromInvoiceFormValues> = {}): FromInvoiceFormValues => ({
  ...fromInvoiceDefaults('CreditMemo', '2025-03-01'),
  account: { id: 'acc', accountNumber: 'A1', name: 'Acme', currency: 'USD' },
  invoice: { id: 'inv', invoiceNumber: 'INV1', invoiceDate: '2025-02-01', currency: 'USD' },
  items: [item(), item({ invoiceItemId: 'ii2' })],
  ...over,
});

function errors(v: FromInvoiceFormValues): Record<string, string> {
  const r = fromInvoiceFormSchema.safeParse(v);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [i.path.join('.'), i.message]));
}

describe('from-invoice form rules', () => {
  it('accepts the default full credit', () => expect(errors(valid())).toEqual({}));

  it('needs an account and an invoice', () => {
    expect(errors(valid({ account: null, invoice: null, items: [] }))).toEqual({
      account: 'Choose an account.',
      invoice: 'Choose an invoice.',
    });
  });

  it('refuses a memo date before the invoice date', () => {
    expect(errors(valid({ effectiveDate: '2025-01-31' })).effectiveDate).toBe(
      `The memo date cannot be before the invoice date (${formatDate('2025-02-01')}).`,
    );
    expect(errors(valid({ effectiveDate: '2025-02-01' }))).toEqual({});
  });

  it('needs at least one selected item', () => {
    expect(errors(valid({ items: [item({ selected: false })] })).items).toBe('Select at least one invoice item.');
  });

  it('caps a credit at the available-to-credit amount, but not a debit', () => {
    expect(errors(valid({ items: [item({ amount: '80.01' })] }))['items.0.amount']).toBe(
      'At most 80 is available to credit.',
    );
    expect(errors(valid({ kind: 'DebitMemo', items: [item({ amount: '500' })] }))).toEqual({});
  });

  it('caps a tax-included credit on its part before tax, as the server computes it', () => {
    // Invoiced 100 + 20 tax; 80 still available. 96 tax-included = 80 + 16 tax: the full available credit.
    const inclusive = (amount: string) => errors(valid({ items: [item({ taxMode: 'TaxInclusive', amount })] }));
    expect(inclusive('96')).toEqual({});
    expect(inclusive('96.02')['items.0.amount']).toBe(
      'At most 80 before tax is available to credit; this amount is 80.02 before tax.',
    );
  });

  it('ignores rules on deselected items', () => {
    expect(errors(valid({ items: [item(), item({ selected: false, amount: 'nonsense' })] }))).toEqual({});
  });

  it('allows zero (tax-only correction), refuses negatives and too many decimals', () => {
    expect(errors(valid({ items: [item({ amount: '0' })] }))).toEqual({});
    expect(errors(valid({ items: [item({ amount: '-5' })] }))['items.0.amount']).toBe('The amount cannot be negative.');
    const jpy = valid({
      invoice: { id: 'i', invoiceNumber: 'I', invoiceDate: '2025-02-01', currency: 'JPY' },
      items: [item({ amount: '10.5' })],
    });
    expect(errors(jpy)['items.0.amount']).toBe('JPY amounts have no decimals.');
  });

  it('checks tax lines: decimals and available tax', () => {
    const e = errors(
      valid({
        items: [
          item({ taxItems: [{ ...item().taxItems[0], amount: '16.01' }] }),
          item({ taxItems: [{ ...item().taxItems[0], amount: '1.234' }] }),
        ],
      }),
    );
    expect(e['items.0.taxItems.0.amount']).toBe('At most 16 of this tax is available to credit.');
    expect(e['items.1.taxItems.0.amount']).toBe('USD amounts have at most 2 decimals.');
  });

  it('allows tax-included amounts only with Tax Auto Calculation', () => {
    expect(
      errors(valid({ taxAutoCalculation: false, items: [item({ taxMode: 'TaxInclusive' })] }))['items.0.taxMode'],
    ).toBe('Tax-included amounts need Tax Auto Calculation.');
    expect(
      errors(valid({ items: [item({ taxMode: 'TaxInclusive', taxItems: [{ ...item().taxItems[0], amount: 'x' }] })] })),
    ).toEqual({});
  });

  it('limits the comment and item descriptions to 255 characters', () => {
    const e = errors(valid({ comment: 'c'.repeat(256), items: [item({ description: 'd'.repeat(256) })] }));
    expect(e).toEqual({ comment: 'At most 255 characters.', 'items.0.description': 'At most 255 characters.' });
  });
});

describe('from-invoice request and totals', () => {
  it('sends only selected items, with tax lines for tax-exclusive items', () => {
    const body = fromInvoiceRequest(
      valid({
        autoApplyToInvoiceUponPosting: true,
        items: [
          item({ amount: '50', taxItems: [{ ...item().taxItems[0], amount: '10' }] }),
          item({ invoiceItemId: 'ii2', selected: false }),
          item({ invoiceItemId: 'ii3', taxMode: 'TaxInclusive' }),
        ],
      }),
    );
    expect(body).toEqual({
      effectiveDate: '2025-03-01',
      taxAutoCalculation: true,
      autoPost: false,
      autoApplyToInvoiceUponPosting: true,
      excludeFromAutoApplyRules: false,
      items: [
        {
          invoiceItemId: 'ii1',
          skuName: 'Subscription',
          amount: 50,
          taxMode: 'TaxExclusive',
          quantity: 1,
          serviceStartDate: '2025-01-01',
          serviceEndDate: '2025-01-31',
          taxItems: [{ sourceTaxItemId: 't1', amount: 10, taxName: 'VAT', taxRate: 0.2, taxRateType: 'Percentage' }],
        },
        {
          invoiceItemId: 'ii3',
          skuName: 'Subscription',
          amount: 80,
          taxMode: 'TaxInclusive',
          quantity: 1,
          serviceStartDate: '2025-01-01',
          serviceEndDate: '2025-01-31',
        },
      ],
    });
  });

  it('sends autoPay, not the credit-only fields, for a debit memo', () => {
    const body = fromInvoiceRequest(valid({ kind: 'DebitMemo' }));
    expect(body).toMatchObject({ autoPay: true });
    expect(body).not.toHaveProperty('autoApplyToInvoiceUponPosting');
  });

  it('totals selected items and their typed tax exactly', () => {
    const t = fromInvoiceTotals(
      [item({ amount: '0.1' }), item({ amount: '0.2', taxItems: [] }), item({ selected: false })],
      'USD',
    );
    expect([t.selected, t.items.toString(), t.tax.toString(), t.total.toString()]).toEqual([2, '0.3', '16', '16.3']);
    // 96 tax included on a 100 + 20 invoice item: 80 before tax, 16 tax.
    const inclusive = fromInvoiceTotals([item({ taxMode: 'TaxInclusive', amount: '96' })], 'USD');
    expect([inclusive.items.toString(), inclusive.tax.toString(), inclusive.total.toString()]).toEqual([
      '80',
      '16',
      '96',
    ]);
  });

  it('scales a tax line with a reduced amount, in the currency decimals', () => {
    expect(scaleTax('20', '50', '100', 'USD')).toBe('10.00');
    expect(scaleTax('10', '33.33', '100', 'USD')).toBe('3.33');
    expect(scaleTax('100', '1', '3', 'JPY')).toBe('33');
  });
});
