import { formatDate } from '../../../lib/dates.ts';
import { useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import { useQueryClient } from '@tanstack/react-query';
import { memoDetailQuery } from '../../../api/memos/detail.ts';
import { memoDetailPath } from '../../../lib/memo-routes.ts';
import { useReverseCreditMemo } from '../../../api/memos/settlement-mutations.ts';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import type { CreditMemo } from '../../../contract/memos.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { CommentField } from '../../../components/form/comment-field.tsx';
import { DateField } from '../../../components/form/date-field.tsx';
import { useReasonCodeOptions } from '../use-reason-code-options.ts';
import { ReasonCodeField } from '../../../components/form/reason-code-field.tsx';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import {
  reverseDefaults,
  reverseFormSchema,
  toReverseRequest,
  type ReverseFormValues,
} from '../write-off-credit/write-off-credit-schema.ts';

/** More actions → Reverse Credit Memo: a mirror debit memo is created and the credit memo applied to it. */
export default function ReverseDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'CreditMemo') throw new Error('Reverse needs a credit memo');
  return <ReverseForm cm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function ReverseForm({ cm, onClose, onSuccess }: { cm: CreditMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const qc = useQueryClient();
  const mutation = useReverseCreditMemo(cm.id);
  const keyFor = useIdempotencyKey();
  const schema = useMemo(() => reverseFormSchema(cm.creditMemoDate), [cm.creditMemoDate]);
  const reasonCodes = useReasonCodeOptions('DebitMemo');
  const form = useForm<ReverseFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: reverseDefaults(),
  });
  const memoDate = useWatch({ control: form.control, name: 'memoDate' });

  async function submit(values: ReverseFormValues) {
    const body = toReverseRequest(values);
    const r = await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    const dm = await qc.fetchQuery(memoDetailQuery('DebitMemo', r.debitMemo.id)).catch(() => null);
    onSuccess({
      message: `${cm.number} reversed${dm ? ` by debit memo ${dm.memo.number}` : ''}.`,
      link: { to: memoDetailPath('DebitMemo', r.debitMemo.id), label: dm ? dm.memo.number : 'the debit memo' },
    });
  }

  return (
    <FormDialog open title="Reverse Credit Memo" form={form} onSubmit={submit} onClose={onClose} submitLabel="Reverse">
      <Alert severity="info">
        A debit memo mirroring {cm.number} is created and {cm.number} is applied to it.
      </Alert>
      <DateField
        name="memoDate"
        label="Memo Date"
        minDate={cm.creditMemoDate}
        helperText={`Date of the debit memo; on or after ${formatDate(cm.creditMemoDate)}`}
      />
      <DateField
        name="applyEffectiveDate"
        label="Apply Effective Date"
        minDate={memoDate || cm.creditMemoDate}
        helperText="On or after the memo date"
      />
      <ReasonCodeField name="reasonCode" {...reasonCodes} />
      <CommentField name="comment" />
    </FormDialog>
  );
}
