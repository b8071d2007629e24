import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemoApplications } from '../../../api/memos/applications.ts';
import { useUnapplyCreditMemo } from '../../../api/memos/settlement-mutations.ts';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { FormCheckbox } from '../../../components/form/checkbox-field.tsx';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import { Money } from '../../../components/money.tsx';
import type { CreditMemo } from '../../../contract/memos.ts';
import { today } from '../../../lib/dates.ts';
import { formatMoney, sum } from '../../../lib/money.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { AmountField } from '../../../components/form/amount-field.tsx';
import { parseAmount } from '../../../contract/amount.ts';
import { DateField } from '../../../components/form/date-field.tsx';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import { amountCellSx } from '../../../components/form/amount-cell.ts';
import { AppliedDocumentLabel } from './applied-document-label.tsx';
import {
  toUnapplyRequest,
  unapplyFormSchema,
  type UnapplyFormValues,
  type UnapplyPartValue,
} from './unapply-schema.ts';

/** More actions → Unapply This Credit Memo. */
export default function UnapplyDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'CreditMemo') throw new Error('Unapply needs a credit memo');
  return <UnapplyForm cm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function UnapplyForm({ cm, onClose, onSuccess }: { cm: CreditMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const apps = useMemoApplications('CreditMemo', cm.id);
  const mutation = useUnapplyCreditMemo(cm.id);
  const keyFor = useIdempotencyKey();
  const schema = useMemo(() => unapplyFormSchema(cm.currency), [cm.currency]);
  const form = useForm<UnapplyFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: { effectiveDate: today(), unapplyAll: false, parts: [] },
  });
  const [parts, unapplyAll] = useWatch({ control: form.control, name: ['parts', 'unapplyAll'] });

  useEffect(() => {
    if (apps.data?.kind !== 'CreditMemo') return;
    const applied = apps.data.parts.flatMap((p): UnapplyPartValue[] =>
      p.invoiceId
        ? [{ type: 'Invoice' as const, id: p.invoiceId, applied: p.amount, amount: '' }]
        : p.debitMemoId
          ? [{ type: 'DebitMemo' as const, id: p.debitMemoId, applied: p.amount, amount: '' }]
          : [],
    );
    form.reset({ ...form.getValues(), parts: applied });
  }, [apps.data, form]);

  const total = unapplyAll
    ? sum((parts ?? []).map((p) => p.applied))
    : sum((parts ?? []).map((p) => parseAmount(p.amount) ?? 0));
  const totalError = total.gt(0) ? null : 'Enter an amount for at least one document, or unapply from all';

  async function submit(values: UnapplyFormValues) {
    const body = toUnapplyRequest(values);
    // Taken from the request: after success the applications refetch and the table resets.
    const unapplied = sum([...(body.invoices ?? []), ...(body.debitMemos ?? [])].map((d) => d.amount));
    await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    onSuccess({ message: `Unapplied ${formatMoney(unapplied, cm.currency)} of ${cm.number}.` });
  }

  return (
    <FormDialog
      open
      title="Unapply Credit Memo"
      form={form}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      submitLabel="Unapply"
    >
      <DateField name="effectiveDate" label="Effective Date" />
      <FormCheckbox name="unapplyAll" label="Unapply from all" />
      {apps.isError ? <ErrorAlert error={apps.error} onRetry={() => void apps.refetch()} /> : null}
      {apps.isPending ? <CircularProgress size={24} aria-label="Loading applications" /> : null}
      {parts && parts.length === 0 && !apps.isPending ? (
        <Typography sx={{ my: 2 }}>{cm.number} is not applied to any document.</Typography>
      ) : null}
      {parts && parts.length > 0 ? (
        <Table size="small" aria-label="Documents this credit memo is applied to">
          <TableHead>
            <TableRow>
              <TableCell>Document</TableCell>
              <TableCell align="right">Applied</TableCell>
              <TableCell sx={amountCellSx}>Amount to unapply</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {parts.map((p, i) => (
              <TableRow key={p.id}>
                <TableCell>
                  <AppliedDocumentLabel type={p.type} id={p.id} />
                </TableCell>
                <TableCell align="right">
                  <Money value={p.applied} currency={cm.currency} />
                </TableCell>
                <TableCell sx={amountCellSx}>
                  {unapplyAll ? (
                    <Money value={p.applied} currency={cm.currency} />
                  ) : (
                    <AmountField
                      name={`parts.${i}.amount`}
                      label={`Amount to unapply (row ${i + 1})`}
                      currency={cm.currency}
                      size="small"
                    />
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Typography role="status" sx={{ mt: 2 }} color={totalError && form.formState.isDirty ? 'error' : undefined}>
        Total to unapply: <strong>{formatMoney(total, cm.currency)}</strong>
        {totalError && form.formState.isDirty ? ` — ${totalError}` : ''}
      </Typography>
    </FormDialog>
  );
}
