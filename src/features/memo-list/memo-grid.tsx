import { useMemo } from 'react';
import { functionalUpdate, useTable, type Column, type RowSelectionState } from '@tanstack/react-table';
import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Paper from '@mui/material/Paper';
import Skeleton from '@mui/material/Skeleton';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import TableSortLabel from '@mui/material/TableSortLabel';
import { alpha, type Theme } from '@mui/material/styles';
import type { MemoRow } from '../../api/memos/list.ts';
import { ColumnsButton } from './columns-button.tsx';
import { useGridFocus } from './grid-focus.ts';
import { NoRowsOverlay, type NoRowsProps } from './list-overlays.tsx';
import { PAGE_SIZES, type ListState, type SortField } from './list-state.ts';
import { memoTableFeatures, type ColumnVisibility, type MemoColumn } from './memo-table.ts';

// MUI's Table drawn from a TanStack Table model: a quarter of the MUI X DataGrid's main-thread time for a
// page of 20 rows and 178 KB less JavaScript (README, "Benchmarks and the demo"). A page holds at most 40
// rows, so nothing is virtualised.

/** The box the table scrolls in, both ways: the header stays on top, the pinned columns on the left. */
const CONTAINER_SX = { maxHeight: 'max(420px, calc(100vh - 330px))', containerType: 'inline-size' } as const;
const tint = (color: string) => `linear-gradient(${color}, ${color})`;
const TABLE_SX = (theme: Theme) =>
  ({
    // A header longer than its column ("Unapplied Amount") wraps instead of running into the next one's.
    '& th, & td': { px: 1 },
    '& td': { whiteSpace: 'nowrap' },
    '& td:focus-visible, & th:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineOffset: -2 },
    // Pinned cells (cellLayout): opaque, so the cells scrolled under them do not show through; tinted as their row.
    '& [data-pinned]': { position: 'sticky', zIndex: 1, bgcolor: 'background.paper' },
    '& [data-pinned="last"]': { borderRight: 1, borderRightColor: 'divider' },
    '& tbody tr:hover > [data-pinned]': { backgroundImage: tint(theme.palette.action.hover) },
    '& .Mui-selected > [data-pinned]': {
      backgroundImage: tint(alpha(theme.palette.primary.main, theme.palette.action.selectedOpacity)),
    },
  }) as const;
// The whole head sticks (not each cell): the loading bar's row sticks with it.
const HEAD_SX = { position: 'sticky', top: 0, zIndex: 3, bgcolor: 'background.paper' } as const;
const SKELETON_ROWS = 8;

interface Props {
  label: string;
  rows: MemoRow[];
  columns: MemoColumn[];
  loading: boolean;
  hasNextPage: boolean;
  /** Object Query: the shown page's `nextPage`, which Next pushes onto the URL's cursor stack. */
  nextCursor?: string;
  state: ListState;
  onPage: (page: number, pageSize: number, nextCursor?: string) => void;
  onSort: (sort: ListState['sort']) => void;
  /** Selected rows by id. */
  selection: RowSelectionState;
  onSelection: (s: RowSelectionState) => void;
  noRows: NoRowsProps;
  /** Which columns show (column-visibility.ts; the page also needs it to fetch only what they show). */
  visibility: ColumnVisibility;
  onVisibility: (v: ColumnVisibility) => void;
}

/**
 * Server-paged, server-sorted grid. Zuora's list has no total: while a next page exists the row count
 * is unknown and the footer says "Page N"; on the last page the count is known exactly.
 */
