import { zodResolver } from '@hookform/resolvers/zod';
import Button from '@mui/material/Button';
import FormControl from '@mui/material/FormControl';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { uploadMemoFile } from '../../api/memos/lifecycle-mutations.ts';
import { invalidateMemoEffects } from '../../api/memos/invalidate.ts';
import { FormDialog } from '../../components/form/form-dialog.tsx';
import type { MemoDialogProps } from './dialog-types.ts';
import { memoName } from './memo-labels.ts';
import { uploadFileFormSchema, type UploadFileFormValues } from './upload-file-schema.ts';

/** Upload File: attach an externally generated PDF (≤ 4 MB) to a Draft or Posted debit memo. */
export default function UploadFileDialog({ memo, onClose, onSuccess }: MemoDialogProps) {
  const qc = useQueryClient();
  const inputId = useId();
  const helpId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const form = useForm<UploadFileFormValues>({
    resolver: zodResolver(uploadFileFormSchema),
    defaultValues: { file: null },
    mode: 'all',
  });

  async function submit({ file }: UploadFileFormValues) {
    if (!file) return;
    await uploadMemoFile(memo.kind, memo.memo.id, file);
    await invalidateMemoEffects(qc, { operation: 'uploadFile', kind: memo.kind, id: memo.memo.id });
    onSuccess({ message: `Uploaded ${file.name} to ${memoName(memo)}` });
  }

  return (
    <FormDialog open title="Upload File" form={form} onSubmit={submit} onClose={onClose} submitLabel="Upload">
      <Controller
        name="file"
        render={({ field, fieldState }) => (
          <FormControl error={Boolean(fieldState.error)} fullWidth sx={{ pt: 1 }}>
            {/* The native input stays in the DOM (labelled, for assistive tech and tests), outside the row so
                it does not indent the button; the visible, focusable control is the button. */}
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept="application/pdf,.pdf"
              aria-label="PDF file"
              aria-describedby={helpId}
              aria-invalid={Boolean(fieldState.error)}
              tabIndex={-1}
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
              onChange={(e) => {
                field.onChange(e.target.files?.[0] ?? null);
                field.onBlur();
              }}
            />
            <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
              <Button variant="outlined" onClick={() => inputRef.current?.click()} aria-describedby={helpId}>
                Choose PDF file
              </Button>
              <Typography variant="body2" sx={{ overflowWrap: 'anywhere' }}>
                {field.value ? field.value.name : 'No file chosen'}
              </Typography>
            </Stack>
            <FormHelperText id={helpId} sx={{ mx: 0 }}>
              {fieldState.error?.message ?? `A PDF of at most 4 MB, attached to ${memoName(memo)}.`}
            </FormHelperText>
          </FormControl>
        )}
      />
    </FormDialog>
  );
}
