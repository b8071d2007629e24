import CheckBox from '@mui/icons-material/CheckBox';
import CheckBoxOutlineBlank from '@mui/icons-material/CheckBoxOutlineBlank';
import FormControl from '@mui/material/FormControl';
import InputLabel from '@mui/material/InputLabel';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Select from '@mui/material/Select';
import type { MemoStatus } from '../../contract/common.ts';
import { statusLabel } from '../../components/status-chip.tsx';
import { ALL_STATUSES } from './list-state.ts';

/** Several statuses at once in the sandbox; one at a time against a real tenant (equality filter). */
export function StatusFilter({
  value,
  multiple,
  onChange,
}: {
  value: MemoStatus[];
  multiple: boolean;
  onChange: (v: MemoStatus[]) => void;
}) {
  return (
    <FormControl size="small" sx={{ minWidth: 180 }}>
      <InputLabel id="status-filter-label">Status</InputLabel>
      {multiple ? (
        <Select<MemoStatus[]>
          labelId="status-filter-label"
          label="Status"
          multiple
          value={value}
          onChange={(e) =>
            onChange(typeof e.target.value === 'string' ? (e.target.value.split(',') as MemoStatus[]) : e.target.value)
          }
          renderValue={(v) => v.map(statusLabel).join(', ')}
        >
          {ALL_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {/* A picture of a checkbox, not a control: the option's aria-selected already says it is chosen,
                  and a real checkbox inside an option is an unlabelled control nested in another. */}
              <ListItemIcon aria-hidden>
                {value.includes(s) ? (
                  <CheckBox fontSize="small" color="primary" />
                ) : (
                  <CheckBoxOutlineBlank fontSize="small" />
                )}
              </ListItemIcon>
              <ListItemText primary={statusLabel(s)} />
            </MenuItem>
          ))}
        </Select>
      ) : (
        <Select<string>
          labelId="status-filter-label"
          label="Status"
          value={value[0] ?? ''}
          onChange={(e) => onChange(e.target.value ? [e.target.value as MemoStatus] : [])}
        >
          <MenuItem value="">
            <em>Any</em>
          </MenuItem>
          {ALL_STATUSES.map((s) => (
            <MenuItem key={s} value={s}>
              {statusLabel(s)}
            </MenuItem>
          ))}
        </Select>
      )}
    </FormControl>
  );
}
