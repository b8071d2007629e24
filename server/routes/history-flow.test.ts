import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../src/lib/dates.ts';
import { createHarness, type Harness } from '../testing/harness.ts';

// The timeline a real sequence of operations leaves, through the create, lifecycle, document and
// settlement endpoints together (demo seed for accounts and charges).

let h: Harness;
beforeAll(async () => {
  h = await createHarness({ seed: 'demo' });
});
afterAll(() => h.close());

const eventsOf = async (path: string) =>
  (await h.call('GET', `${path}/history`)).body.events as {
    event: string;
    userName: string;
    detail: Record<string, unknown>;
  }[];

describe('memo history across operations', () => {
  it('records create, post, PDF, email and write-off on the debit memo, and create/apply on the generated credit memo', async () => {
    const account = await h.conn.db
      .selectFrom('accounts')
      .selectAll()
      .where('currency', '=', 'USD')
      .orderBy('account_number')
      .executeTakeFirstOrThrow();
    const charge = await h.conn.db
      .selectFrom('product_rate_plan_charges')
      .select('id')
      .where('name', '=', 'Enterprise Licence')
      .executeTakeFirstOrThrow();
    const created = await h.call(
      'POST',
      '/v1/debit-memos',
      { accountNumber: account.account_number, charges: [{ productRatePlanChargeId: charge.id, amount: 40 }] },
      { role: 'clerk' },
    );
    expect(created.status).toBe(200);
    const dm = `/v1/debit-memos/${created.body.number as string}`;
    expect((await h.call('PUT', `${dm}/post`, undefined, { role: 'clerk' })).status).toBe(200);
    expect((await h.call('POST', `${dm}/pdfs`)).status).toBe(200);
    expect((await h.call('POST', `${dm}/emails`, { emailAddresses: 'ap@acme.example' })).status).toBe(200);
    const wo = await h.call('PUT', `${dm}/write-off`, { memoDate: today(), comment: 'uncollectible' });
    expect(wo.status).toBe(200);

    const events = await eventsOf(dm);
    expect(events.map((e) => e.event)).toEqual(['created', 'posted', 'pdfGenerated', 'emailed', 'writtenOff']);
    expect(events.map((e) => e.userName)).toEqual([
      'Billing Clerk',
      'Billing Clerk',
      'Billing Admin',
      'Billing Admin',
      'Billing Admin',
    ]);
    expect(events[3].detail).toMatchObject({ to: ['ap@acme.example'] });
    // The debit memo's write-off names the credit memo it created, not the debit memo itself.
    expect(events[4].detail).toMatchObject({ creditMemoId: wo.body.creditMemo.id });
    expect(events[4].detail).not.toHaveProperty('debitMemoId');

    const cmEvents = await eventsOf(`/v1/credit-memos/${wo.body.creditMemo.id as string}`);
    expect(cmEvents.map((e) => e.event)).toEqual(['created', 'applied']);
  });
});
