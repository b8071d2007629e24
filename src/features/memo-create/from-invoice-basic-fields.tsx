import { useState } from 'react';
import Box from '@mui/material/Box';
import { useQueryClient } from '@tanstack/react-query';
import { useController, useFormContext } from 'react-hook-form';
import { invoiceHeaderQuery, invoiceItemsQuery } from '../../api/invoices.ts';
import { formatDate } from '../../lib/dates.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { AccountPicker } from './account-picker.tsx';
import { FormCheckbox } from '../../components/form/checkbox-field.tsx';
import { DateField } from '../../components/form/date-field.tsx';
import { CommentField } from '../../components/form/comment-field.tsx';
import { ReasonCodeField } from '../../components/form/reason-code-field.tsx';
import { useMemoReasonCodes } from './use-memo-reason-codes.ts';
import type { FromInvoiceFormValues } from './from-invoice-schema.ts';
import { InvoicePicker } from './invoice-picker.tsx';
import { invoiceItemLines } from './invoice-lines.ts';

type F = FromInvoiceFormValues;
const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } } as const;

/** Basic Information of a memo from an invoice (docs/zuora/ui-inventory.md §3.1). */
export function FromInvoiceBasicFields({ kind }: { kind: MemoKind }) {
  const qc = useQueryClient();
  const { control, setValue } = useFormContext<F>();
  const account = useController<F, 'account'>({ control, name: 'account' });
  const invoice = useController<F, 'invoice'>({ control, name: 'invoice' });
  const reasonCodes = useMemoReasonCodes(kind);
  const [loading, setLoading] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);

  async function chooseInvoice(id: string) {
    setLoading(true);
    setLoadError(null);
    try {
      const [header, items] = await Promise.all([
        qc.fetchQuery(invoiceHeaderQuery(id)),
        qc.fetchQuery(invoiceItemsQuery(id)),
      ]);
      invoice.field.onChange({
        id: header.id,
        invoiceNumber: header.invoiceNumber,
        invoiceDate: header.invoiceDate,
        currency: header.currency,
      });
      setValue('items', invoiceItemLines(items, kind, header.currency), { shouldDirty: true });
    } catch (err) {
      setLoadError(err);
    } finally {
      setLoading(false);
    }
  }

  const inv = invoice.field.value;
  return (
    <Box sx={grid}>
      <Box sx={{ gridColumn: { md: 'span 2' } }}>
        <AccountPicker
          value={account.field.value}
          inputRef={account.field.ref}
          onBlur={account.field.onBlur}
          error={account.fieldState.error?.message}
          onChange={(a) => {
            account.field.onChange(a);
            invoice.field.onChange(null);
            setValue('items', []);
          }}
        />
      </Box>
      <InvoicePicker
        accountId={account.field.value?.id}
        value={inv?.id ?? ''}
        onChange={(id) => void chooseInvoice(id)}
        onBlur={invoice.field.onBlur}
        inputRef={invoice.field.ref}
        error={invoice.fieldState.error?.message}
        busy={loading}
      />
      {Boolean(loadError) && (
        <Box sx={{ gridColumn: '1 / -1' }}>
          <ErrorAlert error={loadError} title="The invoice could not be loaded" />
        </Box>
      )}
      <DateField<F>
        name="effectiveDate"
        label="Memo Date"
        margin="none"
        helperText={inv ? `Not before the invoice date, ${formatDate(inv.invoiceDate)}.` : undefined}
      />
      <ReasonCodeField<F> name="reasonCode" margin="none" {...reasonCodes} />
      <Box sx={{ display: 'flex', flexDirection: 'column' }}>
        <FormCheckbox<F> name="taxAutoCalculation" label="Tax Auto Calculation" />
        {kind === 'CreditMemo' ? (
          <>
            <FormCheckbox<F> name="autoApplyToInvoiceUponPosting" label="Apply to this invoice upon posting" />
            <FormCheckbox<F> name="excludeFromAutoApplyRules" label="Exclude from auto apply rules" />
          </>
        ) : (
          <FormCheckbox<F> name="autoPay" label="Auto-Pay" />
        )}
        <FormCheckbox<F> name="autoPost" label="Auto-post (post the memo when it is saved)" />
      </Box>
      <Box sx={{ gridColumn: '1 / -1' }}>
        <CommentField<F> name="comment" label="Comments" margin="none" />
      </Box>
    </Box>
  );
}
