import { useState, type ReactNode } from 'react';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import type { DialogProps } from '@mui/material/Dialog';
import { ResponsiveDialog } from '../responsive-dialog.tsx';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { ErrorAlert } from '../error-alert.tsx';

export interface FormDialogProps<TInput extends FieldValues, TOutput> {
  open: boolean;
  title: string;
  /**
   * The react-hook-form instance of the dialog's fields (its zod resolver mirrors the Zuora rule). The dialog
   * provides it as the form context, which every field of the kit in this folder binds to.
   */
  form: UseFormReturn<TInput, unknown, TOutput>;
  /** Runs with the parsed values; a rejection (e.g. ZuoraApiError) is shown at the top of the form. */
  onSubmit: (values: TOutput) => Promise<unknown>;
  /** Called by Cancel / Escape (after asking, when input was typed); the caller also closes after success. */
  onClose: () => void;
  submitLabel?: string;
  maxWidth?: DialogProps['maxWidth'];
  children: ReactNode;
}

/**
 * A dialog around a form: Save is disabled while the form is invalid or submitting (no double submit),
 * the server's error shows at the top, and closing with typed input asks before discarding it. The fields
 * inside bind to the form through its context (`useFormContext`), never through props.
 */
export function FormDialog<TInput extends FieldValues, TOutput>({
  open,
  title,
  form,
  onSubmit,
  onClose,
  submitLabel = 'Save',
  maxWidth = 'sm',
  children,
}: FormDialogProps<TInput, TOutput>) {
  const [serverError, setServerError] = useState<unknown>(null);
  const [askDiscard, setAskDiscard] = useState(false);
  const { isSubmitting, isValid, isDirty } = form.formState;
  const titleId = `form-dialog-${title.replace(/\W+/g, '-').toLowerCase()}`;

  const submit = form.handleSubmit(async (values) => {
    setServerError(null);
    try {
      await onSubmit(values);
    } catch (e) {
      setServerError(e);
    }
  });

  function requestClose() {
    if (isSubmitting) return;
    if (isDirty) setAskDiscard(true);
    else onClose();
  }

  return (
    <FormProvider {...form}>
      <ResponsiveDialog open={open} onClose={requestClose} aria-labelledby={titleId} maxWidth={maxWidth} fullWidth>
        <form noValidate onSubmit={(e) => void submit(e)}>
          <DialogTitle id={titleId}>{title}</DialogTitle>
          <DialogContent>
            {serverError ? (
              <Box sx={{ mb: 2 }}>
                <ErrorAlert error={serverError} />
              </Box>
            ) : null}
            {children}
          </DialogContent>
          <DialogActions>
            <Button onClick={requestClose} disabled={isSubmitting}>
              Cancel
            </Button>
            <Button type="submit" variant="contained" disabled={!isValid || isSubmitting}>
              {isSubmitting ? 'Saving…' : submitLabel}
            </Button>
          </DialogActions>
        </form>
      </ResponsiveDialog>
      <ConfirmDialog
        open={askDiscard}
        title="Discard your changes?"
        confirmLabel="Discard"
        cancelLabel="Keep editing"
        destructive
        onConfirm={() => {
          setAskDiscard(false);
          form.reset();
          onClose();
        }}
        onClose={() => setAskDiscard(false)}
      >
        What you typed in “{title}” will be lost.
      </ConfirmDialog>
    </FormProvider>
  );
}
