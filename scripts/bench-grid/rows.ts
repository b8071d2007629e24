// The same rows for both grids: a memo list page's columns, n rows, nothing fetched.
export interface Row {
  id: string;
  number: string;
  account: string;
  date: string;
  status: string;
  amount: string;
  balance: string;
}

export const COLUMNS: { field: keyof Row; headerName: string; align?: 'right' }[] = [
  { field: 'number', headerName: 'Number' },
  { field: 'account', headerName: 'Account' },
  { field: 'date', headerName: 'Memo date' },
  { field: 'status', headerName: 'Status' },
  { field: 'amount', headerName: 'Amount', align: 'right' },
  { field: 'balance', headerName: 'Balance', align: 'right' },
];

export function makeRows(n: number): Row[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `8a8${i.toString(16).padStart(29, '0')}`,
    number: `CM${String(i + 1).padStart(8, '0')}`,
    account: `Account ${i % 13} Ltd`,
    date: `2026-0${(i % 9) + 1}-1${i % 10}`,
    status: i % 3 ? 'Posted' : 'Draft',
    amount: `$${(100 + i * 7.5).toFixed(2)}`,
    balance: `$${(i * 3.25).toFixed(2)}`,
  }));
}

/** Rows from `?rows=`, and the time the page's own code started (after its modules evaluated). */
export const rowCount = () => Number(new URLSearchParams(location.search).get('rows') ?? 20);

declare global {
  interface Window {
    __renderStart?: number;
    __firstRowPaint?: number;
  }
}

/** Marks the render start, and the frame after the first data row is in the DOM. */
export function timeFirstRow(selector: string): void {
  window.__renderStart = performance.now();
  new MutationObserver((_m, obs) => {
    if (document.querySelector(selector)) {
      obs.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__firstRowPaint = performance.now()), 0));
    }
  }).observe(document, { subtree: true, childList: true });
}
