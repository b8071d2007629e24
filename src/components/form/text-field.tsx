import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';

/**
 * A MUI text field bound to the surrounding form (FormDialog or a page's FormProvider), showing its field's error.
 * Dates are not typed here: every form date is the one DateField (./date-field.tsx).
 */
export function FormTextField<T extends FieldValues = FieldValues>({
  name,
  helperText,
  onValueChange,
  ...props
}: { name: Path<T>; onValueChange?: (value: string) => void } & Omit<TextFieldProps, 'name'>) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...props}
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
    />
  );
}
