import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent } from 'react';

// The list is a `grid` (WAI-ARIA APG grid pattern): one Tab stop for the whole table, so the keyboard gets
// past a page of rows in one press; inside it the arrow keys move from cell to cell (Home/End to the row's
// ends, with Ctrl to the first/last row). The focus lands on the cell's control (sort button, checkbox,
// link, action) when it has one, else on the cell; Enter or Space then uses the control. Tab comes back to
// the cell last visited.

const MOVES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
/** Whatever in a cell could take the focus. */
const FOCUSABLE = 'a[href], button, input, [tabindex]';

interface Position {
  row: number;
  col: number;
}

export function useGridFocus() {
  const ref = useRef<HTMLTableElement>(null);
  const active = useRef<Position>({ row: 0, col: 0 });
  // After every render: new rows (another page, a refetch) arrive with their controls in the Tab order.
  useLayoutEffect(() => {
    if (ref.current) setTabStop(ref.current, active.current);
  });
  return {
    ref,
    onFocus(event: FocusEvent<HTMLTableElement>) {
      const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
      const row = cell ? gridRows(event.currentTarget).indexOf(cell.parentElement as HTMLTableRowElement) : -1;
      if (!cell || row < 0) return;
      active.current = { row, col: cell.cellIndex };
      setTabStop(event.currentTarget, active.current);
    },
    onKeyDown(event: KeyboardEvent<HTMLTableElement>) {
      const next = target(event);
      if (!next) return;
      event.preventDefault(); // the page does not scroll
      stopOf(next).focus();
    },
  };
}

/** The cell an arrow key (or Home/End) moves to from the focused one. */
function target(event: KeyboardEvent<HTMLTableElement>): HTMLTableCellElement | undefined {
  if (!MOVES.has(event.key) || event.altKey || event.metaKey || event.shiftKey) return;
  const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
  const rows = gridRows(event.currentTarget);
  let row = cell ? rows.indexOf(cell.parentElement as HTMLTableRowElement) : -1;
  if (!cell || row < 0) return;
  let col = cell.cellIndex;
  if (event.key === 'ArrowUp') row--;
  else if (event.key === 'ArrowDown') row++;
  else if (event.key === 'ArrowLeft') col--;
  else if (event.key === 'ArrowRight') col++;
  else {
    col = event.key === 'Home' ? 0 : Number.MAX_SAFE_INTEGER;
    if (event.ctrlKey) row = event.key === 'Home' ? 0 : rows.length - 1;
  }
  return cellAt(rows, { row, col }, false);
}

/** The header and data rows: not the loading bar's row nor the skeleton rows. */
const gridRows = (table: HTMLTableElement) =>
  [...table.rows].filter((r) => r.getAttribute('role') !== 'presentation' && r.getAttribute('aria-hidden') !== 'true');

function cellAt(rows: HTMLTableRowElement[], { row, col }: Position, clampRow: boolean) {
  const r = rows[clampRow ? Math.min(row, rows.length - 1) : row];
  return r?.cells[Math.min(Math.max(col, 0), r.cells.length - 1)];
}

const stopOf = (cell: HTMLTableCellElement) =>
  [...cell.querySelectorAll<HTMLElement>(FOCUSABLE)].find((e) => !(e as HTMLInputElement).disabled) ?? cell;

/** Only the active cell (or its control) is in the Tab order; the rows may have changed since it was active. */
function setTabStop(table: HTMLTableElement, position: Position) {
  const cell = cellAt(gridRows(table), position, true);
  const stop = cell && stopOf(cell);
  for (const el of table.querySelectorAll<HTMLElement>(`td, th, ${FOCUSABLE}`)) el.tabIndex = el === stop ? 0 : -1;
}
