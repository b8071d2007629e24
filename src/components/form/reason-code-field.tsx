import { useEffect } from 'react';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useController, useFormContext, type FieldValues, type Path, type PathValue } from 'react-hook-form';

/**
 * A Reason Code picker over the codes the feature fetched (`options`: the tenant's active codes of one
 * transaction type). A value the list does not hold (an inactive code the memo already carries, or one
 * typed before the list arrived) stays selectable, so saving never changes it silently.
 */
export function ReasonCodeField<T extends FieldValues = FieldValues>({
  name,
  options,
  loadError,
  initial,
  label = 'Reason Code',
  margin = 'normal',
}: {
  name: Path<T>;
  /** The codes' names; undefined while they load. */
  options: readonly string[] | undefined;
  /** Said under the field when the codes could not be loaded. */
  loadError?: string;
  /** The code an empty field starts on, without marking the form as changed (the type's default). */
  initial?: string;
  label?: string;
  margin?: 'normal' | 'none';
}) {
  const { control, resetField } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  const value = (field.value as string | undefined) ?? '';
  useEffect(() => {
    if (!value && initial) resetField(name, { defaultValue: initial as PathValue<T, Path<T>> });
  }, [value, initial, name, resetField]);
  const names = [...(options ?? [])];
  if (value && !names.includes(value)) names.unshift(value);
  return (
    <TextField
      select
      label={label}
      fullWidth
      margin={margin}
      {...field}
      value={value}
      error={Boolean(fieldState.error) || Boolean(loadError)}
      helperText={fieldState.error?.message ?? loadError}
    >
      {names.map((n) => (
        <MenuItem key={n} value={n}>
          {n}
        </MenuItem>
      ))}
    </TextField>
  );
}
