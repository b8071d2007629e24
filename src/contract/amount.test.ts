import { describe, expect, it } from 'vitest';
import { amountProblem, parseAmount } from './amount.ts';

describe('amountProblem', () => {
  const settle = { least: 'positive', max: { value: '10.50', what: 'the balance' } } as const;
  it('accepts an amount within the limit and the currency decimals', () => {
    expect(amountProblem('10.5', 'USD', settle)).toBeUndefined();
    expect(amountProblem('10.50', 'USD', settle)).toBeUndefined();
    expect(amountProblem('0', 'USD', { least: 'zero' })).toBeUndefined();
  });
  it('refuses blanks, text, zero where it must be positive, negatives, extra decimals and amounts above the limit', () => {
    expect(amountProblem('', 'USD', settle)).toBe('Enter an amount.');
    expect(amountProblem('abc', 'USD', settle)).toBe('Enter a number such as 120.50.');
    expect(amountProblem('0', 'USD', settle)).toBe('The amount must be greater than 0.');
    expect(amountProblem('-1', 'USD', settle)).toBe('The amount must be greater than 0.');
    expect(amountProblem('-1', 'USD', { least: 'zero' })).toBe('The amount cannot be negative.');
    expect(amountProblem('1.001', 'USD', settle)).toBe('USD amounts have at most 2 decimals.');
    expect(amountProblem('1.5', 'JPY', { least: 'positive' })).toBe('JPY amounts have no decimals.');
    expect(amountProblem('1.0001', 'KWD', { least: 'positive' })).toBe('KWD amounts have at most 3 decimals.');
    expect(amountProblem('10.51', 'USD', settle)).toBe('The amount cannot exceed the balance $10.50.');
  });
  it('parses decimals exactly, and only plain decimals', () => {
    expect(parseAmount('0.1')!.plus('0.2').toString()).toBe('0.3');
    expect(parseAmount('1e3')).toBeNull();
    expect(parseAmount('1,000')).toBeNull();
  });
});
