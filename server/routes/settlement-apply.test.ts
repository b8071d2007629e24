import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditMemoSchema } from '../../src/contract/memos.ts';
import { money } from '../../src/lib/money.ts';
import { createHarness, type Harness } from '../testing/harness.ts';
import {
  dec,
  insertAccount,
  insertInvoice,
  insertMemo,
  insertReferenceData,
  rowReaders,
  type LineSpec,
} from '../testing/settlement-fixtures.ts';
import { expectInvariants, expectRefusedUnchanged } from '../testing/settlement-assert.ts';

// PUT /v1/credit-memos/{key}/apply and …/unapply.

let h: Harness;
let account: { id: string; number: string };
let other: { id: string; number: string };
beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  await insertReferenceData(h.conn.db);
  account = await insertAccount(h.conn.db);
  other = await insertAccount(h.conn.db);
});
afterAll(() => h.close());

const db = () => h.conn.db;
const newCm = (
  lines: LineSpec[] = [{ amount: '60.00', taxes: ['5.00'] }, { amount: '40.00' }],
  status = 'Posted',
  accountId = account.id,
) => insertMemo(db(), { kind: 'CreditMemo', accountId, lines, status });
const newDm = (
  lines: LineSpec[] = [{ amount: '50.00', taxes: ['4.00'] }],
  status = 'Posted',
  accountId = account.id,
  currency = 'USD',
) => insertMemo(db(), { kind: 'DebitMemo', accountId, lines, status, currency });
const { memo, itemsOf, taxesOf } = rowReaders(db);

