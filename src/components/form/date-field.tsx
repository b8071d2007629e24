import { useState } from 'react';
import dayjs, { type Dayjs } from 'dayjs';
import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { LocalizationProvider } from '@mui/x-date-pickers/LocalizationProvider';
import { AdapterDayjs } from '@mui/x-date-pickers/AdapterDayjs';

const WIRE = 'YYYY-MM-DD';
/** The form value of what the picker holds: a complete valid date, else ''. */
const toWire = (date: Dayjs | null) => (date && date.isValid() ? date.format(WIRE) : '');
const fromWire = (value: string) => (value ? dayjs(value, WIRE) : null);

/**
 * The one date input of the app's forms and dialogs: a yyyy-mm-dd form field on MUI X's DatePicker. The form
 * value stays a string (dates never travel through `Date`); an incomplete or invalid entry becomes '' so the
 * schema names what is wrong. The display format is the wire format, so what the user types is what is sent.
 *
 * The picker keeps its own value while the user types: a date typed section by section is '' in the form
 * until it is complete, and handing that '' back to the picker would wipe the sections typed so far. The
 * form's value replaces the picker's only when it changes to something the picker does not already hold
 * (defaults, `reset()`, another field setting it), however late it arrives.
 */
export function DateField<T extends FieldValues = FieldValues>({
  name,
  label,
  minDate,
  helperText,
  required = true,
  margin = 'normal',
}: {
  name: Path<T>;
  label: string;
  minDate?: string;
  /** Shown under the field while it has no error. */
  helperText?: string;
  required?: boolean;
  /** 'normal' in a dialog's column of fields; 'none' in a grid or stack that spaces its fields itself. */
  margin?: 'none' | 'dense' | 'normal';
}) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  const formValue = typeof field.value === 'string' ? field.value : '';
  // `seen`: the form value this field last rendered with; `date`: what the picker holds.
  const [held, setHeld] = useState(() => ({ seen: formValue, date: fromWire(formValue) }));
  let date = held.date;
  if (formValue !== held.seen) {
    if (toWire(held.date) !== formValue) date = fromWire(formValue); // set from outside
    setHeld({ seen: formValue, date });
  }
  return (
    <LocalizationProvider dateAdapter={AdapterDayjs}>
      <DatePicker
        label={label}
        format={WIRE}
        value={date}
        minDate={minDate ? dayjs(minDate, WIRE) : undefined}
        onChange={(v) => {
          setHeld((h) => ({ ...h, date: v }));
          field.onChange(toWire(v));
        }}
        inputRef={field.ref}
        slotProps={{
          textField: {
            name: field.name,
            onBlur: field.onBlur,
            fullWidth: true,
            margin,
            required,
            error: Boolean(fieldState.error),
            helperText: fieldState.error?.message ?? helperText,
          },
        }}
      />
    </LocalizationProvider>
  );
}
