import { screen } from '@testing-library/react';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createHarness, type Harness } from '../../server/testing/harness.ts';
import { configureClient } from '../api/client.ts';
import { fetchMemo } from '../api/memos/detail.ts';
import { BasicInformationSection } from '../features/memo-detail/basic-information-section.tsx';
import { renderWithApp } from './render.tsx';

// Hostile strings render inert: a memo comment that is HTML is stored verbatim by the real
// sandbox, read back through the SPA's client and contract, and shown as text: no element is created
// from it and its onerror never runs.

const HOSTILE = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
let h: Harness;

beforeAll(async () => {
  h = await createHarness();
  const token = await h.token('admin');
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    fetch: (input, init) => Promise.resolve(h.app.request(new Request(input, init))),
  });
}, 180_000);
afterAll(() => h?.close());

test('an HTML memo comment is shown as text, not markup', async () => {
  const account = await h.conn.db
    .selectFrom('accounts')
    .select('account_number')
    .where('currency', '=', 'USD')
    .orderBy('account_number')
    .executeTakeFirstOrThrow();
  const charge = await h.conn.db
    .selectFrom('product_rate_plan_charges')
    .select('id')
    .where('name', '=', 'Enterprise Licence')
    .executeTakeFirstOrThrow();
  const created = await h.call('POST', '/v1/credit-memos', {
    accountNumber: account.account_number,
    comment: HOSTILE,
    charges: [{ productRatePlanChargeId: charge.id, amount: 3 }],
  });
  expect(created.status).toBe(200);
  const memo = await fetchMemo('CreditMemo', created.body.id);
  expect(memo.memo.comment).toBe(HOSTILE);

  const { container } = renderWithApp(
    <BasicInformationSection memo={memo} account={undefined} edit={undefined} onEdit={() => {}} />,
  );
  expect(screen.getByText(HOSTILE)).toBeInTheDocument();
  expect(container.querySelector('img')).toBeNull();
  expect(container.querySelector('script')).toBeNull();
  await new Promise((r) => setTimeout(r, 50));
  expect((window as { __pwned?: number }).__pwned).toBeUndefined();
});
