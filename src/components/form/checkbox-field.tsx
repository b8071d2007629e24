import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';

/** A labelled checkbox bound to a boolean field of the surrounding form. */
export function FormCheckbox<T extends FieldValues = FieldValues>({
  name,
  label,
  disabled,
  onValueChange,
}: {
  name: Path<T>;
  label: string;
  disabled?: boolean;
  /** Runs after the value changed (e.g. to re-validate a field that depends on it). */
  onValueChange?: (checked: boolean) => void;
}) {
  const { control } = useFormContext<T>();
  const { field } = useController({ control, name });
  return (
    <FormControlLabel
      label={label}
      disabled={disabled}
      control={
        <Checkbox
          name={field.name}
          checked={Boolean(field.value)}
          onChange={(e) => {
            field.onChange(e.target.checked);
            onValueChange?.(e.target.checked);
          }}
          onBlur={field.onBlur}
          slotProps={{ input: { ref: field.ref } }}
        />
      }
    />
  );
}
