import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';

/** A labelled checkbox bound to a boolean field of the surrounding react-hook-form. */
export function FormCheckbox<T extends FieldValues>({
  name,
  label,
  disabled,
}: {
  name: Path<T>;
  label: string;
  disabled?: boolean;
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
          onChange={(e) => field.onChange(e.target.checked)}
          onBlur={field.onBlur}
          slotProps={{ input: { ref: field.ref } }}
        />
      }
    />
  );
}
