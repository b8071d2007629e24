import { describe, expect, it } from 'vitest';
import type { MemoHistoryEvent } from '../../api/memos/history.ts';
import { creditMemo } from '../../test/test-memos.ts';
import { createdByWriteOff, timelineFromMemo, timelineOf, uploadedFiles } from './history-events.ts';

const ev = (event: string, detail: Record<string, unknown> = {}, at = '2026-01-02 10:00:00'): MemoHistoryEvent => ({
  id: event,
  event,
  at,
  userId: 'u1',
  userName: 'Billing Clerk',
  detail,
});

describe('timelineOf', () => {
  it('says what happened, for how much (in the currency’s decimals), to which document, and who did it', () => {
    const [applied, emailed, written, refunded] = timelineOf(
      [
        ev('applied', { debitMemoId: 'd'.repeat(32), debitMemoNumber: 'DM00000007', amount: '1200.5' }),
        ev('emailed', { to: ['ap@example.com', 'cfo@example.com'] }),
        ev('writtenOff', { debitMemoId: 'e'.repeat(32), debitMemoNumber: 'DM00000009', amount: '99' }),
        ev('refunded', { amount: '10', methodType: 'Check', refundNumber: 'R-00000001' }),
      ],
      'JPY',
    );
    expect(applied).toMatchObject({
      title: 'Applied',
      detail: '¥1,201 to',
      user: 'Billing Clerk',
      link: { to: `/debit-memos/${'d'.repeat(32)}`, label: 'DM00000007' },
    });
    expect(emailed).toMatchObject({ title: 'Emailed', detail: 'to ap@example.com, cfo@example.com', link: undefined });
    expect(written).toMatchObject({
      title: 'Written off',
      detail: '¥99 created debit memo',
      link: { label: 'DM00000009' },
    });
    expect(refunded.detail).toBe('¥10 by check (refund R-00000001)');
  });

  it('links a debit memo’s write-off to the credit memo it created', () => {
    const [written] = timelineOf(
      [
        ev('writtenOff', {
          creditMemoId: 'c'.repeat(32),
          creditMemoNumber: 'CM00000044',
          amount: '99',
          revenueImpacting: 'No',
        }),
      ],
      'USD',
    );
    expect(written).toMatchObject({
      detail: '$99.00 created credit memo',
      link: { to: `/credit-memos/${'c'.repeat(32)}`, label: 'CM00000044' },
    });
  });

  it('names an invoice by its number when the page knows it', () => {
    const [known, unknown] = timelineOf(
      [ev('applied', { invoiceId: 'i1', amount: '1' }), ev('unapplied', { invoiceId: 'i2', amount: '1' })],
      'USD',
      new Map([['i1', 'INV00000012']]),
    );
    expect(known.detail).toBe('$1.00 to INV00000012');
    expect(unknown.detail).toBe('$1.00 from an invoice');
  });

  it('names a payment applied to a debit memo, and an unknown event by its name', () => {
    const [paid, other] = timelineOf(
      [ev('applied', { paymentId: 'p1', paymentNumber: 'P-00000004', amount: '5' }), ev('somethingNew')],
      'USD',
    );
    expect(paid.detail).toBe('$5.00 from P-00000004');
    expect(other.title).toBe('Something new');
  });
});

describe('timelineOf never shows a wire spelling', () => {
  it('names fields, refund methods and sources as a person reads them, and a memo by its number', () => {
    const dmId = 'd'.repeat(32);
    const [edited, refunded, created, applied] = timelineOf(
      [
        ev('edited', { fields: ['comment', 'effectiveDate', 'reasonCode'] }),
        ev('refunded', { amount: '10', methodType: 'CreditCardReferenceTransaction' }),
        ev('created', { source: 'AdhocFromPrpc' }),
        ev('applied', { debitMemoId: dmId, amount: '48.25' }),
      ],
      'USD',
      new Map([[dmId, 'DM00000031']]),
    );
    expect(edited.detail).toBe('changed comment, memo date, reason code');
    expect(refunded.detail).toBe('$10.00 by credit card (reference transaction)');
    expect(created.detail).toBe('(ad hoc, from product charges)');
    expect(applied.detail).toBe('$48.25 to');
    expect(applied.link?.label).toBe('DM00000031');
  });
});

describe('timelineFromMemo (proxy mode)', () => {
  it('lists created, posted and cancelled from the memo’s own fields, oldest first', () => {
    const memo = creditMemo('Posted', {
      createdDate: '2026-01-01 09:00:00',
      postedOn: '2026-01-03 12:00:00',
      postedById: 'u2',
    });
    expect(timelineFromMemo(memo).map((e) => [e.title, e.at])).toEqual([
      ['Created', '2026-01-01 09:00:00'],
      ['Posted', '2026-01-03 12:00:00'],
    ]);
  });
});

it('uploadedFiles maps uploaded file ids to their names', () => {
  expect([
    ...uploadedFiles([
      ev('fileUploaded', { fileId: 'f1', fileName: 'signed.pdf' }),
      ev('pdfGenerated', { fileId: 'f2' }),
    ]),
  ]).toEqual([['f1', 'signed.pdf']]);
});

describe('createdByWriteOff', () => {
  it('names the debit memo whose write-off created the credit memo, and nothing for other memos', () => {
    const fromWriteOff = [
      ev('created', { origin: 'DebitMemoWriteOff', debitMemoId: 'd'.repeat(32), debitMemoNumber: 'DM00000004' }),
      ev('applied', { debitMemoId: 'd'.repeat(32), debitMemoNumber: 'DM00000004', amount: '50' }),
    ];
    expect(createdByWriteOff(fromWriteOff)).toEqual({ debitMemoNumber: 'DM00000004' });
    expect(createdByWriteOff([ev('created', { origin: 'Reversal' }), ev('posted')])).toBeUndefined();
    expect(createdByWriteOff(null)).toBeUndefined();
  });
});
