import { QueryClient } from '@tanstack/react-query';
import { expect, test } from 'vitest';
import { reasonCodesQuery } from './reason-codes.ts';

// Reason codes are settings: asked once per session, however long ago and whichever screen unmounted them.
test('reason codes fetched hours ago are still fresh and never collected', () => {
  const qc = new QueryClient();
  const options = reasonCodesQuery('DebitMemo');
  qc.setQueryData(options.queryKey, [{ name: 'Write-off' }], { updatedAt: Date.now() - 12 * 3600_000 });
  const query = qc.getQueryCache().find({ queryKey: options.queryKey })!;
  expect(query.isStaleByTime(options.staleTime as number)).toBe(false);
  expect(options.gcTime).toBe(Infinity);
});
