import { money } from '../../src/lib/money.ts';
import type { Caller } from '../caller.ts';
import type { Tx } from '../db/transaction.ts';
import type { MemoRow } from '../db/types.ts';
import { recordEvent } from './history.ts';
import { storeMemoFile, type StoredFile } from './memo-files.ts';
import { memoItems, memoTaxationItems } from './memo-repo.ts';
import { renderMemoPdf, type MemoPdfData } from './memo-pdf-render.ts';

// "Generate PDF": renders the memo as it is now and stores it as the next file version. Zuora does this
// asynchronously and answers at once; the sandbox renders synchronously, so the file exists (and
// pdf-status says Generated) as soon as the POST answers.

/**
 * Renders and stores a new PDF version of a memo, points `latest_pdf_file_id` at it and records the
 * event. The caller holds the memo row `FOR UPDATE` in `tx`.
 */
export async function generateMemoPdf(tx: Tx, memo: MemoRow, caller: Caller | null): Promise<StoredFile> {
  const data = await loadMemoPdfData(tx, memo);
  const content = await renderMemoPdf(data);
  const stored = await storeMemoFile(tx, memo, { origin: 'Generated', content }, caller);
  await tx.updateTable('memos').set({ latest_pdf_file_id: stored.id }).where('id', '=', memo.id).execute();
  await recordEvent(tx, memo.id, 'pdfGenerated', caller, { fileId: stored.id, versionNumber: stored.versionNumber });
  return stored;
}

export async function loadMemoPdfData(tx: Tx, memo: MemoRow): Promise<MemoPdfData> {
  const account = await tx
    .selectFrom('accounts')
    .select(['name', 'account_number', 'bill_to_contact_id'])
    .where('id', '=', memo.account_id)
    .executeTakeFirstOrThrow();
  const contactId = memo.bill_to_contact_id ?? account.bill_to_contact_id;
  const contact = contactId
    ? await tx.selectFrom('contacts').selectAll().where('id', '=', contactId).executeTakeFirst()
    : undefined;
  const items = await memoItems(tx, memo.id);
  const taxes = await memoTaxationItems(tx, memo.id);
  return {
    kind: memo.kind,
    number: memo.number,
    status: memo.status,
    memoDate: memo.memo_date,
    dueDate: memo.kind === 'DebitMemo' ? memo.due_date : null,
    postedOn: memo.posted_on,
    createdDate: memo.created_date,
    currency: memo.currency,
    amount: memo.amount,
    taxAmount: memo.tax_amount,
    appliedAmount: memo.applied_amount,
    refundAmount: memo.refund_amount,
    balance: memo.balance,
    reasonCode: memo.reason_code,
    comment: memo.comment,
    account: { name: account.name, accountNumber: account.account_number },
    billTo: contact
      ? {
          name: `${contact.first_name} ${contact.last_name}`.trim(),
          email: contact.work_email ?? contact.personal_email,
          lines: [
            contact.address1,
            contact.address2,
            [contact.city, contact.state, contact.zip_code].filter(Boolean).join(', '),
            contact.country,
          ].filter((x): x is string => Boolean(x)),
        }
      : null,
    items: items.map((i) => ({
      skuName: i.sku_name,
      sku: i.sku,
      servicePeriod: i.service_start_date
        ? `${i.service_start_date} to ${i.service_end_date ?? i.service_start_date}`
        : '',
      amount: i.amount,
      description: i.description,
    })),
    taxes: taxes.map((t) => ({
      name: t.name,
      // The sandbox stores a percentage rate as a fraction (0.0825), as its tax engine computes with it.
      rate: t.tax_rate_type === 'FlatFee' ? 'Flat fee' : `${money(t.tax_rate).times(100).toString()}%`,
      jurisdiction: t.jurisdiction,
      taxAmount: t.tax_amount,
    })),
  };
}
