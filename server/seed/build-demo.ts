import { minMoney, roundTo } from '../../src/lib/money.ts';
import { addDays } from '../../src/lib/dates.ts';
import { capDate, Dataset, type Doc, type Row } from './dataset.ts';
import { buildReference } from './build-reference.ts';
import { buildAccounts, buildInvoicesAndPayments, newPayment } from './build-customers.ts';
import { buildMemos, type SeedMemo } from './build-memos.ts';
import { applyToTarget, openBalance, refundCreditMemo } from './settle.ts';
import { SEED_ANCHOR, SEED_USER_ID } from './reference-data.ts';

export const DEMO_SEED = 20260101;

/** Builds the whole demo dataset in memory, deterministically from `seed`. */
export function buildDemo(seed = DEMO_SEED): Dataset {
  const ds = new Dataset(seed);
  const charges = buildReference(ds);
  const accounts = buildAccounts(ds);
  buildInvoicesAndPayments(ds, accounts, charges);
  const memos = buildMemos(ds, accounts, charges).sort(
    (a, b) => cmpStr(a.date, b.date) || cmpStr(created(a), created(b)),
  );
  const events: Row<'memo_events'>[] = [];
  for (const m of memos) {
    events.push(event(m.id, 'created', created(m), {}));
    if (m.status === 'Posted') events.push(event(m.id, 'posted', m.row.posted_on as string, {}));
    if (m.status === 'Canceled') events.push(event(m.id, 'canceled', m.row.cancelled_on as string, {}));
  }
  settle(ds, memos, events);
  number(ds, memos);
  ds.rows.memo_events.push(...events.sort((a, b) => cmpStr(a.created_at!, b.created_at!)));
  return ds;
}

const cmpStr = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const created = (m: Doc) => m.row.created_date as string;
const event = (memoId: string, name: string, at: string, detail: Record<string, unknown>): Row<'memo_events'> => ({
  memo_id: memoId,
  event: name,
  detail: JSON.stringify(detail),
  user_id: SEED_USER_ID,
  user_name: 'Billing Admin',
  created_at: at,
});
const after = (date: string, ds: Dataset, max = 12) => capDate(addDays(date, ds.rng.int(1, max)), SEED_ANCHOR.last);

function settle(ds: Dataset, memos: SeedMemo[], events: Row<'memo_events'>[]): void {
  const posted = memos.filter((m) => m.status === 'Posted' && !m.keepOpen);
  for (const dm of posted.filter((m) => m.type === 'DebitMemo')) {
    const fate = ds.rng.weighted([
      ['open', 60],
      ['partial', 25],
      ['paid', 15],
    ] as const);
    if (fate === 'open') continue;
    const open = openBalance(dm);
    const amount = fate === 'paid' ? open : roundTo(open.times(ds.rng.int(20, 70)).div(100), dm.currency);
    if (amount.lte(0)) continue;
    const date = after(dm.date, ds);
    applyToTarget(ds, { type: 'Payment', row: newPayment(ds, dm.account, amount, date) }, dm, amount, date);
    events.push(event(dm.id, 'applied', `${date} 12:00:00`, { source: 'Payment', amount: Number(amount) }));
  }
  const openDms = posted.filter((m) => m.type === 'DebitMemo');
  for (const cm of posted.filter((m) => m.type === 'CreditMemo')) {
    const fate = ds.rng.weighted([
      ['unapplied', 30],
      ['partApplied', 25],
      ['fullyApplied', 15],
      ['partRefund', 10],
      ['fullRefund', 7],
      ['appliedRefunded', 13],
    ] as const);
    if (fate === 'unapplied') continue;
    if (fate === 'partApplied' || fate === 'fullyApplied' || fate === 'appliedRefunded') {
      const targets: Doc[] = [
        ...(cm.referredInvoice ? [cm.referredInvoice] : []),
        ...cm.account.invoices,
        ...openDms.filter((d) => d.accountId === cm.accountId),
      ].filter((t, i, all) => all.indexOf(t) === i);
      let want =
        fate === 'partApplied'
          ? roundTo(openBalance(cm).times(ds.rng.int(30, 70)).div(100), cm.currency)
          : openBalance(cm);
      if (fate === 'appliedRefunded') want = roundTo(openBalance(cm).div(2), cm.currency);
      for (const t of targets) {
        if (want.lte(0)) break;
        const amount = minMoney(want, openBalance(t));
        if (amount.lte(0)) continue;
        const date = after(t.date > cm.date ? t.date : cm.date, ds);
        applyToTarget(ds, { type: 'CreditMemo', doc: cm }, t, amount, date);
        events.push(
          event(cm.id, 'applied', `${date} 12:00:00`, { targetType: t.type, targetId: t.id, amount: Number(amount) }),
        );
        if (t.type === 'DebitMemo')
          events.push(
            event(t.id, 'applied', `${date} 12:00:00`, {
              source: 'CreditMemo',
              sourceId: cm.id,
              amount: Number(amount),
            }),
          );
        want = want.minus(amount);
      }
    }
    if (fate === 'partRefund' || fate === 'fullRefund' || fate === 'appliedRefunded') {
      const open = openBalance(cm);
      const amount = fate === 'partRefund' ? roundTo(open.times(ds.rng.int(25, 60)).div(100), cm.currency) : open;
      if (amount.lte(0)) continue;
      const date = after(cm.date, ds, 20);
      const refund = refundCreditMemo(ds, cm, amount, date, '');
      events.push(event(cm.id, 'refunded', `${date} 15:00:00`, { refundId: refund.id, amount: Number(amount) }));
    }
  }
}

/** Numbers documents in date order and records the next value of every sequence. */
function number(ds: Dataset, memos: SeedMemo[]): void {
  const pad = (n: number) => String(n).padStart(8, '0');
  const counts: Record<string, number> = { CreditMemo: 0, DebitMemo: 0 };
  for (const m of memos) m.row.number = `${m.type === 'CreditMemo' ? 'CM' : 'DM'}${pad(++counts[m.type])}`;
  const invoices = [...ds.rows.invoices].sort(
    (a, b) => cmpStr(a.invoice_date, b.invoice_date) || cmpStr(a.created_date!, b.created_date!),
  );
  invoices.forEach((r, i) => (r.invoice_number = `INV${pad(i + 1)}`));
  const payments = [...ds.rows.payments].sort(
    (a, b) => cmpStr(a.effective_date, b.effective_date) || cmpStr(a.created_date!, b.created_date!),
  );
  payments.forEach((r, i) => (r.number = `P-${pad(i + 1)}`));
  const refunds = [...ds.rows.refunds].sort((a, b) => cmpStr(a.refund_date, b.refund_date));
  refunds.forEach((r, i) => {
    r.number = `R-${pad(i + 1)}`;
    r.reference_id = `REF-${pad(i + 1)}`;
  });
  const next: Record<string, [string, number]> = {
    CreditMemo: ['CM', counts.CreditMemo],
    DebitMemo: ['DM', counts.DebitMemo],
    Invoice: ['INV', invoices.length],
    Payment: ['P-', payments.length],
    Refund: ['R-', refunds.length],
    Account: ['A', ds.rows.accounts.length],
  };
  for (const [name, [prefix, n]] of Object.entries(next))
    ds.rows.sequences.push({ name, prefix, width: 8, next_value: n + 1 });
}