export function MemoGrid({
  label,
  rows,
  columns,
  loading,
  hasNextPage,
  nextCursor,
  state,
  onPage,
  onSort,
  selection,
  onSelection,
  noRows,
  visibility,
  onVisibility,
}: Props) {
  const { page, pageSize } = state;
  const { field, direction } = state.sort;
  const sorting = useMemo(() => [{ id: field, desc: direction === 'desc' }], [field, direction]);
  const table = useTable({
    features: memoTableFeatures,
    columns,
    data: rows,
    getRowId: (r) => r.id,
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    state: { sorting, rowSelection: selection, columnVisibility: visibility },
    onSortingChange: (u) => {
      const next = functionalUpdate(u, sorting)[0];
      if (next) onSort({ field: next.id as SortField, direction: next.desc ? 'desc' : 'asc' });
    },
    onRowSelectionChange: (u) => onSelection(functionalUpdate(u, selection)),
    onColumnVisibilityChange: (u) => onVisibility(functionalUpdate(u, visibility)),
  });
  const focus = useGridFocus();
  const headers = table.getHeaderGroups()[0].headers;
  const shown = table.getRowModel().rows;
  const offset = (page - 1) * pageSize;
  const choices = table
    .getAllLeafColumns()
    .filter((c) => c.getCanHide())
    .map((c) => ({ id: c.id, label: String(c.columnDef.header), visible: c.getIsVisible() }));

  return (
    <Paper variant="outlined">
      <Box sx={{ px: 1, py: 0.5 }}>
        <ColumnsButton columns={choices} onToggle={(id) => table.getColumn(id)?.toggleVisibility()} />
      </Box>
      <TableContainer sx={CONTAINER_SX}>
        <Table
          size="small"
          // A table's cells are gridcells in a grid (HTML-AAM); said explicitly for tools that do not infer it.
          role="grid"
          aria-label={label}
          aria-multiselectable
          aria-busy={loading}
          {...focus}
          sx={TABLE_SX}
        >
          <TableHead sx={HEAD_SX}>
            <TableRow>
              {headers.map((h) => {
                const sorted = h.column.getIsSorted();
                return (
                  <TableCell
                    key={h.id}
                    role="columnheader"
                    data-field={h.column.id}
                    sortDirection={sorted}
                    {...cellLayout(h.column)}
                  >
                    {h.column.getCanSort() ? (
                      <TableSortLabel
                        active={sorted !== false}
                        direction={sorted || 'asc'}
                        onClick={h.column.getToggleSortingHandler()}
                      >
                        {String(h.column.columnDef.header)}
                      </TableSortLabel>
                    ) : (
                      <table.FlexRender header={h} />
                    )}
                  </TableCell>
                );
              })}
            </TableRow>
            {loading && (
              <TableRow role="presentation">
                <TableCell role="presentation" colSpan={headers.length} sx={{ p: 0, border: 0, position: 'relative' }}>
                  <LinearProgress aria-label="Loading" sx={{ position: 'absolute', left: 0, right: 0, bottom: 0 }} />
                </TableCell>
              </TableRow>
            )}
          </TableHead>
          <TableBody>
            {shown.map((row) => (
              <TableRow key={row.id} hover selected={row.getIsSelected()} aria-selected={row.getIsSelected()}>
                {row.getVisibleCells().map((cell) => (
                  <TableCell key={cell.id} role="gridcell" {...cellLayout(cell.column)}>
                    <table.FlexRender cell={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
            {shown.length === 0 &&
              loading &&
              Array.from({ length: SKELETON_ROWS }, (_, i) => (
                <TableRow key={i} aria-hidden>
                  {headers.map((h) => (
                    <TableCell key={h.id}>
                      <Skeleton />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            {shown.length === 0 && !loading && (
              <TableRow>
                <TableCell role="gridcell" colSpan={headers.length} sx={{ p: 0, border: 0 }}>
                  {/* As wide as the visible box, and kept in it: centred on a phone too. */}
                  <Box sx={{ position: 'sticky', left: 0, width: '100cqw', height: 320, whiteSpace: 'normal' }}>
                    <NoRowsOverlay {...noRows} />
                  </Box>
                </TableCell>
              </TableRow>
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={hasNextPage ? -1 : offset + rows.length}
        page={page - 1}
        rowsPerPage={pageSize}
        rowsPerPageOptions={[...PAGE_SIZES]}
        onPageChange={(_, p) => onPage(p + 1, pageSize, nextCursor)}
        onRowsPerPageChange={(e) => onPage(1, Number(e.target.value))}
        labelDisplayedRows={() =>
          rows.length > 0 ? `Page ${page} · rows ${offset + 1}–${offset + rows.length}` : `Page ${page}`
        }
        // On a phone the page size and the Previous/Next buttons wrap onto a second line instead of overflowing.
        sx={{ borderTop: 1, borderColor: 'divider', '& .MuiTablePagination-toolbar': { flexWrap: 'wrap', rowGap: 0 } }}
      />
    </Paper>
  );
}

/** Width, alignment and pinning of a column's cells, from its meta (memo-table.ts); styled once in TABLE_SX. */
function cellLayout(column: Column<typeof memoTableFeatures, MemoRow>) {
  const { width, numeric, stickyLeft } = column.columnDef.meta ?? {};
  const pinned = stickyLeft !== undefined;
  return {
    align: numeric ? ('right' as const) : undefined,
    padding: column.id === 'select' ? ('checkbox' as const) : undefined,
    'data-pinned': pinned ? (column.id === 'number' ? 'last' : 'yes') : undefined,
    style: { ...(width && { width, minWidth: width, maxWidth: width }), ...(pinned && { left: stickyLeft }) },
  };
}
