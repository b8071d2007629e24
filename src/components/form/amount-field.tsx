import { useController, useFormContext, type FieldValues, type Path } from 'react-hook-form';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import { currencyDecimals } from '../../lib/money.ts';

/**
 * A money amount typed as text (kept as a string so no float rounding happens before the decimal
 * module sees it), with the currency code beside it and its decimal places in the input mode.
 * The small size is the one used inside a table row: the column header names it, so the label is
 * the accessible name only (a visible label would not fit and runs under the currency code), and the
 * digits line up on the right like the money beside them.
 */
export function AmountField<T extends FieldValues = FieldValues>({
  name,
  label,
  currency,
  helperText,
  size,
}: {
  name: Path<T>;
  label: string;
  currency: string;
  helperText?: string;
  size?: 'small' | 'medium';
}) {
  const { control } = useFormContext<T>();
  const { field, fieldState } = useController({ control, name });
  const inTable = size === 'small';
  return (
    <TextField
      label={inTable ? undefined : label}
      fullWidth
      margin={inTable ? 'dense' : 'normal'}
      size={size}
      {...field}
      value={field.value ?? ''}
      error={Boolean(fieldState.error)}
      helperText={fieldState.error?.message ?? helperText}
      slotProps={{
        htmlInput: {
          inputMode: currencyDecimals(currency) === 0 ? 'numeric' : 'decimal',
          autoComplete: 'off',
          ...(inTable && {
            'aria-label': label,
            style: { textAlign: 'right', fontVariantNumeric: 'tabular-nums' },
          }),
        },
        input: { endAdornment: <InputAdornment position="end">{currency}</InputAdornment> },
      }}
    />
  );
}
