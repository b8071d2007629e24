import { useState } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, within } from '@testing-library/react';
import type { RowSelectionState } from '@tanstack/react-table';
import { fetchMemoPage, type MemoRow } from '../../api/memos/list.ts';
import type { Permission } from '../../contract/permissions.ts';
import { renderWithApp } from '../../test/render.tsx';
import { startSandbox, type Sandbox } from '../../test/sandbox-client.ts';
import { DEFAULT_PAGE_SIZE, DEFAULT_SORT, EMPTY_FILTERS, type ListState } from './list-state.ts';
import { memoColumns } from './memo-columns.tsx';
import { MemoGrid } from './memo-grid.tsx';
import type { ColumnVisibility } from './memo-table.ts';

// The list's grid (MUI Table over a TanStack Table model) with a page of the sandbox's own credit memos:
// the roles a screen reader and the e2e specs rely on, the sort it shows and reports, selection, the
// column chooser and the arrow keys.

let sandbox: Sandbox;
let rows: MemoRow[];
beforeAll(async () => {
  sandbox = await startSandbox('admin');
  rows = (await fetchMemoPage('CreditMemo', { pageSize: '5', sort: '-number' })).rows;
}, 180_000);
afterAll(() => sandbox?.h.close());
afterEach(cleanup);

const STATE: ListState = {
  filters: EMPTY_FILTERS,
  sort: DEFAULT_SORT,
  page: 1,
  pageSize: DEFAULT_PAGE_SIZE,
  cursors: [],
};
const NAMES = { accountName: () => 'Acme', invoiceNumber: () => undefined };
const PERMISSIONS = new Set<Permission>(['memo.post', 'creditmemo.apply']);

function Grid(props: { rows: MemoRow[]; loading?: boolean; onSort?: (s: ListState['sort']) => void }) {
  const [selection, setSelection] = useState<RowSelectionState>({});
  const [visibility, setVisibility] = useState<ColumnVisibility>({ reasonCode: false });
  const [sort, setSort] = useState(DEFAULT_SORT);
  const columns = memoColumns({
    kind: 'CreditMemo',
    api: 'oq',
    names: NAMES,
    permissions: PERMISSIONS,
    onPost: vi.fn(),
  });
  return (
    <>
      <p>{Object.keys(selection).length} selected</p>
      <MemoGrid
        label="Credit memos"
        rows={props.rows}
        columns={columns}
        loading={props.loading ?? false}
        hasNextPage={false}
        state={{ ...STATE, sort }}
        onPage={vi.fn()}
        onSort={(s) => {
          props.onSort?.(s);
          setSort(s);
        }}
        selection={selection}
        onSelection={setSelection}
        noRows={{ variant: 'no-match', noun: 'credit memos', onClearFilters: vi.fn(), onFirstPage: vi.fn() }}
        visibility={visibility}
        onVisibility={setVisibility}
      />
    </>
  );
}