describe('credit memo apply', () => {
  it('applies at header level to an invoice and a debit memo, spreading over the open lines', async () => {
    const cm = await newCm();
    const dm = await newDm();
    const inv = await insertInvoice(db(), {
      accountId: account.id,
      lines: [{ amount: '20.00', taxes: ['1.65'] }, { amount: '10.00' }],
    });
    const res = await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, {
      effectiveDate: '2024-03-05',
      invoices: [{ invoiceId: inv.id, amount: 31.65 }],
      debitMemos: [{ debitMemoId: dm.id, amount: 20 }],
    });
    expect(res.status).toBe(200);
    const body = creditMemoSchema.parse(res.body);
    expect([body.appliedAmount, body.unappliedAmount, body.refundAmount, body.accountNumber]).toEqual([
      51.65,
      53.35,
      0,
      account.number,
    ]);
    const invoice = await db().selectFrom('invoices').selectAll().where('id', '=', inv.id).executeTakeFirstOrThrow();
    expect([dec(invoice.balance), dec(invoice.credit_memo_amount)]).toEqual(['0', '31.65']);
    const invTaxes = await db()
      .selectFrom('invoice_taxation_items')
      .selectAll()
      .where('invoice_id', '=', inv.id)
      .execute();
    expect(invTaxes.map((t) => [dec(t.balance), dec(t.credit_amount)])).toEqual([['0', '1.65']]);
    // 20 over the DM's open lines 50 / 4 → 18.52 / 1.48 (largest remainder)
    expect((await itemsOf(dm.id)).map((i) => dec(i.balance))).toEqual(['31.48']);
    expect((await taxesOf(dm.id)).map((t) => [dec(t.balance), dec(t.credit_amount)])).toEqual([['2.52', '1.48']]);
    expect(dec((await memo(dm.id)).balance)).toBe('34');
    const apps = await db()
      .selectFrom('applications')
      .selectAll()
      .where('source_id', '=', cm.id)
      .orderBy('amount')
      .execute();
    expect(apps.map((a) => [a.target_type, dec(a.amount), a.effective_date])).toEqual([
      ['DebitMemo', '20', '2024-03-05'],
      ['Invoice', '31.65', '2024-03-05'],
    ]);
    const events = await db()
      .selectFrom('memo_events')
      .select(['memo_id', 'event'])
      .where('memo_id', 'in', [cm.id, dm.id])
      .orderBy('id')
      .execute();
    expect(events.map((e) => `${e.memo_id === cm.id ? 'CM' : 'DM'}:${e.event}`)).toEqual([
      'CM:applied',
      'CM:applied',
      'DM:applied',
    ]);
    await expectInvariants(db());
  });

  it('applies at item level: CM item → DM item, CM tax item → DM tax item', async () => {
    const cm = await newCm();
    const dm = await newDm();
    const [cmItem] = await itemsOf(cm.id);
    const [cmTax] = await taxesOf(cm.id);
    const [dmItem] = await itemsOf(dm.id);
    const [dmTax] = await taxesOf(dm.id);
    const res = await h.call('PUT', `/v1/creditmemos/${cm.id}/apply`, {
      debitMemos: [
        {
          debitMemoId: dm.id,
          amount: 13,
          items: [
            { creditMemoItemId: cmItem.id, debitMemoItemId: dmItem.id, amount: 10 },
            { creditTaxItemId: cmTax.id, taxItemId: dmTax.id, amount: 3 },
          ],
        },
      ],
    });
    expect(res.status).toBe(200);
    expect((await itemsOf(cm.id)).map((i) => dec(i.balance))).toEqual(['50', '40']);
    expect((await taxesOf(cm.id)).map((t) => dec(t.balance))).toEqual(['2']);
    expect((await itemsOf(dm.id)).map((i) => dec(i.balance))).toEqual(['40']);
    expect((await taxesOf(dm.id)).map((t) => dec(t.balance))).toEqual(['1']);
    await expectInvariants(db());
  });

  it('JPY: whole yen on every line', async () => {
    const acc = await insertAccount(db(), 'JPY');
    const cm = await insertMemo(db(), {
      kind: 'CreditMemo',
      accountId: acc.id,
      currency: 'JPY',
      lines: [{ amount: '1000', taxes: ['100'] }, { amount: '999' }],
    });
    const dm = await insertMemo(db(), {
      kind: 'DebitMemo',
      accountId: acc.id,
      currency: 'JPY',
      lines: [{ amount: '3000' }],
    });
    expect(
      (
        await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, {
          debitMemos: [{ debitMemoId: dm.id, amount: 1000 }],
        })
      ).status,
    ).toBe(200);
    expect((await itemsOf(cm.id)).map((i) => dec(i.balance))).toEqual(['524', '523']); // 1000 × (1000, 100, 999)/2099 → 476.42, 47.64, 475.94 → 476, 48, 476
    expect((await taxesOf(cm.id)).map((t) => dec(t.balance))).toEqual(['52']);
    await expectInvariants(db());
    const put = (body: unknown) => () => h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, body);
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 1.5 }] }),
      20,
      /decimal places for JPY/,
    );
  });

  it('refuses, changing nothing', async () => {
    const cm = await newCm();
    const dm = await newDm();
    const [cmItem] = await itemsOf(cm.id);
    const [dmItem] = await itemsOf(dm.id);
    const put =
      (body: unknown, key: string = cm.number, role?: 'viewer') =>
      () =>
        h.call('PUT', `/v1/credit-memos/${key}/apply`, body, { role });
    const to = (amount: number, debitMemoId = dm.id) => ({ debitMemos: [{ debitMemoId, amount }] });
    await expectRefusedUnchanged(db(), put(to(1), cm.number, 'viewer'), 10);
    await expectRefusedUnchanged(db(), put(to(54.01)), 30, /exceeds the balance 54/);
    await expectRefusedUnchanged(db(), put(to(0)), 20, /greater than 0/);
    await expectRefusedUnchanged(db(), put(to(1.005)), 20, /decimal places/);
    await expectRefusedUnchanged(db(), put({}), 22);
    await expectRefusedUnchanged(
      db(),
      put({ ...to(1), effectiveDate: '2024-02-01' }),
      30,
      /earliest allowed date is 2024-03-01/,
    );
    await expectRefusedUnchanged(
      db(),
      put({
        debitMemos: [
          { debitMemoId: dm.id, amount: 1 },
          { debitMemoId: dm.id, amount: 1 },
        ],
      }),
      20,
      /twice/,
    );
    await expectRefusedUnchanged(db(), put(to(1, 'ffffffffffffffffffffffffffffffff')), 40);
    await expectRefusedUnchanged(
      db(),
      put({ invoices: [{ invoiceId: 'ffffffffffffffffffffffffffffffff', amount: 1 }] }),
      40,
    );
    await expectRefusedUnchanged(db(), put(to(1), 'CM99999999'), 40);
    await expectRefusedUnchanged(db(), put({ ...to(1), bogus: true }), 21);
    await expectRefusedUnchanged(db(), put({ debitMemos: [{ debitMemoId: dm.id }] }), 22);
    const foreign = await newDm(undefined, 'Posted', other.id);
    await expectRefusedUnchanged(db(), put(to(1, foreign.id)), 30, /another account/);
    const draftDm = await newDm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), put(to(1, draftDm.id)), 30, /Draft/);
    const eurDm = await newDm(undefined, 'Posted', account.id, 'EUR');
    await expectRefusedUnchanged(db(), put(to(1, eurDm.id)), 30, /EUR/);
    // the first target is settled before the second is refused: the whole call rolls back
    await expectRefusedUnchanged(
      db(),
      put({
        debitMemos: [
          { debitMemoId: dm.id, amount: 1 },
          { debitMemoId: foreign.id, amount: 1 },
        ],
      }),
      30,
      /another account/,
    );
    const draftCm = await newCm(undefined, 'Draft');
    await expectRefusedUnchanged(db(), put(to(1), draftCm.number), 30, /Posted/);
    const big = await newDm([{ amount: '500.00' }]);
    await expectRefusedUnchanged(db(), put(to(105.01, big.id)), 30, /exceeds the unapplied amount 105/);
    await expectRefusedUnchanged(
      db(),
      put({
        debitMemos: [
          {
            debitMemoId: dm.id,
            amount: 5,
            items: [{ creditMemoItemId: cmItem.id, debitMemoItemId: dmItem.id, amount: 4 }],
          },
        ],
      }),
      30,
      /sum to 4/,
    );
    await expectRefusedUnchanged(
      db(),
      put({
        debitMemos: [
          {
            debitMemoId: dm.id,
            amount: 5,
            items: [{ creditMemoItemId: dmItem.id, debitMemoItemId: dmItem.id, amount: 5 }],
          },
        ],
      }),
      20,
      /not a line of the credit memo/,
    );
    await expectRefusedUnchanged(
      db(),
      put({
        debitMemos: [
          {
            debitMemoId: dm.id,
            amount: 51,
            items: [{ creditMemoItemId: cmItem.id, debitMemoItemId: dmItem.id, amount: 51 }],
          },
        ],
      }),
      30,
      /open balance 50/,
    );
  });

  it('20 parallel applies draining one credit memo: exactly as many succeed as its balance allows', async () => {
    const cm = await newCm([{ amount: '100.00' }]);
    const dms = [];
    for (let i = 0; i < 20; i++) dms.push(await newDm([{ amount: '10.00' }]));
    const results = await Promise.all(
      dms.map((d) =>
        h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: d.id, amount: 7 }] }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(14);
    for (const r of results.filter((x) => x.status !== 200)) expect([30, 50]).toContain(r.body.reasons[0].code % 100);
    expect([dec((await memo(cm.id)).balance), dec((await memo(cm.id)).applied_amount)]).toEqual(['2', '98']);
    await expectInvariants(db());
  });
});

