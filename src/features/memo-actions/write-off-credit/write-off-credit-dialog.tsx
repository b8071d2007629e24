import { formatDate } from '../../../lib/dates.ts';
import { useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { memoDetailQuery } from '../../../api/memos/detail.ts';
import { memoDetailPath } from '../../../lib/memo-routes.ts';
import { useWriteOffCreditMemo } from '../../../api/memos/settlement-mutations.ts';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import type { CreditMemo } from '../../../contract/memos.ts';
import { formatMoney, isZero } from '../../../lib/money.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { CommentField } from '../../../components/form/comment-field.tsx';
import { DateField } from '../../../components/form/date-field.tsx';
import { useReasonCodeOptions } from '../use-reason-code-options.ts';
import { ReasonCodeField } from '../../../components/form/reason-code-field.tsx';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import {
  toWriteOffCreditRequest,
  writeOffCreditDefaults,
  writeOffCreditFormSchema,
  type WriteOffCreditFormValues,
} from './write-off-credit-schema.ts';

/** More actions → Write Off Credit Memo: a debit memo is created and the whole credit memo applied to it. */
export default function WriteOffCreditDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'CreditMemo') throw new Error('Write Off Credit Memo needs a credit memo');
  return <WriteOffCreditForm cm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function WriteOffCreditForm({
  cm,
  onClose,
  onSuccess,
}: { cm: CreditMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const qc = useQueryClient();
  const mutation = useWriteOffCreditMemo(cm.id);
  const keyFor = useIdempotencyKey();
  const schema = useMemo(() => writeOffCreditFormSchema(cm.creditMemoDate), [cm.creditMemoDate]);
  const reasonCodes = useReasonCodeOptions('DebitMemo');
  const form = useForm<WriteOffCreditFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: writeOffCreditDefaults(),
  });

  async function submit(values: WriteOffCreditFormValues) {
    const body = toWriteOffCreditRequest(values);
    const r = await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    const dm = await qc.fetchQuery(memoDetailQuery('DebitMemo', r.debitMemo.id)).catch(() => null);
    onSuccess({
      message: `${cm.number} written off${dm ? ` by debit memo ${dm.memo.number}` : ''}.`,
      link: { to: memoDetailPath('DebitMemo', r.debitMemo.id), label: dm ? dm.memo.number : 'the debit memo' },
    });
  }

  return (
    <FormDialog open title="Write Off Credit Memo" form={form} onSubmit={submit} onClose={onClose}>
      {isZero(cm.appliedAmount ?? 0) ? (
        <Alert severity="info">
          A debit memo of {formatMoney(cm.unappliedAmount, cm.currency)} will be created and {cm.number} fully applied
          to it.
        </Alert>
      ) : (
        <Alert severity="warning">
          Only a fully unapplied credit memo can be written off: unapply {formatMoney(cm.appliedAmount, cm.currency)}{' '}
          first.
        </Alert>
      )}
      <DateField
        name="memoDate"
        label="Memo Date"
        minDate={cm.creditMemoDate}
        helperText={`Date of the debit memo; on or after ${formatDate(cm.creditMemoDate)}`}
      />
      <ReasonCodeField name="reasonCode" {...reasonCodes} />
      <CommentField name="comment" />
    </FormDialog>
  );
}
