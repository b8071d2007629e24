import dayjs from 'dayjs';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';

/**
 * A yyyy-mm-dd form field on MUI X's DatePicker. The form value stays a string (dates never travel
 * through `Date`); an incomplete or invalid entry becomes '' so the schema names what is wrong.
 * The display format is the wire format, so what the user types is what is sent.
 */
export function DateField<T extends FieldValues>({
  control,
  name,
  label,
  minDate,
  helperText,
}: {
  control: Control<T>;
  name: FieldPath<T>;
  label: string;
  minDate?: string;
  helperText?: string;
}) {
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <Controller
        control={control}
        name={name}
        render={({ field, fieldState }) => (
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
                required: true,
                error: Boolean(fieldState.error),
                helperText: fieldState.error?.message ?? helperText,
              },
            }}
          />
        )}
      />
    </LocalizationProvider>
  );
}
