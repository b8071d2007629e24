import { describe, expect, it } from 'vitest';
import { editItemFormSchema } from './edit-item-schema.ts';

const values = (amount: string) => ({
  amount,
  description: '',
  serviceStartDate: '',
  serviceEndDate: '',
  deferredRevenueAccountingCode: '',
  recognizedRevenueAccountingCode: '',
  onAccountAccountingCode: '',
  revenueRecognitionRuleName: '',
});

describe('editItemFormSchema', () => {
  it('refuses an amount a JSON number cannot carry exactly, naming the largest amount', () => {
    const r = editItemFormSchema('USD').safeParse(values('999999999999999.99'));
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['amount', 'The amount is above the largest amount accepted, $9,999,999,999,999.99.'],
    ]);
    expect(editItemFormSchema('USD').safeParse(values('9999999999999.99')).success).toBe(true);
  });
});
