import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import TextField from '@mui/material/TextField';
import { COMMENT_MAX } from '../../contract/comment.ts';

/** Optional comment with a live "n / 255" counter (Zuora's 0..255 limit, src/contract/comment.ts). */
export function CommentField<T extends FieldValues = FieldValues>({
  name,
  label = 'Comment',
  margin = 'normal',
}: {
  name: Path<T>;
  label?: string;
  margin?: 'normal' | 'none';
}) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  const length = ((field.value as string | undefined) ?? '').length;
  const counter = `${length} / ${COMMENT_MAX}`;
  return (
    <TextField
      label={label}
      fullWidth
      multiline
      minRows={2}
      margin={margin}
      {...field}
      value={field.value ?? ''}
      error={Boolean(fieldState.error)}
      helperText={fieldState.error ? `${fieldState.error.message} (${counter})` : counter}
    />
  );
}
