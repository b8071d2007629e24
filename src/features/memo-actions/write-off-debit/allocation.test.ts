import { describe, expect, it } from 'vitest';
import { previewWriteOff } from '../../../contract/write-off.ts';
import { revenueImpactSentence } from './allocation.ts';

const preview = previewWriteOff(
  { currency: 'USD', balance: '108.25' },
  [{ id: 'i1', balance: '100', taxationItems: [{ id: 't1', balance: '8.25', name: 'State Sales Tax' }] }],
  '108.25',
);

describe('revenueImpactSentence', () => {
  it('books a non-revenue write-off’s items to the expense code and its tax to the tax code, as the preview does', () => {
    expect(revenueImpactSentence(preview, false, [], 'Bad Debt Expense', ['Sales Tax Payable'])).toBe(
      'Not revenue impacting: $100.00 is booked as an expense to Bad Debt Expense, and $8.25 of tax is reversed to its tax code Sales Tax Payable; recognized revenue does not change.',
    );
  });

  it('names the tax code for a revenue-impacting write-off too', () => {
    expect(revenueImpactSentence(preview, true, ['Deferred Revenue'], '', ['Sales Tax Payable'])).toBe(
      'Revenue impacting: revenue booked to Deferred Revenue goes down by $100.00, and $8.25 of tax is reversed to its tax code Sales Tax Payable.',
    );
  });
});
