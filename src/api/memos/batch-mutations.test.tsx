import type { ReactNode } from 'react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useMemoBatch } from './batch-mutations.ts';
import { memoKeys } from './keys.ts';

function setup() {
  const qc = new QueryClient();
  for (const key of [
    memoKeys.list('DebitMemo', { page: 1 }),
    memoKeys.detail('DebitMemo', 'd1'),
    memoKeys.detail('DebitMemo', 'd2'),
    memoKeys.list('CreditMemo', { page: 1 }),
  ])
    qc.setQueryData(key, {});
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={qc}>{children}</QueryClientProvider>
  );
  const stale = (key: readonly unknown[]) => qc.getQueryState(key)?.isInvalidated ?? false;
  return { qc, wrapper, stale };
}

describe('useMemoBatch', () => {
  it('a bulk post invalidates, once it ends, the list and the memos it posted, not the memo refused', async () => {
    const { wrapper, stale } = setup();
    const { result } = renderHook(() => useMemoBatch<{ id: string; ok: boolean }[]>('DebitMemo'), { wrapper });
    const outcomes = [
      { id: 'd1', ok: true },
      { id: 'd2', ok: false },
    ];
    let resolved: unknown;
    await act(async () => {
      resolved = await result.current.mutateAsync({
        operation: 'post',
        run: () => Promise.resolve(outcomes),
        changed: (list) => list.filter((o) => o.ok).map((o) => o.id),
      });
    });
    expect(resolved).toBe(outcomes);
    expect(stale(memoKeys.list('DebitMemo', { page: 1 }))).toBe(true);
    expect(stale(memoKeys.detail('DebitMemo', 'd1'))).toBe(true);
    expect(stale(memoKeys.detail('DebitMemo', 'd2'))).toBe(false);
    expect(stale(memoKeys.list('CreditMemo', { page: 1 }))).toBe(false);
  });

  it('a batch that changed nothing invalidates nothing', async () => {
    const { wrapper, stale } = setup();
    const { result } = renderHook(() => useMemoBatch<string[]>('DebitMemo'), { wrapper });
    await act(() => result.current.mutateAsync({ operation: 'create', run: async () => [], changed: (ids) => ids }));
    expect(stale(memoKeys.list('DebitMemo', { page: 1 }))).toBe(false);
  });
});
