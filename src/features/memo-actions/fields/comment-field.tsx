import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import TextField from '@mui/material/TextField';

export const COMMENT_MAX = 255;

/** Optional comment with a live "n / 255" counter (Zuora's 0..255 limit). */
export function CommentField<T extends FieldValues>({
  control,
  name,
  label = 'Comment',
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label?: string;
}) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const length = ((field.value as string | undefined) ?? '').length;
        const counter = `${length} / ${COMMENT_MAX}`;
        return (
          <TextField
            label={label}
            fullWidth
            multiline
            minRows={2}
            margin="normal"
            {...field}
            value={field.value ?? ''}
            error={Boolean(fieldState.error)}
            helperText={fieldState.error ? `${fieldState.error.message} (${counter})` : counter}
          />
        );
      }}
    />
  );
}
