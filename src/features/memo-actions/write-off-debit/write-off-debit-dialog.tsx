import { formatDate } from '../../../lib/dates.ts';
import { useEffect, useMemo } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import { ErrorAlert } from '../../../components/error-alert.tsx';
import { useAccountingCodes, writeOffExpenseCodes } from '../../../api/accounting-codes.ts';
import { memoDetailQuery, useMemoDetail } from '../../../api/memos/detail.ts';
import { useMemoItems } from '../../../api/memos/items.ts';
import { memoDetailPath } from '../../../lib/memo-routes.ts';
import { useWriteOffDebitMemo } from '../../../api/memos/settlement-mutations.ts';
import type { DebitMemo } from '../../../contract/memos.ts';
import { cmp, formatMoney } from '../../../lib/money.ts';
import { CommentField } from '../../../components/form/comment-field.tsx';
import { DateField } from '../../../components/form/date-field.tsx';
import { useReasonCodeOptions } from '../use-reason-code-options.ts';
import { ReasonCodeField } from '../../../components/form/reason-code-field.tsx';
import type { MemoDialogProps } from '../dialog-types.ts';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import { deferredRevenueCodes, revenueImpactSentence, useWriteOffPreview, salesTaxCodes } from './allocation.ts';
import { WriteOffDetails } from './write-off-details.tsx';
import { WriteOffPreview } from './write-off-preview.tsx';
import {
  toWriteOffRequest,
  writeOffDefaults,
  writeOffFormSchema,
  type WriteOffFormValues,
} from './write-off-schema.ts';

/** More actions → Write Off Debit Memo. */
export default function WriteOffDebitDialog({ memo: given, onClose, onSuccess }: MemoDialogProps) {
  if (given.kind !== 'DebitMemo') throw new Error('Write Off Debit Memo needs a debit memo');
  return <WriteOffDebitForm initial={given.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function WriteOffDebitForm({
  initial,
  onClose,
  onSuccess,
}: { initial: DebitMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const qc = useQueryClient();
  // Read through the detail query: a refusal refetches it, and the limits and preview follow the new balance.
  const detail = useMemoDetail('DebitMemo', initial.id);
  const memo = detail.data?.kind === 'DebitMemo' ? detail.data.memo : initial;
  const items = useMemoItems('DebitMemo', memo.id);
  const dmItems = items.data?.kind === 'DebitMemo' ? items.data.items : undefined;
  const codes = useAccountingCodes();
  const expenseCodes = useMemo(() => writeOffExpenseCodes(codes.data ?? []), [codes.data]);
  const mutation = useWriteOffDebitMemo(memo.id);
  const keyFor = useIdempotencyKey();

  const schema = useMemo(
    () => writeOffFormSchema(memo, codes.data ? expenseCodes.map((c) => c.name) : undefined),
    [memo, codes.data, expenseCodes],
  );
  const reasonCodes = useReasonCodeOptions('CreditMemo');
  const form = useForm<WriteOffFormValues>({
    mode: 'all',
    resolver: zodResolver(schema),
    defaultValues: writeOffDefaults(memo),
  });
  const [amount, revenueImpacting, accountingCode] = useWatch({
    control: form.control,
    name: ['amount', 'revenueImpacting', 'accountingCode'],
  });

  // A refetched balance (someone acted first) re-checks the amount against the new limit, also when the
  // refetch lands while the refused submit is still finishing (hence the submit count).
  const { submitCount } = form.formState;
  useEffect(() => {
    if (submitCount > 0 || form.formState.dirtyFields.amount) void form.trigger('amount');
  }, [schema, submitCount]); // eslint-disable-line react-hooks/exhaustive-deps

  const preview = useWriteOffPreview(memo, dmItems, amount);
  const deferred = deferredRevenueCodes(dmItems);
  const sentence = preview
    ? revenueImpactSentence(preview, revenueImpacting, deferred, accountingCode, salesTaxCodes(dmItems))
    : null;

  async function submit(values: WriteOffFormValues) {
    if (!preview) throw new Error('The debit memo items are still loading.');
    // The server refuses an allocation above a line's current balance, but a partial write-off built on a
    // balance someone has since changed would still go through, with a preview that no longer holds.
    const fresh = await qc.fetchQuery({ ...memoDetailQuery('DebitMemo', memo.id), staleTime: 0 });
    if (fresh.kind === 'DebitMemo' && cmp(fresh.memo.balance, memo.balance) !== 0) {
      await items.refetch();
      throw new Error(
        `The open balance of ${memo.number} changed from ${formatMoney(memo.balance, memo.currency)} to ${formatMoney(fresh.memo.balance, memo.currency)} since this preview was made. Check the preview and save again.`,
      );
    }
    const body = toWriteOffRequest(values, preview);
    const r = await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) });
    const created = await qc.fetchQuery(memoDetailQuery('CreditMemo', r.creditMemo.id)).catch(() => null);
    onSuccess({
      message: `Debit memo ${memo.number} written off${created ? ` by credit memo ${created.memo.number}` : ''}.`,
      link: {
        to: memoDetailPath('CreditMemo', r.creditMemo.id),
        label: created ? created.memo.number : 'the credit memo',
      },
    });
  }

  return (
    <FormDialog open title="Write Off Debit Memo" form={form} onSubmit={submit} onClose={onClose} maxWidth="md">
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ pt: 1 }}>
        <DateField
          name="memoDate"
          label="Write-Off Date"
          minDate={memo.debitMemoDate}
          helperText={`On or after ${formatDate(memo.debitMemoDate)}`}
        />
        <ReasonCodeField name="reasonCode" {...reasonCodes} />
      </Stack>
      <CommentField name="comment" />
      <WriteOffDetails
        revenueImpacting={revenueImpacting}
        currency={memo.currency}
        openBalance={formatMoney(memo.balance, memo.currency)}
        deferredCodes={deferred}
        allCodes={codes.data ?? []}
        expenseCodes={expenseCodes}
        codesLoading={codes.isPending}
      />
      {items.isError ? (
        <ErrorAlert
          error={items.error}
          title="The debit memo items could not be loaded"
          onRetry={() => void items.refetch()}
        />
      ) : null}
      {codes.isError ? (
        <ErrorAlert
          error={codes.error}
          title="Accounting codes could not be loaded"
          onRetry={() => void codes.refetch()}
        />
      ) : null}
      {items.isPending ? (
        <CircularProgress size={24} aria-label="Loading the debit memo items" sx={{ mt: 2 }} />
      ) : (
        <WriteOffPreview
          preview={preview}
          items={dmItems ?? []}
          revenueImpacting={revenueImpacting}
          expenseCode={accountingCode}
          sentence={sentence}
        />
      )}
    </FormDialog>
  );
}
