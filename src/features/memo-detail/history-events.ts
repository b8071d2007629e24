import type { MemoHistoryEvent } from '../../api/memos/history.ts';
import { memoDetailPath } from '../../lib/memo-routes.ts';
import type { CreditMemo, DebitMemo } from '../../contract/memos.ts';
import { formatMoney } from '../../lib/money.ts';
import { fieldLabel, refundMethodLabel, sourceLabel, spellOut } from '../../lib/wire-labels.ts';

// Turns the sandbox's memo events (server/domain/history.ts) into timeline lines a billing clerk
// reads: what happened, to which document, for how much. Pure, so it is unit-tested.

export interface TimelineEntry {
  id: string;
  title: string;
  /** One plain sentence of detail, or ''. */
  detail: string;
  at: string;
  user: string;
  link?: { to: string; label: string };
}

const TITLES: Record<string, string> = {
  created: 'Created',
  edited: 'Edited',
  posted: 'Posted',
  unposted: 'Unposted (returned to Draft)',
  canceled: 'Canceled',
  deleted: 'Deleted',
  applied: 'Applied',
  unapplied: 'Unapplied',
  refunded: 'Refunded',
  writtenOff: 'Written off',
  reversed: 'Reversed',
  collected: 'Collected',
  emailed: 'Emailed',
  pdfGenerated: 'PDF generated',
  fileUploaded: 'File uploaded',
  received: 'Received credit',
};

const LINKING = new Set(['applied', 'unapplied', 'writtenOff', 'reversed', 'created']);

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');

function linkOf(d: Record<string, unknown>, numbers: ReadonlyMap<string, string>): TimelineEntry['link'] {
  // The memo is named by its number: from the event, else from the documents the page has read.
  const named = (id: string, number: unknown, noun: string) =>
    str(number) || numbers.get(id) || `${noun} ${id.slice(0, 8)}`;
  if (str(d.debitMemoId))
    return {
      to: memoDetailPath('DebitMemo', str(d.debitMemoId)),
      label: named(str(d.debitMemoId), d.debitMemoNumber, 'debit memo'),
    };
  if (str(d.creditMemoId))
    return {
      to: memoDetailPath('CreditMemo', str(d.creditMemoId)),
      label: named(str(d.creditMemoId), d.creditMemoNumber, 'credit memo'),
    };
  return undefined;
}

function detailOf(
  event: string,
  d: Record<string, unknown>,
  currency: string,
  linked: boolean,
  numbers: ReadonlyMap<string, string>,
): string {
  const amount = str(d.amount) ? formatMoney(str(d.amount), currency) : '';
  const parts: string[] = [];
  switch (event) {
    case 'applied':
    case 'unapplied': {
      // A memo on the other side is rendered as a link after the text, so it is not named here.
      const doc = linked
        ? ''
        : str(d.paymentNumber) ||
          str(d.invoiceNumber) ||
          (str(d.invoiceId) ? (numbers.get(str(d.invoiceId)) ?? 'an invoice') : '') ||
          (str(d.paymentId) ? 'a payment' : '');
      // A credit memo is applied to a document; a debit memo receives from a credit memo or payment.
      const verb = d.paymentId || d.creditMemoId ? 'from' : event === 'applied' ? 'to' : 'from';
      if (amount) parts.push(amount);
      if (doc || linked) parts.push(doc ? `${verb} ${doc}` : verb);
      if (d.via === 'collect') parts.push('(collect)');
      break;
    }
    case 'refunded':
      if (amount) parts.push(amount);
      if (str(d.methodType)) parts.push(`by ${refundMethodLabel(str(d.methodType)).toLowerCase()}`);
      if (str(d.refundNumber)) parts.push(`(refund ${str(d.refundNumber)})`);
      break;
    case 'writtenOff':
    case 'reversed':
      if (amount) parts.push(amount);
      if (str(d.debitMemoId)) parts.push('created debit memo');
      else if (str(d.creditMemoId)) parts.push('created credit memo');
      break;
    case 'emailed': {
      const to = Array.isArray(d.to) ? d.to.map(String).join(', ') : str(d.to);
      if (to) parts.push(`to ${to}`);
      break;
    }
    case 'pdfGenerated':
      if (str(d.versionNumber)) parts.push(`version ${str(d.versionNumber)}`);
      break;
    case 'fileUploaded':
      if (str(d.fileName)) parts.push(str(d.fileName));
      if (str(d.versionNumber)) parts.push(`(version ${str(d.versionNumber)})`);
      break;
    case 'edited':
      if (Array.isArray(d.fields) && d.fields.length)
        parts.push(`changed ${d.fields.map((f) => fieldLabel(String(f))).join(', ')}`);
      break;
    case 'created':
      if (str(d.origin) === 'DebitMemoWriteOff') parts.push('by the write-off of');
      else if (str(d.origin)) parts.push(`by ${spellOut(str(d.origin)).toLowerCase()}`);
      else if (str(d.source)) parts.push(`(${sourceLabel(str(d.source)).toLowerCase()})`);
      break;
    case 'collected':
      if (str(d.balanceAfter)) parts.push(`balance after: ${formatMoney(str(d.balanceAfter), currency)}`);
      break;
    default:
      if (amount) parts.push(amount);
  }
  return parts.join(' ');
}

/** `numbers` names documents the events refer to by id only (invoice ids → invoice numbers). */
export function timelineOf(
  events: readonly MemoHistoryEvent[],
  currency: string,
  numbers: ReadonlyMap<string, string> = new Map(),
): TimelineEntry[] {
  return events.map((e) => {
    const d = e.detail ?? {};
    const link = LINKING.has(e.event) ? linkOf(d, numbers) : undefined;
    return {
      id: e.id,
      title: TITLES[e.event] ?? spellOut(e.event),
      detail: detailOf(e.event, d, currency, Boolean(link), numbers),
      at: e.at,
      user: e.userName || e.userId || 'System',
      link,
    };
  });
}

/** Proxy mode (no history endpoint): the events the memo's own fields prove. */
export function timelineFromMemo(memo: CreditMemo | DebitMemo): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (memo.createdDate)
    entries.push({ id: 'created', title: 'Created', detail: '', at: memo.createdDate, user: memo.createdById ?? '' });
  if (memo.postedOn)
    entries.push({ id: 'posted', title: 'Posted', detail: '', at: memo.postedOn, user: memo.postedById ?? '' });
  if (memo.cancelledOn)
    entries.push({
      id: 'canceled',
      title: 'Canceled',
      detail: '',
      at: memo.cancelledOn,
      user: memo.cancelledById ?? '',
    });
  return entries.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** File ids the user uploaded (vs generated), with their original names, from the timeline. */
export function uploadedFiles(events: readonly MemoHistoryEvent[] | null | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of events ?? [])
    if (e.event === 'fileUploaded' && str(e.detail?.fileId)) out.set(str(e.detail?.fileId), str(e.detail?.fileName));
  return out;
}

/** The debit memo whose write-off generated this credit memo (the `created` event of server/domain/history.ts). */
export function createdByWriteOff(
  events: readonly MemoHistoryEvent[] | null | undefined,
): { debitMemoNumber: string | null } | undefined {
  const created = events?.find((e) => e.event === 'created' && e.detail?.origin === 'DebitMemoWriteOff');
  return created ? { debitMemoNumber: str(created.detail?.debitMemoNumber) || null } : undefined;
}
