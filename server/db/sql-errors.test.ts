import { describe, expect, it } from 'vitest';
import { sqlInputError } from './sql-errors.ts';

describe('database refusals as Zuora errors', () => {
  it('a unique value taken by a concurrent request is a business-rule refusal naming the key, not a 500', () => {
    const e = sqlInputError({ code: '23505', detail: 'Key (kind, number)=(DebitMemo, DM00000181) already exists.' })!;
    expect(e.status).toBe(400);
    expect(e.envelope().reasons[0].code % 100).toBe(30);
    expect(e.envelope().reasons[0].message).toContain('DM00000181');
  });

  it('a value PostgreSQL cannot store is an invalid value; anything else is not translated', () => {
    expect(sqlInputError({ code: '22021' })!.envelope().reasons[0].code % 100).toBe(20);
    expect(sqlInputError({ code: '42P01' })).toBeNull();
    expect(sqlInputError(new Error('boom'))).toBeNull();
  });
});
