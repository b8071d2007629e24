import { createRoot } from 'react-dom/client';
import { CssBaseline, ThemeProvider, createTheme } from '@mui/material';
import { DataGrid, type GridColDef } from '@mui/x-data-grid';
import { COLUMNS, makeRows, rowCount, timeFirstRow, type Row } from './rows.ts';

// The MUI X DataGrid as the list uses it: checkbox selection, server sorting, column chooser toolbar.
const rows = makeRows(rowCount());
const columns: GridColDef<Row>[] = COLUMNS.map((c) => ({ ...c, flex: 1, headerAlign: c.align }));
timeFirstRow('[role="grid"] [role="row"][data-id]');
createRoot(document.getElementById('root')!).render(
  <ThemeProvider theme={createTheme()}>
    <CssBaseline />
    <div style={{ height: '100vh' }}>
      <DataGrid
        aria-label="Credit memos"
        rows={rows}
        columns={columns}
        checkboxSelection
        sortingMode="server"
        paginationMode="server"
        rowCount={-1}
        pageSizeOptions={[20, 50, 100]}
        initialState={{ pagination: { paginationModel: { page: 0, pageSize: 100 } } }}
        showToolbar
      />
    </div>
  </ThemeProvider>,
);
