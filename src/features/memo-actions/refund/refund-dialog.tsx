import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import MenuItem from '@mui/material/MenuItem';
import Typography from '@mui/material/Typography';
import { useRefundCreditMemo } from '../../../api/memos/settlement-mutations.ts';
import { ConfirmDialog } from '../../../components/confirm-dialog.tsx';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import { FormTextField } from '../../../components/form/text-field.tsx';
import { REFUND_METHOD_TYPES } from '../../../contract/common.ts';
import type { CreditMemo } from '../../../contract/memos.ts';
import { formatMoney } from '../../../lib/money.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { AmountField } from '../../../components/form/amount-field.tsx';
import { CommentField } from '../../../components/form/comment-field.tsx';
import { DateField } from '../../../components/form/date-field.tsx';
import { useReasonCodeOptions } from '../use-reason-code-options.ts';
import { ReasonCodeField } from '../../../components/form/reason-code-field.tsx';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import { refundDefaults, refundFormSchema, toRefundRequest, type RefundFormValues } from './refund-schema.ts';
import { refundMethodLabel } from '../../../lib/wire-labels.ts';
import { formatDate } from '../../../lib/dates.ts';

/** More actions → Refund This Credit Memo (external refund of the unapplied amount). */
export default function RefundDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'CreditMemo') throw new Error('Refund needs a credit memo');
  return <RefundForm cm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function RefundForm({ cm, onClose, onSuccess }: { cm: CreditMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const mutation = useRefundCreditMemo(cm.id);
  const keyFor = useIdempotencyKey();
  const schema = useMemo(() => refundFormSchema(cm), [cm]);
  const reasonCodes = useReasonCodeOptions('CreditMemoRefund');
  const form = useForm<RefundFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: refundDefaults(cm),
  });

  // Money leaving the company is confirmed, as Post is: Refund on the form asks, the confirmation sends.
  const [pending, setPending] = useState<RefundFormValues | null>(null);

  async function refund(values: RefundFormValues) {
    const body = toRefundRequest(values);
    const done = await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    onSuccess({
      message: `Refund ${done.number} of ${formatMoney(done.amount, cm.currency)} processed for ${cm.number}.`,
    });
  }

  if (pending) {
    const body = toRefundRequest(pending);
    return (
      <ConfirmDialog
        open
        title="Confirm Refund"
        confirmLabel="Refund"
        onConfirm={() => refund(pending)}
        onClose={() => setPending(null)}
        cancelLabel="Back"
      >
        <Typography>
          {`Refund ${formatMoney(body.totalAmount, cm.currency)} of ${cm.number} to the customer by ${refundMethodLabel(pending.methodType)}, dated ${formatDate(pending.refundDate)}? The money leaves the company and the refund cannot be undone here.`}
        </Typography>
      </ConfirmDialog>
    );
  }

  return (
    <FormDialog
      open
      title="Refund Credit Memo"
      form={form}
      onSubmit={async (values) => setPending(values)}
      onClose={onClose}
      submitLabel="Refund"
    >
      <Typography variant="body2">
        Refund type: External. Unapplied amount: <strong>{formatMoney(cm.unappliedAmount, cm.currency)}</strong>
      </Typography>
      <FormTextField<RefundFormValues> name="methodType" select label="Method Type" fullWidth margin="normal" required>
        {REFUND_METHOD_TYPES.map((m) => (
          <MenuItem key={m} value={m}>
            {refundMethodLabel(m)}
          </MenuItem>
        ))}
      </FormTextField>
      <AmountField name="totalAmount" label="Amount to Refund" currency={cm.currency} />
      <DateField
        name="refundDate"
        label="Refund Date"
        minDate={cm.creditMemoDate}
        helperText={`On or after ${formatDate(cm.creditMemoDate)}`}
      />
      <ReasonCodeField name="reasonCode" {...reasonCodes} />
      <CommentField name="comment" />
    </FormDialog>
  );
}
