import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import { useForm } from 'react-hook-form';
import { useEditMemo } from '../../api/memos/lifecycle-mutations.ts';
import { TRANSFERRED_TO_ACCOUNTING } from '../../contract/common.ts';
import { FormCheckbox } from '../../components/form/checkbox-field.tsx';
import { CommentField } from '../../components/form/comment-field.tsx';
import { DateField } from '../../components/form/date-field.tsx';
import { FormDialog } from '../../components/form/form-dialog.tsx';
import { ReasonCodeField } from '../../components/form/reason-code-field.tsx';
import { FormTextField } from '../../components/form/text-field.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { editMemoDefaults, editMemoFormSchema, editMemoRequest, type EditMemoFormValues } from './edit-memo-schema.ts';
import { memoName } from './memo-labels.ts';
import { useReasonCodeOptions } from './use-reason-code-options.ts';

type F = EditMemoFormValues;

/**
 * Basic Information → Edit. Draft: memo date, due date, reason code, comments, flags. Posted: only
 * comments and Transferred to Accounting (the rest needs Cancel Post first, as the server says).
 */
export default function EditMemoDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const edit = useEditMemo(memo.kind, memo.memo.id);
  const posted = memo.memo.status === 'Posted';
  const form = useForm<EditMemoFormValues>({
    resolver: zodResolver(editMemoFormSchema),
    defaultValues: editMemoDefaults(memo),
    mode: 'all',
  });
  const { options: codes, loadError } = useReasonCodeOptions(memo.kind);

  async function submit(values: EditMemoFormValues) {
    await edit.mutateAsync(editMemoRequest(memo, values));
    onSuccess({ message: `Saved ${memoName(memo)}` });
  }

  return (
    <FormDialog open title="Edit Basic Information" form={form} onSubmit={submit} onClose={onClose}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        {posted && (
          <Alert severity="info">
            {memoName(memo)} is Posted: only its comments and Transferred to Accounting can change. Cancel Post to edit
            the rest.
          </Alert>
        )}
        {!posted && <DateField<F> name="effectiveDate" label="Memo Date" margin="none" />}
        {!posted && memo.kind === 'DebitMemo' && (
          <DateField<F> name="dueDate" label="Due Date" required={false} margin="none" />
        )}
        {!posted && <ReasonCodeField<F> name="reasonCode" margin="none" options={codes} loadError={loadError} />}
        <CommentField<F> name="comment" label="Comments" margin="none" />
        <FormTextField<F> name="transferredToAccounting" label="Transferred to Accounting" select>
          {TRANSFERRED_TO_ACCOUNTING.map((t) => (
            <MenuItem key={t} value={t}>
              {t}
            </MenuItem>
          ))}
        </FormTextField>
        {!posted && memo.kind === 'DebitMemo' && <FormCheckbox<F> name="autoPay" label="Auto-Pay" />}
        {!posted && memo.kind === 'CreditMemo' && (
          <>
            <FormCheckbox<F>
              name="autoApplyUponPosting"
              label="Auto Apply: apply to the related invoice upon posting"
            />
            <FormCheckbox<F> name="excludeFromAutoApplyRules" label="Exclude from auto apply rules" />
          </>
        )}
      </Stack>
    </FormDialog>
  );
}
