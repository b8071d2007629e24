import Alert from '@mui/material/Alert';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, useWatch } from 'react-hook-form';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { useCreateMemoFromInvoice } from '../../api/memos/create-mutations.ts';
import { fromInvoiceRequest } from './build-requests.ts';
import { CreateMemoForm } from './create-memo-form.tsx';
import { FormSection } from './form-section.tsx';
import { FromInvoiceBasicFields } from './from-invoice-basic-fields.tsx';
import { fromInvoiceDefaults, fromInvoiceFormSchema, type FromInvoiceFormValues } from './from-invoice-schema.ts';
import { InvoiceItemsTable } from './invoice-items-table.tsx';

/** Create Credit/Debit Memo → From Invoice (docs/zuora/ui-inventory.md §3.1). */
/** The route table says which kind the page is for. */
export default function FromInvoicePage({ kind }: { kind: MemoKind }) {
  return <FromInvoiceForm key={kind} kind={kind} />;
}

function FromInvoiceForm({ kind }: { kind: MemoKind }) {
  const form = useForm<FromInvoiceFormValues>({
    resolver: zodResolver(fromInvoiceFormSchema),
    defaultValues: fromInvoiceDefaults(kind),
    mode: 'onTouched',
  });
  const create = useCreateMemoFromInvoice(kind);
  const invoice = useWatch({ control: form.control, name: 'invoice' });

  return (
    <CreateMemoForm
      form={form}
      kind={kind}
      titleId="from-invoice-title"
      title={`Create ${memoKindLabel(kind)} from Invoice`}
      intro={`${kind === 'CreditMemo' ? 'Credit' : 'Debit'} some or all items of a posted invoice. The memo is saved as Draft unless Auto-post is on.`}
      error={create.error}
      create={(values, idempotencyKey) =>
        create.mutateAsync({ invoiceId: values.invoice!.id, body: fromInvoiceRequest(values), idempotencyKey })
      }
    >
      <FormSection id="basic-title" title="Basic Information">
        <FromInvoiceBasicFields kind={kind} />
      </FormSection>
      <FormSection id="items-title" title={invoice ? `Items of invoice ${invoice.invoiceNumber}` : 'Invoice Items'}>
        {invoice ? (
          <InvoiceItemsTable kind={kind} currency={invoice.currency} />
        ) : (
          <Alert severity="info">Choose an account and one of its posted invoices to list its items.</Alert>
        )}
      </FormSection>
    </CreateMemoForm>
  );
}
