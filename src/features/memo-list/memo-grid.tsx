import { useMemo } from 'react';
import {
  DataGrid,
  type GridColDef,
  type GridColumnVisibilityModel,
  type GridPaginationModel,
  type GridRowSelectionModel,
  type GridSortModel,
} from '@mui/x-data-grid';
import type { MemoRow } from '../../api/memos/list.ts';
import { ColumnsToolbar } from './columns-toolbar.tsx';
import { NoRowsOverlay, type NoRowsProps } from './list-overlays.tsx';
import { PAGE_SIZES, type ListState, type SortField } from './list-state.ts';

// Skeleton rows while nothing is shown yet; over rows already on screen (a refetch, the next page with
// the previous one kept) a thin progress bar, so the rows stay readable.
const SLOT_PROPS = { loadingOverlay: { variant: 'linear-progress', noRowsVariant: 'skeleton' } } as const;
// The no-rows overlay gets its variant and callbacks through slotProps (a stable component type).
// The Number column (and the selection box before it) stays in view while the grid scrolls sideways in its
// own box: MUI X pins columns only in its paid editions, so the cells are made sticky. Sticky cells must stay
// rendered, hence no column virtualisation (a page holds at most 100 rows).
const CHECKBOX_WIDTH = 50;
const sticky = (left: number) => ({ position: 'sticky', left, zIndex: 2, bgcolor: 'background.paper' }) as const;
const GRID_SX = {
  height: 'max(420px, calc(100vh - 330px))',
  bgcolor: 'background.paper',
  '& [data-field="__check__"]': sticky(0),
  '& [data-field="number"]': { ...sticky(CHECKBOX_WIDTH), borderRight: 1, borderRightColor: 'divider' },
} as const;
const SLOTS = { toolbar: ColumnsToolbar, noRowsOverlay: NoRowsOverlay as React.JSXElementConstructor<object> };

interface Props {
  label: string;
  rows: MemoRow[];
  columns: GridColDef<MemoRow>[];
  loading: boolean;
  hasNextPage: boolean;
  /** Object Query: the shown page's `nextPage`, which Next pushes onto the URL's cursor stack. */
  nextCursor?: string;
  state: ListState;
  onPage: (page: number, pageSize: number, nextCursor?: string) => void;
  onSort: (sort: ListState['sort']) => void;
  selection: GridRowSelectionModel;
  onSelection: (m: GridRowSelectionModel) => void;
  noRows: NoRowsProps;
  /** Which columns show (column-visibility.ts; the page also needs it to fetch only what they show). */
  visibility: GridColumnVisibilityModel;
  onVisibility: (m: GridColumnVisibilityModel) => void;
}

/**
 * Server-paged, server-sorted grid. Zuora's list has no total: while a next page exists the row count
 * is unknown (-1) and the footer says "Page N"; on the last page the count is known exactly.
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
  const offset = (state.page - 1) * state.pageSize;
  const rowCount = hasNextPage ? -1 : offset + rows.length;
  // Stable model objects: the grid treats a new sort model as a sort change and resets to page 1.
  const { page, pageSize } = state;
  const { field, direction } = state.sort;
  const paginationModel = useMemo<GridPaginationModel>(() => ({ page: page - 1, pageSize }), [page, pageSize]);
  const sortModel = useMemo<GridSortModel>(() => [{ field, sort: direction }], [field, direction]);
  const paginationMeta = useMemo(() => ({ hasNextPage }), [hasNextPage]);
  const localeText = useMemo(
    () => ({
      paginationDisplayedRows: ({ from, to }: { from: number; to: number }) =>
        to > 0 ? `Page ${page} · rows ${from}–${to}` : `Page ${page}`,
    }),
    [page],
  );
  const slotProps = useMemo(() => ({ ...SLOT_PROPS, noRowsOverlay: noRows as object }), [noRows]);
  return (
    <DataGrid<MemoRow>
      aria-label={label}
      rows={rows}
      columns={columns}
      getRowId={(r) => r.id}
      loading={loading}
      paginationMode="server"
      sortingMode="server"
      disableColumnFilter
      rowCount={rowCount}
      paginationMeta={paginationMeta}
      paginationModel={paginationModel}
      onPaginationModelChange={(m) => onPage(m.page + 1, m.pageSize, nextCursor)}
      pageSizeOptions={[...PAGE_SIZES]}
      sortModel={sortModel}
      sortingOrder={['asc', 'desc']}
      onSortModelChange={(m) => {
        const s = m[0];
        if (s?.sort) onSort({ field: s.field as SortField, direction: s.sort });
      }}
      checkboxSelection
      disableRowSelectionOnClick
      rowSelectionModel={selection}
      onRowSelectionModelChange={onSelection}
      columnVisibilityModel={visibility}
      onColumnVisibilityModelChange={onVisibility}
      showToolbar
      slots={SLOTS}
      slotProps={slotProps}
      localeText={localeText}
      disableVirtualization
      sx={GRID_SX}
    />
  );
}
