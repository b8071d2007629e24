import { Controller } from 'react-hook-form';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import type { AccountingCode } from '../../../api/accounting-codes.ts';
import type { WriteOffFormValues } from './write-off-schema.ts';

const filter = createFilterOptions<AccountingCode>({
  stringify: (c) => `${c.name} ${c.glAccountNumber ?? ''} ${c.type}`,
});

/** Searchable (by name and GL number) picker of the write-off expense codes; required when shown. */
export function AccountingCodePicker({ codes, loading }: { codes: readonly AccountingCode[]; loading: boolean }) {
  return (
    <Controller<WriteOffFormValues, 'accountingCode'>
      name="accountingCode"
      render={({ field, fieldState }) => (
        <Autocomplete
          options={codes}
          loading={loading}
          filterOptions={filter}
          value={codes.find((c) => c.name === field.value) ?? null}
          onChange={(_e, code) => field.onChange(code?.name ?? '')}
          onBlur={field.onBlur}
          getOptionLabel={(c) => c.name}
          isOptionEqualToValue={(a, b) => a.name === b.name}
          renderOption={({ key, ...props }, c) => (
            <li key={key} {...props}>
              {c.name}
              <span style={{ opacity: 0.7, marginLeft: 8 }}>
                {c.glAccountNumber ? `${c.glAccountNumber} · ` : ''}
                {c.type}
              </span>
            </li>
          )}
          renderInput={(params) => (
            <TextField
              {...params}
              inputRef={field.ref}
              label="Accounting Code"
              required
              margin="normal"
              error={Boolean(fieldState.error)}
              helperText={fieldState.error?.message ?? 'Active bad debt and other expense codes'}
            />
          )}
        />
      )}
    />
  );
}
