import { ColumnsPanelTrigger, Toolbar } from '@mui/x-data-grid';
import Button from '@mui/material/Button';
import ViewColumn from '@mui/icons-material/ViewColumn';

/** The grid's toolbar: only the column chooser (filters live in the URL-driven bar above). */
export function ColumnsToolbar() {
  return (
    <Toolbar>
      <ColumnsPanelTrigger render={<Button size="small" startIcon={<ViewColumn />} />}>Columns</ColumnsPanelTrigger>
    </Toolbar>
  );
}
