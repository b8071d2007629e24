import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Controller, useForm, useWatch, type Control } from 'react-hook-form';
import { useEditMemo } from '../../api/memos/lifecycle-mutations.ts';
import { useReasonCodes } from '../../api/reason-codes.ts';
import { TRANSFERRED_TO_ACCOUNTING } from '../../contract/common.ts';
import { FormDialog } from '../../components/form-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { editMemoDefaults, editMemoFormSchema, editMemoRequest, type EditMemoFormValues } from './edit-memo-schema.ts';
import { memoName } from './memo-labels.ts';

/**
 * Basic Information → Edit. Draft: memo date, due date, reason code, comments, flags. Posted: only
 * comments and Transferred to Accounting (the rest needs Cancel Post first, as the server says).
 */
export default function EditMemoDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const edit = useEditMemo(memo.kind, memo.memo.id);
  const posted = memo.memo.status === 'Posted';
  const reasonCodes = useReasonCodes(memo.kind);
  const form = useForm<EditMemoFormValues>({
    resolver: zodResolver(editMemoFormSchema),
    defaultValues: editMemoDefaults(memo),
    mode: 'all',
  });
  const { register, control, formState } = form;
  const errors = formState.errors;
  const comment = useWatch({ control, name: 'comment' });
  const current = memo.memo.reasonCode;
  // An inactive code the memo already carries stays selectable, so saving does not silently change it.
  const codes = [...new Set([...(current ? [current] : []), ...(reasonCodes.data ?? []).map((c) => c.name)])];

  async function submit(values: EditMemoFormValues) {
    await edit.mutateAsync(editMemoRequest(memo, values));
    onSuccess({ message: `Saved ${memoName(memo)}` });
  }

  const dateField = (name: 'effectiveDate' | 'dueDate', label: string, required = false) => (
    <TextField
      label={label}
      type="date"
      required={required}
      {...register(name)}
      error={Boolean(errors[name])}
      helperText={errors[name]?.message}
      slotProps={{ inputLabel: { shrink: true } }}
    />
  );

  return (
    <FormDialog open title="Edit Basic Information" form={form} onSubmit={submit} onClose={onClose}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        {posted && (
          <Alert severity="info">
            {memoName(memo)} is Posted: only its comments and Transferred to Accounting can change. Cancel Post to edit
            the rest.
          </Alert>
        )}
        {!posted && dateField('effectiveDate', 'Memo Date', true)}
        {!posted && memo.kind === 'DebitMemo' && dateField('dueDate', 'Due Date')}
        {!posted && (
          <Controller
            name="reasonCode"
            control={control}
            render={({ field }) => (
              <TextField
                select
                label="Reason Code"
                {...field}
                error={Boolean(errors.reasonCode)}
                helperText={
                  errors.reasonCode?.message ?? (reasonCodes.isError ? 'Reason codes could not be loaded' : undefined)
                }
              >
                {codes.map((c) => (
                  <MenuItem key={c} value={c}>
                    {c}
                  </MenuItem>
                ))}
              </TextField>
            )}
          />
        )}
        <TextField
          label="Comments"
          multiline
          minRows={2}
          {...register('comment')}
          error={Boolean(errors.comment)}
          helperText={errors.comment?.message ?? `${comment.length} / 255`}
        />
        <Controller
          name="transferredToAccounting"
          control={control}
          render={({ field }) => (
            <TextField select label="Transferred to Accounting" {...field}>
              {TRANSFERRED_TO_ACCOUNTING.map((t) => (
                <MenuItem key={t} value={t}>
                  {t}
                </MenuItem>
              ))}
            </TextField>
          )}
        />
        {!posted && memo.kind === 'DebitMemo' && <Flag control={control} name="autoPay" label="Auto-Pay" />}
        {!posted && memo.kind === 'CreditMemo' && (
          <>
            <Flag
              control={control}
              name="autoApplyUponPosting"
              label="Auto Apply: apply to the related invoice upon posting"
            />
            <Flag control={control} name="excludeFromAutoApplyRules" label="Exclude from auto apply rules" />
          </>
        )}
      </Stack>
    </FormDialog>
  );
}

function Flag({
  control,
  name,
  label,
}: {
  control: Control<EditMemoFormValues>;
  name: 'autoPay' | 'autoApplyUponPosting' | 'excludeFromAutoApplyRules';
  label: string;
}) {
  return (
    <Controller
      name={name}
      control={control}
      render={({ field }) => (
        <FormControlLabel
          label={label}
          control={<Checkbox checked={field.value} onChange={(_, v) => field.onChange(v)} onBlur={field.onBlur} />}
        />
      )}
    />
  );
}
