import type { EmailMemoRequest } from '../../src/contract/memo-requests.ts';
import { formatMoney } from '../../src/lib/money.ts';
import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { invalidValue, ruleViolation } from '../errors.ts';
import { recordEvent } from './history.ts';
import { newId } from './ids.ts';
import { generateMemoPdf } from './memo-pdf.ts';
import { resourceOf } from './memo-repo.ts';

// "Email memo": the sandbox records the message in email_outbox instead of delivering it (SMTP
// delivery is out of scope; with SMTP_URL set it only logs that it would send). Zuora's rules: Posted
// memos only; explicit addresses, else the bill-to contact's work or personal email. The email sends the
// latest PDF (docs/zuora/ui-inventory.md §3.11); a memo without one gets it generated first, in the same
// transaction, so no email goes out without the document it announces.

// Pragmatic address check (what a mail server would accept at a glance), not full RFC 5322.
const EMAIL_RE = /^[^\s@,;<>"]+@[^\s@,;<>"]+\.[^\s@,;<>"]+$/;

export interface EmailResult {
  outboxId: string;
  to: string[];
}

export async function emailMemo(
  tx: Tx,
  memo: MemoRow,
  req: EmailMemoRequest,
  caller: Caller,
  opts: { smtpUrl?: string } = {},
): Promise<EmailResult> {
  const resource = resourceOf(memo.kind);
  const label = memo.kind === 'CreditMemo' ? 'credit memo' : 'debit memo';
  if (memo.status !== 'Posted')
    throw ruleViolation(`Only a Posted ${label} can be emailed; ${memo.number} is ${memo.status}.`, resource);

  const account = await tx
    .selectFrom('accounts')
    .select(['name', 'additional_email_addresses', 'bill_to_contact_id'])
    .where('id', '=', memo.account_id)
    .executeTakeFirstOrThrow();
  const contactId = memo.bill_to_contact_id ?? account.bill_to_contact_id;
  const contact = contactId
    ? await tx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst()
    : undefined;
  const contactEmail = contact?.work_email || contact?.personal_email || null;

  const explicit = req.useEmailTemplateSetting ? [] : splitAddresses(req.emailAddresses ?? '');
  for (const a of explicit)
    if (!EMAIL_RE.test(a)) throw invalidValue(`'emailAddresses': '${a}' is not a valid email address.`, resource);
  let to = explicit;
  if (to.length === 0) {
    // Both the default template's "To Email" and the no-address case go to the bill-to contact.
    if (!contactEmail)
      throw ruleViolation(
        `The bill-to contact of ${memo.number} has no work or personal email, and no emailAddresses were given.`,
        resource,
      );
    to = [contactEmail];
  }
  if (req.includeAdditionalEmailAddresses)
    to = [...to, ...splitAddresses(account.additional_email_addresses ?? '').filter((a) => EMAIL_RE.test(a))];
  to = dedupe(to);

  let pdfFileId = req.pdfFileId ?? memo.latest_pdf_file_id;
  if (req.pdfFileId) {
    const file = await tx
      .selectFrom('memo_files')
      .select('id')
      .where('id', '=', req.pdfFileId)
      .where('memo_id', '=', memo.id)
      .executeTakeFirst();
    if (!file) throw invalidValue(`'pdfFileId': ${req.pdfFileId} is not a file of ${memo.number}.`, resource);
  }
  pdfFileId ??= (await generateMemoPdf(tx, memo, caller)).id;

  const kindLabel = memo.kind === 'CreditMemo' ? 'Credit Memo' : 'Debit Memo';
  const subject = `${kindLabel} ${memo.number} from your billing team`;
  const greeting = contact ? `Dear ${contact.first_name} ${contact.last_name},` : `Dear ${account.name},`;
  const amountLine =
    memo.kind === 'CreditMemo'
      ? `Amount: ${formatMoney(memo.amount, memo.currency, 'en-US')}. Unapplied amount: ${formatMoney(memo.balance, memo.currency, 'en-US')}.`
      : `Amount: ${formatMoney(memo.amount, memo.currency, 'en-US')}. Balance due: ${formatMoney(memo.balance, memo.currency, 'en-US')}${memo.due_date ? ` by ${memo.due_date}` : ''}.`;
  const body = [
    greeting,
    '',
    `Please find ${kindLabel} ${memo.number} dated ${memo.memo_date} for account ${account.name}.`,
    amountLine,
    pdfFileId ? 'The PDF is attached.' : '',
    '',
    'Regards,',
    'Billing',
  ].join('\n');

  const outboxId = newId();
  await tx
    .insertInto('email_outbox')
    .values({
      id: outboxId,
      memo_id: memo.id,
      to_addresses: to.join(', '),
      subject,
      body,
      pdf_file_id: pdfFileId,
      created_by_id: caller.userId,
    })
    .execute();
  await recordEvent(tx, memo.id, 'emailed', caller, { to, pdfFileId, outboxId });
  if (opts.smtpUrl)
    console.info(
      `[email] SMTP_URL is set; delivery is out of scope, so ${outboxId} (${subject}) to ${to.join(', ')} stays in the outbox`,
    );
  return { outboxId, to };
}

function splitAddresses(value: string): string[] {
  return value
    .split(/[,;]/)
    .map((a) => a.trim())
    .filter(Boolean);
}

function dedupe(addresses: string[]): string[] {
  const seen = new Set<string>();
  return addresses.filter((a) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
