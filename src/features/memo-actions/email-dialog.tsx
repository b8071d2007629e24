import { zodResolver } from '@hookform/resolvers/zod';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { billToEmail, useAccountDetail } from '../../api/account-detail.ts';
import { useEmailMemo } from '../../api/memos/lifecycle-mutations.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { emailFormSchema, emailRequest, splitAddresses, type EmailFormValues } from './email-schema.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoName } from './memo-labels.ts';

/** Email Credit/Debit Memo (docs/zuora/ui-inventory.md §3.11): addresses prefilled with the bill-to contact. */
export default function EmailDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const email = useEmailMemo(memo.kind, memo.memo.id);
  const account = useAccountDetail(memo.memo.accountId);
  const additional = account.data?.billingAndPayment?.additionalEmailAddresses ?? [];
  const form = useForm<EmailFormValues>({
    resolver: zodResolver(emailFormSchema),
    defaultValues: { emailAddresses: '', useEmailTemplateSetting: false, includeAdditionalEmailAddresses: false },
    mode: 'all',
  });
  const { register, control, formState, reset, getValues } = form;
  const errors = formState.errors;
  const useTemplate = useWatch({ control, name: 'useEmailTemplateSetting' });

  // Prefill once the account arrives, without marking the form dirty, and never over what was typed.
  const prefill = billToEmail(account.data);
  useEffect(() => {
    if (prefill && !formState.dirtyFields.emailAddresses && getValues('emailAddresses') === '') {
      reset({ ...getValues(), emailAddresses: prefill }, { keepDirtyValues: true });
      void form.trigger();
    }
  }, [prefill, formState.dirtyFields.emailAddresses, getValues, reset, form]);

  async function submit(values: EmailFormValues) {
    await email.mutateAsync(emailRequest(values));
    const to = values.useEmailTemplateSetting
      ? 'the template’s recipients'
      : splitAddresses(values.emailAddresses).join(', ');
    onSuccess({ message: `Emailed ${memoName(memo)} to ${to}` });
  }

  return (
    <FormDialog
      open
      title={`Email ${memoKindLabel(memo.kind)}`}
      form={form}
      onSubmit={submit}
      onClose={onClose}
      submitLabel="Send"
    >
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Typography variant="body2">
          Sends the latest PDF of {memoName(memo)}
          {account.data ? ` (account ${account.data.basicInfo.name})` : ''}.
        </Typography>
        <TextField
          label={`${memoKindLabel(memo.kind)} Email Address`}
          {...register('emailAddresses')}
          disabled={useTemplate}
          error={Boolean(errors.emailAddresses)}
          helperText={
            errors.emailAddresses?.message ??
            (useTemplate ? 'Ignored: the template’s “To” address is used' : 'Separate addresses with commas')
          }
        />
        <Controller
          name="useEmailTemplateSetting"
          control={control}
          render={({ field }) => (
            <FormControlLabel
              label="Use Email Template Setting"
              control={
                <Checkbox
                  checked={field.value}
                  onChange={(_, v) => {
                    field.onChange(v);
                    void form.trigger('emailAddresses');
                  }}
                />
              }
            />
          )}
        />
        {additional.length > 0 && (
          <Controller
            name="includeAdditionalEmailAddresses"
            control={control}
            render={({ field }) => (
              <FormControlLabel
                label={`Include Additional Email Addresses (${additional.join(', ')})`}
                control={<Checkbox checked={field.value} onChange={(_, v) => field.onChange(v)} />}
              />
            )}
          />
        )}
      </Stack>
    </FormDialog>
  );
}
