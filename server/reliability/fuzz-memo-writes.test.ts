import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  expectNoViolations,
  fuzz,
  fuzzBody,
  fuzzKey,
  fuzzObject,
  hostileAmount,
  hostileDate,
  runs,
  validDate,
  type FuzzRequest,
  NO_RATE_LIMIT,
} from './fuzz-kit.ts';
import { keysOf, loadTargets, memosOf, orNone, type FuzzTargets } from './fuzz-targets.ts';

// Fuzzing the memo write endpoints: create from charge, create from invoice, update, bulk create and
// update, due-date batch, lifecycle transitions and email. Every request keeps the universal property
// (fuzz-kit.ts); the balance invariants hold at the end. Runs per endpoint: see `runs()`.

let h: Harness;
let t: FuzzTargets;
beforeAll(async () => {
  h = await createHarness({ env: NO_RATE_LIMIT });
  t = await loadTargets(h);
}, 180_000);
afterAll(async () => {
  await expectNoViolations(h);
  await h?.close();
}, 60_000);

const amount = fc.integer({ min: 1, max: 2000 }).map((n) => n / 100);
const text = fc.string({ maxLength: 30 });
const reason = fc.constantFrom(
  'Correcting Invoice Error',
  'Write-off',
  'Ad hoc Debit',
  'charge dispute',
  'No Such Reason',
);
const kinds = ['/v1/debit-memos', '/v1/credit-memos', '/v1/debitmemos', '/v1/creditmemos'];
const H = { amount: hostileAmount, effectiveDate: hostileDate, dueDate: hostileDate, memoDate: hostileDate };

const chargeLine = () =>
  fuzzObject(
    {
      productRatePlanChargeId: fc.constantFrom(...t.charges),
      amount,
      description: text,
      quantity: fc.integer({ min: 1, max: 5 }),
    },
    H,
  );

const fromCharge = () =>
  fuzzObject(
    {
      accountNumber: fc.constantFrom(...t.accounts.map((a) => a.number)),
      charges: fc.array(chargeLine(), { minLength: 1, maxLength: 3 }),
      comment: text,
      autoPost: fc.boolean(),
      effectiveDate: validDate,
      reasonCode: reason,
    },
    H,
  );

const fromInvoice = (inv: FuzzTargets['invoices'][number]) =>
  fuzzObject(
    {
      items: fc.array(
        fuzzObject(
          { invoiceItemId: fc.constantFrom(...inv.items), amount, skuName: fc.constantFrom('SKU-1', 'Platform Fee') },
          H,
        ),
        { minLength: 1, maxLength: 2 },
      ),
      effectiveDate: validDate,
      reasonCode: reason,
      comment: text,
      autoPost: fc.boolean(),
      taxAutoCalculation: fc.boolean(),
    },
    H,
  );

const memoKeys = () => keysOf([...memosOf(t, 'CreditMemo'), ...memosOf(t, 'DebitMemo')]);
const draftKeys = () =>
  keysOf([...memosOf(t, 'CreditMemo', { status: 'Draft' }), ...memosOf(t, 'DebitMemo', { status: 'Draft' })]);
const itemIds = () => orNone([...memosOf(t, 'CreditMemo'), ...memosOf(t, 'DebitMemo')].flatMap((m) => m.items));

