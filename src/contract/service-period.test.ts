import { describe, expect, it } from 'vitest';
import { blankServiceDateMeaning, servicePeriodOf } from './service-period.ts';

const plan = { planStart: '2020-01-01', planEnd: '2066-01-01', memoDate: '2026-03-10' };

describe('servicePeriodOf', () => {
  it('makes blank dates of a one-time charge the memo date, not the rate plan’s effective period', () => {
    expect(servicePeriodOf({ ...plan, chargeType: 'OneTime' })).toEqual({ start: '2026-03-10', end: '2026-03-10' });
    expect(servicePeriodOf({ ...plan, chargeType: 'OneTime', start: '2026-03-01' })).toEqual({
      start: '2026-03-01',
      end: '2026-03-01',
    });
    expect(servicePeriodOf({ ...plan, chargeType: 'OneTime', end: '2026-02-01' })).toEqual({
      start: '2026-02-01',
      end: '2026-02-01',
    });
  });

  it('keeps Zuora’s default for recurring and usage charges: the rate plan’s effective period', () => {
    expect(servicePeriodOf({ ...plan, chargeType: 'Recurring' })).toEqual({ start: '2020-01-01', end: '2066-01-01' });
    expect(servicePeriodOf({ ...plan, chargeType: 'Usage', start: '2026-01-01' })).toEqual({
      start: '2026-01-01',
      end: '2066-01-01',
    });
  });

  it('says what blank means under each field', () => {
    expect(blankServiceDateMeaning('OneTime', 'start')).toBe('Blank: the memo date');
    expect(blankServiceDateMeaning('Recurring', 'end')).toBe('Blank: the rate plan’s end');
  });
});
