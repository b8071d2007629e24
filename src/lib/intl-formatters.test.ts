import { describe, expect, it } from 'vitest';
import { dateTimeFormat, numberFormat } from './intl-formatters.ts';

describe('Intl formatters', () => {
  it('are made once per locale and options, and reused', () => {
    const usd = { style: 'currency', currency: 'USD' } as const;
    expect(numberFormat('en-US', usd)).toBe(numberFormat('en-US', { ...usd }));
    expect(numberFormat('de-DE', usd)).not.toBe(numberFormat('en-US', usd));
    expect(numberFormat('de-DE', usd).format(1234.5)).toMatch(/^1\.234,50\s\$$/);
    expect(dateTimeFormat('en-US', { dateStyle: 'medium' })).toBe(dateTimeFormat('en-US', { dateStyle: 'medium' }));
    expect(dateTimeFormat('en-US', { dateStyle: 'short' })).not.toBe(dateTimeFormat('en-US', { dateStyle: 'medium' }));
  });
});
