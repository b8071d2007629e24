import { useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import { ResponsiveDialog } from '../../components/responsive-dialog.tsx';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import FileDownload from '@mui/icons-material/FileDownload';
import { accountDetailQuery } from '../../api/account-detail.ts';
import { invoiceDetailQuery } from '../../api/invoice-detail.ts';
import { memoRouteBase } from '../../lib/memo-routes.ts';
import { type MemoKind } from '../../lib/memo-kind.ts';
import { streamListRows, type MemoRow } from '../../api/memos/list.ts';
import { useObjectQuerySupport } from '../../api/memos/object-query-support.ts';
import { accountMatchesQuery, OQ_MAX_PAGE_SIZE } from '../../api/memos/object-query-list.ts';
import { MAX_PAGE_SIZE } from '../../api/paging.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { today } from '../../lib/dates.ts';
import { isColumnShown, type ColumnVisibility } from './column-visibility.ts';
import { csvColumns, csvHeader, csvRows } from './export-csv.ts';
import { toFilterRequest } from './list-query.ts';
import { listApiOf, type ListState } from './list-state.ts';

/**
 * Exports every row matching the current filters (not just the page), with progress and cancel: page after
 * page through Object Query's cursor (99 rows a request), or the classic list's pages for a currency view.
 * The file has the columns the grid shows (`visibility`), as the grid shows them (export-csv.ts).
 */
export function ExportButton({
  kind,
  state,
  visibility,
}: {
  kind: MemoKind;
  state: ListState;
  visibility: ColumnVisibility;
}) {
  const queryClient = useQueryClient();
  const objectQuery = useObjectQuerySupport();
  const [open, setOpen] = useState(false);
  const [count, setCount] = useState(0);
  const [phase, setPhase] = useState<'rows' | 'names' | 'done'>('rows');
  const [error, setError] = useState<unknown>(null);
  const abort = useRef<AbortController | null>(null);

  async function start() {
    const ac = new AbortController();
    abort.current = ac;
    setOpen(true);
    setCount(0);
    setError(null);
    setPhase('rows');
    try {
      const pageSize = listApiOf(state.filters, objectQuery) === 'v1' ? MAX_PAGE_SIZE : OQ_MAX_PAGE_SIZE;
      const rows = await streamListRows(kind, toFilterRequest(state, kind, pageSize, objectQuery), {
        lookup: (text) => queryClient.fetchQuery(accountMatchesQuery(text)),
        signal: ac.signal,
        onPage: setCount,
      });
      setPhase('names');
      const names = await accountNames(rows, ac.signal);
      const invoices = isColumnShown(visibility, 'referredInvoiceId')
        ? await invoiceNumbers(rows, ac.signal)
        : new Map<string, string>();
      // A cancel while the last lookups were in flight: they finished, but no file is written.
      ac.signal.throwIfAborted();
      const columns = csvColumns(
        kind,
        { accountName: (id) => names.get(id), invoiceNumber: (id) => invoices.get(id) },
        visibility,
      );
      download(`${memoRouteBase(kind).slice(1)}-${today()}.csv`, csvHeader(columns) + csvRows(columns, rows));
      setPhase('done');
      setOpen(false);
    } catch (e) {
      if (!ac.signal.aborted) setError(e);
    }
  }

  // Object Query rows carry their account's name; the classic list's rows (a currency view) do not: names of
  // their distinct accounts (few compared with rows; cached and shared with the grid).
  async function accountNames(rows: MemoRow[], signal: AbortSignal): Promise<Map<string, string>> {
    const names = new Map(rows.flatMap((r) => (r.accountName ? [[r.accountId, r.accountName] as const] : [])));
    const ids = [...new Set(rows.map((r) => r.accountId))].filter((id) => !names.has(id));
    const found = await fetchEach(ids, (id) => queryClient.fetchQuery(accountDetailQuery(id)), signal);
    for (const a of found) names.set(a.basicInfo.id, a.basicInfo.name);
    return names;
  }

  // Rows name their referred invoice by id; the grid and the file show its number (one read per distinct
  // invoice, cached and shared with the grid and the detail page).
  async function invoiceNumbers(rows: MemoRow[], signal: AbortSignal): Promise<Map<string, string>> {
    const ids = [...new Set(rows.flatMap((r) => (r.referredInvoiceId ? [r.referredInvoiceId] : [])))];
    const found = await fetchEach(ids, (id) => queryClient.fetchQuery(invoiceDetailQuery(id)), signal);
    return new Map(found.map((inv) => [inv.id, inv.invoiceNumber] as const));
  }

  function cancel() {
    abort.current?.abort();
    setOpen(false);
  }

  return (
    <>
      <Button variant="outlined" startIcon={<FileDownload />} onClick={() => void start()} disabled={open}>
        Export CSV
      </Button>
      {/* Escape cancels like the Cancel button; a stray click outside does not throw the export away. */}
      <ResponsiveDialog
        open={open}
        onClose={(_, reason) => reason !== 'backdropClick' && cancel()}
        aria-labelledby="export-title"
        maxWidth="xs"
        fullWidth
      >
        <DialogTitle id="export-title">Exporting memos</DialogTitle>
        <DialogContent>
          {error ? (
            <ErrorAlert error={error} title="The export stopped" onRetry={() => void start()} />
          ) : (
            <>
              <LinearProgress aria-label="Export progress" />
              <Typography role="status" sx={{ mt: 2 }}>
                {phase === 'rows'
                  ? `${count.toLocaleString()} rows fetched…`
                  : isColumnShown(visibility, 'referredInvoiceId')
                    ? `${count.toLocaleString()} rows fetched; adding account names and invoice numbers…`
                    : `${count.toLocaleString()} rows fetched; adding account names…`}
              </Typography>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={cancel}>{error ? 'Close' : 'Cancel export'}</Button>
        </DialogActions>
      </ResponsiveDialog>
    </>
  );
}

/** Reads each id, 8 at a time; one that cannot be read is left out (the file then shows what the grid does). */
async function fetchEach<T>(ids: string[], read: (id: string) => Promise<T>, signal: AbortSignal): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += 8) {
    signal.throwIfAborted();
    const batch = await Promise.all(ids.slice(i, i + 8).map((id) => read(id).catch(() => null)));
    for (const x of batch) if (x !== null) found.push(x);
  }
  return found;
}

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