describe('lifecycle after settlement', () => {
  it('refuses to unpost an applied credit memo and a debit memo with a credit applied, changing nothing', async () => {
    const cm = await newCm();
    const dm = await newDm();
    expect(
      (await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: dm.id, amount: 5 }] }))
        .status,
    ).toBe(200);
    await expectRefusedUnchanged(db(), () => h.call('PUT', `/v1/credit-memos/${cm.number}/unpost`), 30);
    await expectRefusedUnchanged(db(), () => h.call('PUT', `/v1/debit-memos/${dm.number}/unpost`), 30);
    // once unapplied, both can be unposted again
    expect(
      (
        await h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, {
          debitMemos: [{ debitMemoId: dm.id, amount: 5 }],
        })
      ).status,
    ).toBe(200);
    expect((await h.call('PUT', `/v1/debit-memos/${dm.number}/unpost`)).status).toBe(200);
    await expectInvariants(db());
  });
});

describe('credit memo unapply', () => {
  it('unapplies at header level and at item level, back to the credit memo', async () => {
    const cm = await newCm();
    const dm = await newDm();
    expect(
      (await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: dm.id, amount: 54 }] }))
        .status,
    ).toBe(200);
    const res = await h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, {
      effectiveDate: '2024-03-10',
      debitMemos: [{ debitMemoId: dm.id, amount: 4 }],
    });
    expect(res.status).toBe(200);
    expect(creditMemoSchema.parse(res.body)).toMatchObject({ appliedAmount: 50, unappliedAmount: 55 });
    expect(dec((await memo(dm.id)).balance)).toBe('4');
    await expectInvariants(db());
    const [dmTax] = await taxesOf(dm.id);
    expect(
      (
        await h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, {
          debitMemos: [{ debitMemoId: dm.id, amount: 1, items: [{ taxItemId: dmTax.id, amount: 1 }] }],
        })
      ).status,
    ).toBe(200);
    expect(dec((await taxesOf(dm.id))[0].credit_amount)).toBe(money(dmTax.credit_amount).minus(1).toString());
    // all the rest: the application disappears
    expect(
      (
        await h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, {
          debitMemos: [{ debitMemoId: dm.id, amount: 49 }],
        })
      ).status,
    ).toBe(200);
    expect(await db().selectFrom('applications').select('id').where('source_id', '=', cm.id).execute()).toEqual([]);
    expect([dec((await memo(cm.id)).balance), dec((await memo(dm.id)).balance)]).toEqual(['105', '54']);
    await expectInvariants(db());
  });

  it('refuses, changing nothing', async () => {
    const cm = await newCm();
    const dm = await newDm();
    const notApplied = await newDm();
    expect(
      (await h.call('PUT', `/v1/credit-memos/${cm.number}/apply`, { debitMemos: [{ debitMemoId: dm.id, amount: 10 }] }))
        .status,
    ).toBe(200);
    const put = (body: unknown, role?: 'viewer') => () =>
      h.call('PUT', `/v1/credit-memos/${cm.number}/unapply`, body, { role });
    await expectRefusedUnchanged(db(), put({ debitMemos: [{ debitMemoId: dm.id, amount: 1 }] }, 'viewer'), 10);
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 10.01 }] }),
      30,
      /exceeds the 10 applied/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: notApplied.id, amount: 1 }] }),
      30,
      /not applied/,
    );
    await expectRefusedUnchanged(
      db(),
      put({ debitMemos: [{ debitMemoId: dm.id, amount: 1 }], effectiveDate: '2023-12-31' }),
      30,
      /earliest allowed date/,
    );
  });
});
