import { describe, expect, it } from 'vitest';
import { memoEffectKeys } from './invalidate.ts';
import { memoKeys } from './keys.ts';

describe('memoEffectKeys', () => {
  it('post refreshes the memo, its items and applications (posting may apply it), files, history and its kind’s lists, not the other kind', () => {
    const keys = memoEffectKeys({ operation: 'post', kind: 'DebitMemo', id: 'd1' });
    expect(keys).toEqual([
      memoKeys.lists('DebitMemo'),
      memoKeys.detail('DebitMemo', 'd1'),
      memoKeys.items('DebitMemo', 'd1'),
      memoKeys.applications('DebitMemo', 'd1'),
      memoKeys.files('DebitMemo', 'd1'),
      memoKeys.history('DebitMemo', 'd1'),
    ]);
  });

  it('a debit memo write-off also refreshes the credit memo it created and the credit memo lists', () => {
    const keys = memoEffectKeys({
      operation: 'writeOffDebit',
      kind: 'DebitMemo',
      id: 'd1',
      related: [{ kind: 'CreditMemo', id: 'c9' }],
    });
    expect(keys).toContainEqual(memoKeys.applications('DebitMemo', 'd1'));
    expect(keys).toContainEqual(memoKeys.items('DebitMemo', 'd1'));
    expect(keys).toContainEqual(memoKeys.lists('CreditMemo'));
    expect(keys).toContainEqual(memoKeys.detail('CreditMemo', 'c9'));
  });

  it('email touches the memo, its files (a PDF may be generated first) and history, and lists each key once', () => {
    expect(memoEffectKeys({ operation: 'email', kind: 'CreditMemo', id: 'c1' })).toEqual([
      memoKeys.detail('CreditMemo', 'c1'),
      memoKeys.files('CreditMemo', 'c1'),
      memoKeys.history('CreditMemo', 'c1'),
    ]);
    const keys = memoEffectKeys({
      operation: 'apply',
      kind: 'CreditMemo',
      id: 'c1',
      related: [{ kind: 'CreditMemo', id: 'c1' }],
    });
    expect(new Set(keys.map((k) => JSON.stringify(k))).size).toBe(keys.length);
  });
});
