import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';

/** A MUI text field bound to the surrounding form (FormDialog or a page's FormProvider), showing its field's error. */
export function FormTextField<T extends FieldValues = FieldValues>({
  name,
  helperText,
  type,
  slotProps,
  onValueChange,
  ...props
}: { name: Path<T>; onValueChange?: (value: string) => void } & Omit<TextFieldProps, 'name'>) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...props}
      type={type}
      name={field.name}
      value={field.value ?? ''}
      onChange={(e) => {
        field.onChange(e);
        onValueChange?.(e.target.value);
      }}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={Boolean(fieldState.error)}
      helperText={fieldState.error?.message ?? helperText}
      // Native date inputs always show their format, so the label must sit above it.
      slotProps={type === 'date' ? { ...slotProps, inputLabel: { shrink: true } } : slotProps}
    />
  );
}
