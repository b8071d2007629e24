import { useState } from 'react';
import { createRoot } from 'react-dom/client';
import { MemoryRouter } from 'react-router';
import type { RowSelectionState } from '@tanstack/react-table';
import { CssBaseline, ThemeProvider } from '@mui/material';
import type { MemoRow } from '../../src/api/memos/list.ts';
import { theme } from '../../src/app/theme.ts';
import { DEFAULT_SORT, EMPTY_FILTERS, type ListState } from '../../src/features/memo-list/list-state.ts';
import { memoColumns } from '../../src/features/memo-list/memo-columns.tsx';
import { MemoGrid } from '../../src/features/memo-list/memo-grid.tsx';
import type { ColumnVisibility } from '../../src/features/memo-list/memo-table.ts';
import { makeRows, rowCount, timeFirstRow } from './rows.ts';

// The product's own list grid (src/features/memo-list/memo-grid.tsx: MUI Table over TanStack Table) with
// its real columns, drawing the same rows as the other two as credit memos.
const rows = makeRows(rowCount()).map(
  (r, i) =>
    ({
      id: r.id,
      number: r.number,
      accountId: `acc${i % 13}`,
      accountNumber: `A${String(i % 13).padStart(8, '0')}`,
      accountName: r.account,
      status: r.status,
      creditMemoDate: r.date,
      amount: 100 + i * 7.5,
      taxAmount: 0,
      unappliedAmount: i * 3.25,
      refundAmount: 0,
      currency: 'USD',
      reasonCode: 'Correcting Invoice Error',
      sourceType: 'Standalone',
      referredInvoiceId: null,
      postedOn: null,
    }) as unknown as MemoRow,
);
const state: ListState = { filters: EMPTY_FILTERS, sort: DEFAULT_SORT, page: 1, pageSize: rows.length, cursors: [] };
const names = { accountName: () => undefined, invoiceNumber: () => undefined };
const columns = memoColumns({ kind: 'CreditMemo', api: 'oq', names, permissions: new Set(), onPost: () => {} });
timeFirstRow('[role="grid"] tbody tr[aria-selected]');

function Grid() {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [visibility, setVisibility] = useState<ColumnVisibility>({ taxAmount: false, reasonCode: false });
  return (
    <MemoGrid
      label="Credit memos"
      rows={rows}
      columns={columns}
      loading={false}
      hasNextPage
      state={state}
      onPage={() => {}}
      onSort={() => {}}
      selection={selection}
      onSelection={setSelection}
      noRows={{ variant: 'empty', noun: 'credit memos', onClearFilters: () => {}, onFirstPage: () => {} }}
      visibility={visibility}
      onVisibility={setVisibility}
    />
  );
}

createRoot(document.getElementById('root')!).render(
  <ThemeProvider theme={theme}>
    <CssBaseline />
    <MemoryRouter>
      <Grid />
    </MemoryRouter>
  </ThemeProvider>,
);
