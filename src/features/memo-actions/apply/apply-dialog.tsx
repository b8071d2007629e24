import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CircularProgress from '@mui/material/CircularProgress';
import { useSettlementTargets } from '../../../api/billing-documents.ts';
import { useApplyCreditMemo } from '../../../api/memos/settlement-mutations.ts';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import type { CreditMemo } from '../../../contract/memos.ts';
import { today } from '../../../lib/dates.ts';
import { formatMoney } from '../../../lib/money.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { DateField } from '../../../components/form/date-field.tsx';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import { visuallyHidden } from '../../../components/visually-hidden.ts';
import { amountCellSx } from '../../../components/form/amount-cell.ts';
import { ApplyTargetRow } from './apply-target-row.tsx';
import { wideColumnSx } from './apply-columns.ts';
import {
  applyFormSchema,
  applyTotal,
  applyTotalProblem,
  toApplyRequest,
  type ApplyFormValues,
} from './apply-schema.ts';

/** More actions → Apply: apply the credit memo's unapplied amount to open invoices and debit memos of its account. */
export default function ApplyDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'CreditMemo') throw new Error('Apply needs a credit memo');
  return <ApplyForm cm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function ApplyForm({ cm, onClose, onSuccess }: { cm: CreditMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const targets = useSettlementTargets(cm.accountId);
  const mutation = useApplyCreditMemo(cm.id);
  const keyFor = useIdempotencyKey();
  const schema = useMemo(() => applyFormSchema(cm.currency, cm.unappliedAmount), [cm.currency, cm.unappliedAmount]);
  const form = useForm<ApplyFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: { effectiveDate: today(), targets: [] },
  });
  const watched = useWatch({ control: form.control, name: 'targets' });
  const total = applyTotal(watched ?? []);

  useEffect(() => {
    if (targets.data)
      form.reset({
        effectiveDate: form.getValues('effectiveDate'),
        targets: targets.data.map(({ amount: _documentAmount, ...t }) => ({ ...t, amount: '', lines: [] })),
      });
  }, [targets.data, form]);

  async function submit(values: ApplyFormValues) {
    const body = toApplyRequest(values);
    await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    const n = (body.invoices?.length ?? 0) + (body.debitMemos?.length ?? 0);
    onSuccess({
      message: `Applied ${formatMoney(applyTotal(values.targets), cm.currency)} of ${cm.number} to ${n} document${n === 1 ? '' : 's'}.`,
    });
  }

  const totalError = applyTotalProblem(total, cm.unappliedAmount, cm.currency);
  return (
    <FormDialog
      open
      title="Apply Credit Memo"
      form={form}
      onSubmit={submit}
      onClose={onClose}
      maxWidth="md"
      submitLabel="Apply"
    >
      <Typography variant="body2">
        Unapplied amount of {cm.number}: <strong>{formatMoney(cm.unappliedAmount, cm.currency)}</strong>
      </Typography>
      <DateField name="effectiveDate" label="Effective Date" />
      {targets.isError ? (
        <ErrorAlert
          error={targets.error}
          title="Open documents could not be loaded"
          onRetry={() => void targets.refetch()}
        />
      ) : null}
      {targets.isPending ? <CircularProgress size={24} aria-label="Loading open documents" /> : null}
      {targets.data && targets.data.length === 0 ? (
        <Typography sx={{ my: 2 }}>The account has no posted invoice or debit memo with an open balance.</Typography>
      ) : null}
      {watched && watched.length > 0 ? (
        <Table size="small" aria-label="Open invoices and debit memos">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Box component="span" sx={visuallyHidden}>
                  Items
                </Box>
              </TableCell>
              <TableCell>Document</TableCell>
              <TableCell sx={wideColumnSx}>Date</TableCell>
              <TableCell align="right" sx={wideColumnSx}>
                Balance
              </TableCell>
              <TableCell sx={amountCellSx}>Amount to apply</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {watched.map((t, i) => (
              <ApplyTargetRow key={t.id} form={form} index={i} currency={cm.currency} />
            ))}
          </TableBody>
        </Table>
      ) : null}
      <Typography role="status" sx={{ mt: 2 }} color={totalError && form.formState.isDirty ? 'error' : undefined}>
        Total to apply: <strong>{formatMoney(total, cm.currency)}</strong> of{' '}
        {formatMoney(cm.unappliedAmount, cm.currency)} unapplied
        {totalError && form.formState.isDirty ? ` — ${totalError}` : ''}
      </Typography>
    </FormDialog>
  );
}
