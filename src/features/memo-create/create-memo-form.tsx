import { useCallback, useRef, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import { FormProvider, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { UnreadableSuccessError } from '../../lib/zuora-error.ts';
import { memoDetailPath, memoRouteBase } from '../../lib/memo-routes.ts';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { UnsavedChangesPrompt } from './unsaved-changes-prompt.tsx';
import { useAttemptKey } from './use-attempt-key.ts';

interface CreateMemoFormProps<T extends FieldValues> {
  form: UseFormReturn<T>;
  kind: MemoKind;
  /** Id of the page heading, which names the form. */
  titleId: string;
  title: string;
  intro: ReactNode;
  /** The create mutation's error, shown above the form. */
  error: unknown;
  /** Sends the create request with this attempt's Idempotency-Key; resolves to the new memo. */
  create: (values: T, idempotencyKey: string) => Promise<{ id: string }>;
  children: ReactNode;
}

/**
 * The page shell shared by the create pages: heading, server error, Save/Cancel, the unsaved-changes
 * prompt, and the save itself (one Idempotency-Key per attempt; open the new memo once it exists).
 */
export function CreateMemoForm<T extends FieldValues>({
  form,
  kind,
  titleId,
  title,
  intro,
  error,
  create,
  children,
}: CreateMemoFormProps<T>) {
  const navigate = useNavigate();
  const attempt = useAttemptKey();
  // Set before navigating away, so the prompt does not ask about a memo that was just saved.
  const saved = useRef(false);
  const label = memoKindLabel(kind);
  const { isDirty, isSubmitting } = form.formState;
  const shouldBlock = useCallback(() => isDirty && !saved.current, [isDirty]);

  async function save(values: T) {
    try {
      const memo = await create(values, attempt.current());
      saved.current = true;
      void navigate(memoDetailPath(kind, memo.id));
    } catch (err) {
      attempt.afterFailure(err);
      if (err instanceof UnreadableSuccessError) {
        // Created, answer unreadable: leave the form (its Save could only replay) for the list, which says so.
        saved.current = true;
        const to = err.documentId ? memoDetailPath(kind, err.documentId) : undefined;
        void navigate(memoRouteBase(kind), {
          state: {
            notice: {
              message: `The ${label.toLowerCase()} was created, but Zuora's answer could not be read in full.`,
              link: to ? { to, label: `Open the ${label.toLowerCase()}` } : undefined,
            },
          },
        });
        return;
      }
      window.scrollTo({ top: 0 });
    }
  }

  return (
    <FormProvider {...form}>
      <Box component="form" noValidate aria-labelledby={titleId} onSubmit={(e) => void form.handleSubmit(save)(e)}>
        <Typography id={titleId} variant="h1" gutterBottom>
          {title}
        </Typography>
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          {intro}
        </Typography>
        <ErrorAlert error={error} title={`The ${label.toLowerCase()} was not created`} />
        {children}
        <Box sx={{ display: 'flex', gap: 2, justifyContent: 'flex-end' }}>
          <Button onClick={() => void navigate(memoRouteBase(kind))}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={isSubmitting}>
            {isSubmitting ? 'Saving…' : 'Save'}
          </Button>
        </Box>
      </Box>
      <UnsavedChangesPrompt when={shouldBlock} />
    </FormProvider>
  );
}
