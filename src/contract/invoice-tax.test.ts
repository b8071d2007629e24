import { describe, expect, it } from 'vitest';
import { taxBase, taxShare } from './invoice-tax.ts';

describe('invoice tax shares', () => {
  it('scales a tax line with the amount, on the charge alone or on charge + tax for a tax-included amount', () => {
    // Invoiced 299.00 + 24.67 tax.
    expect(taxShare('24.67', '100', taxBase('299.00', '24.67', false), 'USD').toString()).toBe('8.25');
    expect(taxShare('24.67', '323.67', taxBase('299.00', '24.67', true), 'USD').toString()).toBe('24.67');
    expect(taxShare('1547', '10000', taxBase('18750', '1547', true), 'JPY').toString()).toBe('762');
  });

  it('is nothing on a zero base', () => expect(taxShare('5', '10', 0, 'USD').toString()).toBe('0'));
});
