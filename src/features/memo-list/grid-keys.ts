import type { KeyboardEvent } from 'react';

// The list is a `grid`: besides Tab, which still visits every link, checkbox and button in reading order,
// the arrow keys move between cells as in a spreadsheet (Home/End to the row's ends, with Ctrl to the
// first/last row). The focus lands on the cell's control when it has one, else on the cell itself.
const MOVES = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End']);
const CONTROL = 'a[href], button:not(:disabled), input:not(:disabled), [tabindex="0"]';

export function moveGridFocus(event: KeyboardEvent<HTMLTableElement>) {
  if (!MOVES.has(event.key) || event.altKey || event.metaKey || event.shiftKey) return;
  const cell = (event.target as HTMLElement).closest<HTMLTableCellElement>('td, th');
  const table = event.currentTarget;
  if (!cell || cell.closest('table') !== table) return;
  // Data and header rows only: not the loading bar's row nor skeleton rows.
  const rows = [...table.rows].filter(
    (r) => r.getAttribute('role') !== 'presentation' && r.getAttribute('aria-hidden') !== 'true',
  );
  let row = rows.indexOf(cell.parentElement as HTMLTableRowElement);
  let col = cell.cellIndex;
  if (row < 0) return;
  const last = Number.MAX_SAFE_INTEGER;
  if (event.key === 'ArrowUp') row--;
  else if (event.key === 'ArrowDown') row++;
  else if (event.key === 'ArrowLeft') col--;
  else if (event.key === 'ArrowRight') col++;
  else {
    col = event.key === 'Home' ? 0 : last;
    if (event.ctrlKey) row = event.key === 'Home' ? 0 : rows.length - 1;
  }
  const cells = rows[row]?.cells;
  const next = cells?.[Math.min(Math.max(col, 0), cells.length - 1)];
  if (!next) return;
  event.preventDefault(); // the page does not scroll
  (next.querySelector<HTMLElement>(CONTROL) ?? next).focus();
}
