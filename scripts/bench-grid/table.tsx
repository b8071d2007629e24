import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import {
  Checkbox,
  CssBaseline,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TableSortLabel,
  ThemeProvider,
  createTheme,
} from '@mui/material';
import { COLUMNS, makeRows, rowCount, timeFirstRow } from './rows.ts';

// MUI's Table drawing the same rows with what the list needs: a sticky header, sort labels, a
// checkbox per row and a select-all checkbox. (A column chooser is a menu, not drawn before the first row.)
const rows = makeRows(rowCount());
timeFirstRow('tr[data-id]');

function Grid() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [sort, setSort] = useState<{ field: string; direction: 'asc' | 'desc' }>({ field: 'number', direction: 'asc' });
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  return (
    <TableContainer sx={{ maxHeight: '100vh' }}>
      <Table stickyHeader size="small" aria-label="Credit memos">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox">
              <Checkbox
                slotProps={{ input: { 'aria-label': 'Select all rows' } }}
                checked={selected.size === rows.length}
                onChange={() => setSelected(selected.size ? new Set() : new Set(rows.map((r) => r.id)))}
              />
            </TableCell>
            {COLUMNS.map((c) => (
              <TableCell key={c.field} align={c.align} sortDirection={sort.field === c.field ? sort.direction : false}>
                <TableSortLabel
                  active={sort.field === c.field}
                  direction={sort.field === c.field ? sort.direction : 'asc'}
                  onClick={() =>
                    setSort((s) => ({
                      field: c.field,
                      direction: s.field === c.field && s.direction === 'asc' ? 'desc' : 'asc',
                    }))
                  }
                >
                  {c.headerName}
                </TableSortLabel>
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.id} data-id={r.id} hover selected={selected.has(r.id)}>
              <TableCell padding="checkbox">
                <Checkbox
                  slotProps={{ input: { 'aria-label': `Select ${r.number}` } }}
                  checked={selected.has(r.id)}
                  onChange={() => toggle(r.id)}
                />
              </TableCell>
              {COLUMNS.map((c) => (
                <TableCell key={c.field} align={c.align}>
                  {r[c.field]}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}

createRoot(document.getElementById('root')!).render(
  <ThemeProvider theme={createTheme()}>
    <CssBaseline />
    <Grid />
  </ThemeProvider>,
);
