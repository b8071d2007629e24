import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';

/** A single-value filter with an "Any" choice. */
export function SelectFilter({
  id,
  label,
  value,
  options,
  onChange,
  minWidth = 140,
  labelOf = (o) => o,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onChange: (v: string) => void;
  minWidth?: number;
  /** How an option reads to a person (the value stays as the wire spells it). */
  labelOf?: (option: string) => string;
}) {
  const labelId = `${id}-label`;
  return (
    <FormControl size="small" sx={{ minWidth }}>
      <InputLabel id={labelId}>{label}</InputLabel>
      <Select<string>
        labelId={labelId}
        label={label}
        value={options.includes(value) || !value ? value : ''}
        onChange={(e) => onChange(e.target.value)}
      >
        <MenuItem value="">
          <em>Any</em>
        </MenuItem>
        {options.map((o) => (
          <MenuItem key={o} value={o}>
            {labelOf(o)}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  );
}
