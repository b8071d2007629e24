import { useId, useState } from 'react';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import Popover from '@mui/material/Popover';
import ViewColumn from '@mui/icons-material/ViewColumn';

export interface ColumnChoice {
  id: string;
  label: string;
  visible: boolean;
}

/** The column chooser: a checkbox per column that can be hidden (filters live in the URL-driven bar above). */
export function ColumnsButton({ columns, onToggle }: { columns: ColumnChoice[]; onToggle: (id: string) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const id = useId();
  return (
    <>
      <Button
        size="small"
        startIcon={<ViewColumn />}
        aria-expanded={Boolean(anchor)}
        aria-controls={anchor ? id : undefined}
        onClick={(e) => setAnchor(e.currentTarget)}
      >
        Columns
      </Button>
      <Popover
        open={Boolean(anchor)}
        anchorEl={anchor}
        onClose={() => setAnchor(null)}
        anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}
        slotProps={{ paper: { id, role: 'dialog', 'aria-label': 'Columns', sx: { px: 2, py: 1 } } }}
      >
        <FormGroup>
          {columns.map((c) => (
            <FormControlLabel
              key={c.id}
              label={c.label}
              control={<Checkbox size="small" checked={c.visible} onChange={() => onToggle(c.id)} />}
            />
          ))}
        </FormGroup>
      </Popover>
    </>
  );
}
