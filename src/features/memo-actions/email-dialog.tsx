import { zodResolver } from '@hookform/resolvers/zod';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { billToEmail, useAccountDetail } from '../../api/account-detail.ts';
import { emailMemo } from '../../api/memos/lifecycle-mutations.ts';
import { fetchMemoFiles, generateFirstMemoPdf } from '../../api/memos/files.ts';
import { invalidateMemoEffects } from '../../api/memos/invalidate.ts';
import { FormCheckbox } from '../../components/form/checkbox-field.tsx';
import { FormDialog } from '../../components/form/form-dialog.tsx';
import { FormTextField } from '../../components/form/text-field.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { emailFormSchema, emailRequest, splitAddresses, type EmailFormValues } from './email-schema.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoName } from './memo-labels.ts';

type F = EmailFormValues;

/** Email Credit/Debit Memo (docs/zuora/ui-inventory.md §3.11): addresses prefilled with the bill-to contact. */
export default function EmailDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const qc = useQueryClient();
  const account = useAccountDetail(memo.memo.accountId);
  const additional = account.data?.billingAndPayment?.additionalEmailAddresses ?? [];
  const form = useForm<EmailFormValues>({
    resolver: zodResolver(emailFormSchema),
    defaultValues: { emailAddresses: '', useEmailTemplateSetting: false, includeAdditionalEmailAddresses: false },
    mode: 'all',
  });
  const { control, formState, reset, getValues } = form;
  const useTemplate = useWatch({ control, name: 'useEmailTemplateSetting' });

  // Prefill once the account arrives, without marking the form dirty, and never over what was typed.
  const prefill = billToEmail(account.data);
  useEffect(() => {
    if (prefill && !formState.dirtyFields.emailAddresses && getValues('emailAddresses') === '') {
      reset({ ...getValues(), emailAddresses: prefill }, { keepDirtyValues: true });
      void form.trigger();
    }
  }, [prefill, formState.dirtyFields.emailAddresses, getValues, reset, form]);

  // Only a Posted memo is emailed; a Draft is left to the server's refusal, with no PDF made for it.
  const noPdf = !memo.memo.latestPDFFileId && memo.memo.status === 'Posted';

  async function submit(values: EmailFormValues) {
    // The email sends the latest PDF: a memo without one gets it generated first (as View PDF does), so
    // the message never goes out without the document it announces, on a tenant as in the sandbox.
    if (noPdf && (await fetchMemoFiles(memo.kind, memo.memo.id)).length === 0)
      await generateFirstMemoPdf(memo.kind, memo.memo.id);
    await emailMemo(memo.kind, memo.memo.id, emailRequest(values));
    await invalidateMemoEffects(qc, { operation: 'email', kind: memo.kind, id: memo.memo.id });
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
          {noPdf ? ' It has no PDF yet: Send generates one first and attaches it.' : ''}
        </Typography>
        <FormTextField<F>
          name="emailAddresses"
          label={`${memoKindLabel(memo.kind)} Email Address`}
          disabled={useTemplate}
          helperText={useTemplate ? 'Ignored: the template’s “To” address is used' : 'Separate addresses with commas'}
        />
        <FormCheckbox<F>
          name="useEmailTemplateSetting"
          label="Use Email Template Setting"
          onValueChange={() => void form.trigger('emailAddresses')}
        />
        {additional.length > 0 && (
          <FormCheckbox<F>
            name="includeAdditionalEmailAddresses"
            label={`Include Additional Email Addresses (${additional.join(', ')})`}
          />
        )}
      </Stack>
    </FormDialog>
  );
}
