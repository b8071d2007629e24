import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { useReasonCodes, type ReasonCodeTransactionType } from '../../../api/reason-codes.ts';

/** Reason Code picker over the tenant's active codes of one transaction type. */
export function ReasonCodeField<T extends FieldValues>({
  control,
  name,
  transactionType,
  label = 'Reason Code',
}: {
  control: Control<T>;
  name: FieldPath<T>;
  transactionType: ReasonCodeTransactionType;
  label?: string;
}) {
  const codes = useReasonCodes(transactionType);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => {
        const options = codes.data ?? [];
        // Keep a value the list does not (yet) hold selectable, so MUI never warns about an out-of-range value.
        const names = options.map((c) => c.name);
        if (field.value && !names.includes(field.value as string)) names.unshift(field.value as string);
        return (
          <TextField
            select
            label={label}
            fullWidth
            margin="normal"
            {...field}
            value={field.value ?? ''}
            error={Boolean(fieldState.error) || codes.isError}
            helperText={fieldState.error?.message ?? (codes.isError ? 'Reason codes could not be loaded' : undefined)}
          >
            {names.map((n) => (
              <MenuItem key={n} value={n}>
                {n}
              </MenuItem>
            ))}
          </TextField>
        );
      }}
    />
  );
}
