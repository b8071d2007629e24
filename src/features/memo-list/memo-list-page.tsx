import { useEffect, useMemo, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import type { RowSelectionState } from '@tanstack/react-table';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { memoDetailPath } from '../../lib/memo-routes.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { memoListQuery, type MemoRow } from '../../api/memos/list.ts';
import { useSession } from '../../api/session.tsx';
import { useObjectQuerySupport } from '../../api/memos/object-query-support.ts';
import { ActionSnackbar, type ActionNotice } from '../../components/action-snackbar.tsx';
import { PostRowDialog } from './post-row-dialog.tsx';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { BulkActions } from './bulk-actions.tsx';
import { isColumnShown, useColumnVisibility } from './column-visibility.ts';
import { CreateMemoMenu } from './create-memo-menu.tsx';
import { ExportButton } from './export-button.tsx';
import { toListQuery } from './list-query.ts';
import { hasActiveFilters, listApiOf } from './list-state.ts';
import { memoColumns } from './memo-columns.tsx';
import { MemoFilters } from './memo-filters.tsx';
import { MemoGrid } from './memo-grid.tsx';
import { MemoTabs } from './memo-tabs.tsx';
import { RateLimitNotice } from './rate-limit-notice.tsx';
import { useListState } from './use-list-state.ts';
import { useReferenceNames } from './use-reference-names.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

const NO_SELECTION: RowSelectionState = {};
// A page with no rows yet: one array, so the table's model is not rebuilt on every render.
const NO_ROWS: MemoRow[] = [];

/** Billing > Credit and Debit Memos: the tabbed, filtered, server-paged list of memos. */
/** The route table says which kind the page is for. */
export default function MemoListPage({ kind }: { kind: MemoKind }) {
  const { permissions } = useSession();
  const list = useListState(kind);
  const { state } = list;
  // Both modes send the same requests (list-query.ts): the sandbox answers Object Query as a tenant does.
  const objectQuery = useObjectQuerySupport();
  const api = listApiOf(state.filters, objectQuery);
  const query = toListQuery(state, kind, objectQuery);
  const page = useQuery(memoListQuery(kind, query));
  const rows = page.data?.rows ?? NO_ROWS;
  const [visibility, setVisibility] = useColumnVisibility(kind);
  // Referred invoices are looked up (one request each) only while their column shows.
  const names = useReferenceNames(rows, { invoices: isColumnShown(visibility, 'referredInvoiceId') });
  const [selection, setSelection] = useState<RowSelectionState>(NO_SELECTION);
  const [toPost, setToPost] = useState<MemoRow | null>(null);
  const location = useLocation();
  const navigate = useNavigate();
  const handedOver = (location.state as { notice?: ActionNotice } | null)?.notice ?? null;
  const [notice, setNotice] = useState<ActionNotice | null>(handedOver);
  // A notice handed over by a navigation (a deleted memo) shows once: a reload or Back does not repeat it.
  useEffect(() => {
    if (handedOver) void navigate({ search: location.search }, { replace: true, state: null });
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  const noun = `${memoKindLabel(kind).toLowerCase()}s`;

  // A selection belongs to one page of one view: changing the view clears it.
  const viewKey = JSON.stringify([kind, query]);
  const [selectionView, setSelectionView] = useState(viewKey);
  if (selectionView !== viewKey) {
    setSelectionView(viewKey);
    setSelection(NO_SELECTION);
  }
  const selected = rows.filter((r) => selection[r.id]);

  const columns = useMemo(
    () => memoColumns({ kind, api, names, permissions, onPost: setToPost }),
    [kind, api, names, permissions, setToPost],
  );
  const filtered = hasActiveFilters(state.filters);
  const noRowsVariant = state.page > 1 ? 'past-end' : filtered ? 'no-match' : 'empty';
  const { clearFilters, setPage } = list;
  const noRows = useMemo(
    () =>
      ({
        variant: noRowsVariant,
        noun,
        onClearFilters: clearFilters,
        onFirstPage: () => setPage(1, state.pageSize),
      }) as const,
    [noRowsVariant, noun, clearFilters, setPage, state.pageSize],
  );

  return (
    <>
      <Box sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}>
        <Typography variant="h1" sx={{ flexGrow: 1 }}>
          Credit and Debit Memos
        </Typography>
        <ExportButton kind={kind} state={state} visibility={visibility} />
        <CreateMemoMenu
          kind={kind}
          disabledReason={permissions.has('memo.create') ? undefined : 'You need the permission: Create memos'}
        />
      </Box>
      <MemoTabs kind={kind} />
      <MemoFilters kind={kind} filters={state.filters} onChange={list.setFilters} onClear={list.clearFilters} />
      <BulkActions
        kind={kind}
        selected={selected}
        permissions={permissions}
        onFinished={() => setSelection(NO_SELECTION)}
      />
      <RateLimitNotice />
      {page.data?.accountsTooMany && (
        <Alert severity="info" sx={{ mb: 1 }}>
          More accounts start with “{state.filters.account}” than one search returns: type more of the account name or
          number.
        </Alert>
      )}
      {page.isError && !page.data ? (
        <ErrorAlert error={page.error} title={`The ${noun} could not be loaded`} onRetry={() => void page.refetch()} />
      ) : (
        <>
          {page.isError && (
            <ErrorAlert
              error={page.error}
              title="Showing the last page that loaded"
              onRetry={() => void page.refetch()}
            />
          )}
          <MemoGrid
            label={kind === 'CreditMemo' ? 'Credit memos' : 'Debit memos'}
            rows={rows}
            columns={columns}
            loading={page.isPending || page.isFetching}
            hasNextPage={page.data?.hasNextPage ?? false}
            nextCursor={page.data?.nextCursor}
            state={state}
            onPage={list.setPage}
            onSort={list.setSort}
            selection={selection}
            onSelection={setSelection}
            noRows={noRows}
            visibility={visibility}
            onVisibility={setVisibility}
          />
        </>
      )}
      {toPost && (
        <PostRowDialog
          kind={kind}
          row={toPost}
          onClose={() => setToPost(null)}
          onPosted={() => {
            setNotice({
              message: `Posted ${memoKindLabel(kind).toLowerCase()} ${toPost.number}.`,
              link: { to: memoDetailPath(kind, toPost.id), label: toPost.number },
            });
            setToPost(null);
          }}
        />
      )}
      <ActionSnackbar notice={notice} onClose={() => setNotice(null)} />
    </>
  );
}