describe('memo writes never answer 5xx and refuse in Zuora envelope', () => {
  test('create from charge', async () => {
    const arb = fc
      .record({ path: fc.constantFrom(...kinds), body: fuzzBody(fromCharge()) })
      .map((r): FuzzRequest => ({ method: 'POST', ...r }));
    const s = await fuzz(h, 'create from charge', arb, runs(300));
    expect(s.byStatus[200] ?? 0, JSON.stringify(s.byStatus)).toBeGreaterThan(0); // the valid shape does get through
  });

  test('create from invoice', async () => {
    const arb = fc
      .constantFrom(...t.invoices)
      .chain((inv) =>
        fc.record({
          path: fc.constantFrom(
            `/v1/credit-memos/invoice/${inv.number}`,
            `/v1/invoices/${inv.id}/creditmemos`,
            `/v1/debit-memos/invoice/${inv.id}`,
            `/v1/invoices/${inv.number}/debitmemos`,
          ),
          body: fuzzBody(fromInvoice(inv)),
        }),
      )
      .map((r): FuzzRequest => ({ method: 'POST', ...r }));
    await fuzz(h, 'create from invoice', arb, runs(200));
  });

  test('update (header and items)', async () => {
    const items = itemIds();
    const update = fuzzObject(
      {
        comment: text,
        effectiveDate: validDate,
        dueDate: validDate,
        reasonCode: reason,
        transferredToAccounting: fc.constantFrom('Yes', 'No', 'Maybe'),
        items: fc.array(
          fuzzObject({ id: fc.constantFrom(...items), amount, description: text, delete: fc.boolean() }, H),
          { maxLength: 2 },
        ),
      },
      H,
    );
    const arb = fc
      .record({
        base: fc.constantFrom(...kinds),
        key: fuzzKey([...draftKeys(), ...memoKeys()]),
        body: fuzzBody(update),
      })
      .map(({ base, key, body }): FuzzRequest => ({ method: 'PUT', path: `${base}/${key}`, body }));
    await fuzz(h, 'update', arb, runs(250));
  });

  test('bulk create and bulk update', async () => {
    const create = fc
      .record({
        path: fc.constantFrom(...kinds).map((k) => `${k}/bulk`),
        body: fuzzBody(
          fuzzObject({
            sourceType: fc.constantFrom('Standalone', 'Invoice'),
            memos: fc.array(fromCharge(), { minLength: 1, maxLength: 3 }),
          }),
        ),
      })
      .map((r): FuzzRequest => ({ method: 'POST', ...r }));
    const update = fc
      .record({
        path: fc.constantFrom(...kinds).map((k) => `${k}/bulk`),
        body: fuzzBody(
          fuzzObject({
            memos: fc.array(fuzzObject({ id: fc.constantFrom(...memoKeys()), comment: text, dueDate: validDate }, H), {
              minLength: 1,
              maxLength: 3,
            }),
          }),
        ),
      })
      .map((r): FuzzRequest => ({ method: 'PUT', ...r }));
    const dueDates = fc
      .record({
        path: fc.constantFrom('/v1/debit-memos', '/v1/debitmemos'),
        body: fuzzBody(
          fuzzObject({
            debitMemos: fc.array(
              fuzzObject({ id: fc.constantFrom(...keysOf(memosOf(t, 'DebitMemo'))), dueDate: validDate }, H),
              { minLength: 1, maxLength: 3 },
            ),
          }),
        ),
      })
      .map((r): FuzzRequest => ({ method: 'PUT', ...r }));
    await fuzz(h, 'bulk', fc.oneof(create, update, dueDates), runs(250));
  });

  test('post, unpost, cancel, delete on any key', async () => {
    const arb = fc
      .record({
        base: fc.constantFrom(...kinds),
        key: fuzzKey(memoKeys()),
        op: fc.constantFrom('post', 'unpost', 'cancel', 'delete'),
        body: fc.option(fuzzBody(fc.object({ maxDepth: 1 })), { nil: undefined }),
      })
      .map(({ base, key, op, body }): FuzzRequest =>
        op === 'delete'
          ? { method: 'DELETE', path: `${base}/${key}` }
          : { method: 'PUT', path: `${base}/${key}/${op}`, body },
      );
    await fuzz(h, 'lifecycle', arb, runs(200));
  });

  test('email', async () => {
    const body = fuzzObject({
      emailAddresses: fc.oneof(
        fc.emailAddress(),
        fc.array(fc.emailAddress(), { minLength: 1, maxLength: 3 }).map((a) => a.join(',')),
        text,
      ),
      includeAdditionalEmailAddresses: fc.boolean(),
      useEmailTemplateSetting: fc.boolean(),
      pdfFileId: fc.constantFrom(...orNone(t.memoFiles), 'nope'),
    });
    const arb = fc
      .record({ base: fc.constantFrom(...kinds), key: fuzzKey(memoKeys()), body: fuzzBody(body) })
      .map(({ base, key, body }): FuzzRequest => ({ method: 'POST', path: `${base}/${key}/emails`, body }));
    await fuzz(h, 'email', arb, runs(150));
  });
});
