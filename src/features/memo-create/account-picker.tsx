import { useState } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useAccountSearch } from '../../api/accounts.ts';
import type { PickedAccount } from './standalone-schema.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

interface Props {
  value: PickedAccount | null;
  onChange: (account: PickedAccount | null) => void;
  onBlur?: () => void;
  error?: string;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** Searchable account picker; the chosen account's currency shows under the field. */
export function AccountPicker({ value, onChange, onBlur, error, inputRef }: Props) {
  const [text, setText] = useState('');
  const search = useAccountSearch(useDebouncedValue(text.trim()));
  const options = search.data?.accounts ?? [];
  const exactKeyOnly = search.data?.exactKeyOnly ?? false;
  return (
    <Autocomplete
      value={value}
      options={options}
      loading={search.isFetching}
      // The server filters; MUI must not filter again on the label.
      filterOptions={(x) => x}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      getOptionLabel={(a) => `${a.name} (${a.accountNumber})`}
      renderOption={(props, a) => (
        <li {...props} key={a.id}>
          {a.name} · {a.accountNumber} · {a.currency}
        </li>
      )}
      onInputChange={(_, v, reason) => reason === 'input' && setText(v)}
      onChange={(_, a) =>
        onChange(a ? { id: a.id, accountNumber: a.accountNumber, name: a.name, currency: a.currency } : null)
      }
      onBlur={onBlur}
      // Enter picks the highlighted suggestion; with none highlighted (the list was just replaced by a newer
      // search's answer) it must not submit the half-filled memo form around the field.
      onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
      noOptionsText={
        search.isError
          ? 'The account search failed.'
          : exactKeyOnly
            ? // A tenant without Object Query: Zuora's v1 API finds an account by its exact number only.
              `${text ? 'No account has that number. ' : ''}Type the exact account number.`
            : text
              ? 'No account matches.'
              : 'Type a name or account number.'
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Account"
          required
          inputRef={inputRef}
          error={Boolean(error)}
          helperText={error ?? (value ? `Currency ${value.currency}` : 'Type a name or account number.')}
        />
      )}
    />
  );
}
