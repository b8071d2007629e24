import { describe, expect, it } from 'vitest';
import { amountLimitProblem, largestAmount } from './amount-limit.ts';

describe('largestAmount', () => {
  it('is 15 digits in the currency’s decimals, each carried exactly by a JSON number', () => {
    expect(largestAmount('USD').toString()).toBe('9999999999999.99');
    expect(largestAmount('JPY').toString()).toBe('999999999999999');
    expect(largestAmount('KWD').toString()).toBe('999999999999.999');
    for (const c of ['USD', 'JPY', 'KWD']) {
      const max = largestAmount(c).toString();
      expect(String(JSON.parse(JSON.stringify(Number(max))))).toBe(max);
    }
  });

  it('refuses what a JSON number would change, with the limit in the message', () => {
    expect(amountLimitProblem('9999999999999.99', 'USD')).toBeNull();
    expect(amountLimitProblem('999999999999999.99', 'USD')).toBe(
      'The amount is above the largest amount accepted, $9,999,999,999,999.99.',
    );
    // What a server reads for 999999999999999.99: the double 1e15.
    expect(amountLimitProblem(Number('999999999999999.99'), 'USD')).not.toBeNull();
    expect(amountLimitProblem('1000000000000000', 'JPY', 'The total')).toBe(
      'The total is above the largest amount accepted, ¥999,999,999,999,999.',
    );
  });
});
