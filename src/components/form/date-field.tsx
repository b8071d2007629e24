import dayjs from 'dayjs';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';

/**
 * A yyyy-mm-dd form field on MUI X's DatePicker. The form value stays a string (dates never travel
 * through `Date`); an incomplete or invalid entry becomes '' so the schema names what is wrong.
 * The display format is the wire format, so what the user types is what is sent.
 */
export function DateField<T extends FieldValues = FieldValues>({
  name,
  label,
  minDate,
  helperText,
  required = true,
}: {
  name: Path<T>;
  label: string;
  minDate?: string;
  helperText?: string;
  required?: boolean;
}) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <DatePicker
        label={label}
        format="YYYY-MM-DD"
        value={field.value ? dayjs(field.value as string, 'YYYY-MM-DD') : null}
        minDate={minDate ? dayjs(minDate, 'YYYY-MM-DD') : undefined}
        onChange={(v) => field.onChange(v && v.isValid() ? v.format('YYYY-MM-DD') : '')}
        inputRef={field.ref}
        slotProps={{
          textField: {
            name: field.name,
            onBlur: field.onBlur,
            fullWidth: true,
            margin: 'normal',
            required,
            error: Boolean(fieldState.error),
            helperText: fieldState.error?.message ?? helperText,
          },
        }}
      />
    </LocalizationProvider>
  );
}