describe('the memo grid', () => {
  it('is a grid of rows and gridcells that shows the URL’s sort and reports a click, never sorting itself', async () => {
    const onSort = vi.fn();
    const { user } = renderWithApp(<Grid rows={rows} onSort={onSort} />);
    const grid = screen.getByRole('grid', { name: 'Credit memos' });
    const [header, ...body] = within(grid).getAllByRole('row');
    expect(body).toHaveLength(rows.length);
    expect(within(body[0]).getAllByRole('gridcell')[1]).toHaveTextContent(rows[0].number);
    const number = within(header).getByRole('columnheader', { name: 'Number' });
    expect(number).toHaveAttribute('aria-sort', 'descending');
    expect(within(within(header).getByRole('columnheader', { name: 'Account' })).queryByRole('button')).toBeNull();

    await user.click(within(header).getByRole('button', { name: 'Memo Date' }));
    expect(onSort).toHaveBeenLastCalledWith({ field: 'memoDate', direction: 'asc' });
    expect(within(header).getByRole('columnheader', { name: 'Memo Date' })).toHaveAttribute('aria-sort', 'ascending');
    expect(number).not.toHaveAttribute('aria-sort');
    await user.click(within(header).getByRole('button', { name: 'Memo Date' }));
    expect(onSort).toHaveBeenLastCalledWith({ field: 'memoDate', direction: 'desc' });
    // The rows stay in the server's order.
    expect(within(grid).getAllByRole('link')[0]).toHaveTextContent(rows[0].number);
  });

  it('selects every row of the page from the header box, and one row from its own', async () => {
    const { user } = renderWithApp(<Grid rows={rows} />);
    const grid = screen.getByRole('grid', { name: 'Credit memos' });
    await user.click(within(grid).getByRole('checkbox', { name: `Select ${rows[1].number}` }));
    expect(screen.getByText('1 selected')).toBeInTheDocument();
    expect(within(grid).getAllByRole('row')[2]).toHaveAttribute('aria-selected', 'true');
    expect(within(grid).getByRole('checkbox', { name: 'Select all rows' })).toHaveAttribute(
      'data-indeterminate',
      'true',
    );
    await user.click(within(grid).getByRole('checkbox', { name: 'Select all rows' }));
    expect(screen.getByText(`${rows.length} selected`)).toBeInTheDocument();
  });

  it('shows and hides columns from the column chooser', async () => {
    const { user } = renderWithApp(<Grid rows={rows} />);
    const grid = screen.getByRole('grid', { name: 'Credit memos' });
    expect(within(grid).queryByRole('columnheader', { name: 'Reason Code' })).toBeNull();
    const choose = async (column: string) => {
      await user.click(screen.getByRole('button', { name: 'Columns' }));
      const chooser = screen.getByRole('dialog', { name: 'Columns' });
      // Selection and row actions cannot be hidden.
      expect(within(chooser).queryByRole('checkbox', { name: 'Actions' })).toBeNull();
      await user.click(within(chooser).getByRole('checkbox', { name: column }));
      await user.keyboard('{Escape}');
    };
    await choose('Reason Code');
    expect(within(grid).getByRole('columnheader', { name: 'Reason Code' })).toBeInTheDocument();
    await choose('Currency');
    expect(within(grid).queryByRole('columnheader', { name: 'Currency' })).toBeNull();
  });

  it('is one Tab stop; the arrow keys move between cells, onto each cell’s control', async () => {
    const { user } = renderWithApp(<Grid rows={rows} />);
    const grid = screen.getByRole('grid', { name: 'Credit memos' });
    const link = (i: number) => within(grid).getByRole('link', { name: rows[i].number });
    await user.click(screen.getByRole('button', { name: 'Columns' }));
    await user.keyboard('{Escape}');
    await user.tab();
    expect(within(grid).getByRole('checkbox', { name: 'Select all rows' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(grid).getByRole('button', { name: 'Number' })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(link(0)).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(link(1)).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(within(grid).getByRole('checkbox', { name: `Select ${rows[1].number}` })).toHaveFocus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    // A cell without a control takes the focus itself.
    expect(within(grid).getAllByRole('row')[2].querySelectorAll('td')[2]).toHaveFocus();
    // Tab leaves the grid in one press, and comes back to the cell last visited.
    await user.tab();
    expect(screen.getByRole('combobox', { name: /Rows per page/ })).toHaveFocus();
    await user.tab({ shift: true });
    expect(within(grid).getAllByRole('row')[2].querySelectorAll('td')[2]).toHaveFocus();
    expect(grid.querySelectorAll('[tabindex="0"]')).toHaveLength(1);
    await user.keyboard('{Control>}{End}{/Control}');
    expect(within(grid).getAllByRole('row').at(-1)!.querySelector('td:last-child')).toHaveFocus();
  });

  it('says it is loading while there are no rows yet, and why there are none after', () => {
    renderWithApp(<Grid rows={[]} loading />);
    let grid = screen.getByRole('grid', { name: 'Credit memos' });
    expect(within(grid).getByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    expect(within(grid).getAllByRole('row')).toHaveLength(1); // the header: skeleton rows are not rows to a reader
    cleanup();
    renderWithApp(<Grid rows={[]} />);
    grid = screen.getByRole('grid', { name: 'Credit memos' });
    expect(within(grid).queryByRole('progressbar')).toBeNull();
    expect(within(grid).getByRole('button', { name: 'Clear filters' })).toBeInTheDocument();
  });
});
