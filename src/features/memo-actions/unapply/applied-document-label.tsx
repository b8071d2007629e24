import { useInvoiceDetail } from '../../../api/invoice-detail.ts';
import { useMemoDetail } from '../../../api/memos/detail.ts';

/** "Invoice INV00000012" / "Debit memo DM00000003", read from the document (parts carry ids only). */
export function AppliedDocumentLabel({ type, id }: { type: 'Invoice' | 'DebitMemo'; id: string }) {
  return type === 'Invoice' ? <InvoiceLabel id={id} /> : <DebitMemoLabel id={id} />;
}

function InvoiceLabel({ id }: { id: string }) {
  const q = useInvoiceDetail(id);
  return <>Invoice {q.data?.invoiceNumber ?? '…'}</>;
}

function DebitMemoLabel({ id }: { id: string }) {
  const q = useMemoDetail('DebitMemo', id);
  return <>Debit memo {q.data?.memo.number ?? '…'}</>;
}
