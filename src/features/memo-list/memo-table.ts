import {
  columnVisibilityFeature,
  metaHelper,
  rowSelectionFeature,
  rowSortingFeature,
  tableFeatures,
  type ColumnDef,
} from '@tanstack/react-table';
import type { MemoRow } from '../../api/memos/list.ts';

// The list's table model (TanStack Table): only the features the list uses, so only they are bundled.
// Sorting is the server's (Object Query / the classic list): the table shows the URL's sort and reports a
// click; it never reorders rows itself (manualSorting in memo-grid.tsx).
export const memoTableFeatures = tableFeatures({
  rowSortingFeature,
  rowSelectionFeature,
  columnVisibilityFeature,
  columnMeta: metaHelper<MemoColumnMeta>(),
});

export interface MemoColumnMeta {
  /** Fixed width in px; a column without one takes the table's spare width (Account). */
  width?: number;
  /** Right-aligned digits (amounts). */
  numeric?: boolean;
  /** Kept in view while the table scrolls sideways (the selection box and Number), at this left offset. */
  stickyLeft?: number;
}

export type MemoColumn = ColumnDef<typeof memoTableFeatures, MemoRow, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Which columns show, by column id; an absent id shows (TanStack's ColumnVisibilityState). */
export type ColumnVisibility = Record<string, boolean>;
