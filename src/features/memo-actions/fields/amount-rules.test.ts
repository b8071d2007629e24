import { describe, expect, it } from 'vitest';
import { amountProblem, parseAmount } from './amount-rules.ts';

describe('amountProblem', () => {
  const limit = { max: '10.50', what: 'the balance' };
  it('accepts an amount within the limit and the currency decimals', () => {
    expect(amountProblem('10.5', 'USD', limit)).toBeNull();
    expect(amountProblem('10.50', 'USD', limit)).toBeNull();
  });
  it('refuses blanks, text, zero, negatives, extra decimals and amounts above the limit', () => {
    expect(amountProblem('', 'USD', limit)).toBe('Enter an amount');
    expect(amountProblem('abc', 'USD', limit)).toBe('Enter a number');
    expect(amountProblem('0', 'USD', limit)).toMatch(/greater than 0/);
    expect(amountProblem('-1', 'USD', limit)).toMatch(/greater than 0/);
    expect(amountProblem('1.001', 'USD', limit)).toMatch(/at most 2 decimals/);
    expect(amountProblem('1.5', 'JPY', { max: 100, what: 'x' })).toMatch(/no decimals/);
    expect(amountProblem('1.0001', 'KWD', { max: 100, what: 'x' })).toMatch(/at most 3 decimals/);
    expect(amountProblem('10.51', 'USD', limit)).toMatch(/cannot exceed the balance \$10\.50/);
  });
  it('parses decimals exactly', () => {
    expect(parseAmount('0.1')!.plus('0.2').toString()).toBe('0.3');
    expect(parseAmount('1e3')).toBeNull();
  });
});
