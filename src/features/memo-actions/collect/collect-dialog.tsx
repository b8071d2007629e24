import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import Button from '@mui/material/Button';
import { ResponsiveDialog } from '../../../components/responsive-dialog.tsx';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormHelperText from '@mui/material/FormHelperText';
import Typography from '@mui/material/Typography';
import { useCollectDebitMemo, type CollectResponse } from '../../../api/memos/settlement-mutations.ts';
import { FormCheckbox } from '../../../components/form/checkbox-field.tsx';
import { FormDialog } from '../../../components/form/form-dialog.tsx';
import type { DebitMemo } from '../../../contract/memos.ts';
import { formatMoney, sum } from '../../../lib/money.ts';
import type { MemoDialogProps } from '../dialog-types.ts';
import { useIdempotencyKey } from '../use-idempotency-key.ts';
import { CollectResult } from './collect-result.tsx';

// Collect (docs/zuora/api-digest.md §4.14): apply the account's unapplied credit memos, then its unapplied payments,
// to the debit memo (oldest first). The sandbox takes no electronic payment, so `collect` stays false.

const collectSchema = z
  .object({ creditMemos: z.boolean(), payments: z.boolean() })
  .refine((v) => v.creditMemos || v.payments, { path: ['creditMemos'], message: 'Choose at least one source' });
type CollectFormValues = z.infer<typeof collectSchema>;

export default function CollectDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  if (memo.kind !== 'DebitMemo') throw new Error('Collect needs a debit memo');
  return <CollectForm dm={memo.memo} onClose={onClose} onSuccess={onSuccess} />;
}

function CollectForm({ dm, onClose, onSuccess }: { dm: DebitMemo } & Pick<MemoDialogProps, 'onClose' | 'onSuccess'>) {
  const mutation = useCollectDebitMemo(dm.id);
  const keyFor = useIdempotencyKey();
  const [result, setResult] = useState<CollectResponse | null>(null);
  const form = useForm<CollectFormValues>({
    mode: 'all',
    resolver: zodResolver(collectSchema),
    defaultValues: { creditMemos: true, payments: true },
  });
  // A rule across two fields: shown from the values, since RHF reports only the edited field's errors.
  const [creditMemos, payments] = useWatch({ control: form.control, name: ['creditMemos', 'payments'] });

  async function submit(v: CollectFormValues) {
    const body = {
      applyCredit: true,
      applicationOrder: [
        ...(v.creditMemos ? (['CreditMemo'] as const) : []),
        ...(v.payments ? (['UnappliedPayment'] as const) : []),
      ],
      collect: false,
    };
    setResult(await mutation.mutateAsync({ body, idempotencyKey: keyFor(body) }));
  }

  if (result) {
    const total = sum(
      [...(result.appliedCreditMemos ?? []), ...(result.appliedPayments ?? [])].map((a) => a.appliedAmount ?? 0),
    );
    return (
      <ResponsiveDialog
        open
        onClose={() => onSuccess({ message: `Collected ${formatMoney(total, dm.currency)} for ${dm.number}.` })}
        aria-labelledby="collect-result-title"
        maxWidth="sm"
        fullWidth
      >
        <DialogTitle id="collect-result-title">Collected for {dm.number}</DialogTitle>
        <DialogContent>
          <CollectResult result={result} currency={dm.currency} />
        </DialogContent>
        <DialogActions>
          <Button
            variant="contained"
            onClick={() => onSuccess({ message: `Collected ${formatMoney(total, dm.currency)} for ${dm.number}.` })}
          >
            Done
          </Button>
        </DialogActions>
      </ResponsiveDialog>
    );
  }

  return (
    <FormDialog open title="Collect Debit Memo" form={form} onSubmit={submit} onClose={onClose} submitLabel="Collect">
      <Typography variant="body2">
        Open balance of {dm.number}: <strong>{formatMoney(dm.balance, dm.currency)}</strong>. Apply, oldest first:
      </Typography>
      <FormCheckbox<CollectFormValues> name="creditMemos" label="1. Unapplied credit memos" />
      <FormCheckbox<CollectFormValues> name="payments" label="2. Unapplied payments" />
      {!creditMemos && !payments ? <FormHelperText error>Choose at least one source</FormHelperText> : null}
    </FormDialog>
  );
}
