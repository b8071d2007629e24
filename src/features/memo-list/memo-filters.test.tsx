import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, screen, waitFor } from '@testing-library/react';
import { renderWithApp } from '../../test/render.tsx';
import { fill } from '../../test/user-input.ts';
import { MemoFilters } from './memo-filters.tsx';
import { EMPTY_FILTERS, type ListFilters } from './list-state.ts';

afterEach(cleanup);

function renderFilters(filters: ListFilters = EMPTY_FILTERS) {
  const onChange = vi.fn();
  const view = renderWithApp(<MemoFilters kind="CreditMemo" filters={filters} onChange={onChange} onClear={vi.fn()} />);
  return { ...view, onChange };
}

describe('amount filters', () => {
  it.each(['1,000', 'abc', '1e308'])('refuses %s at the field and leaves the URL alone', async (typed) => {
    const { user, onChange } = renderFilters();
    const field = screen.getByLabelText('Amount from');
    await fill(user, field, typed);
    await user.keyboard('{Enter}');
    expect(field).toHaveAccessibleDescription('Enter a plain number like 1000.50');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(onChange).not.toHaveBeenCalledWith(expect.objectContaining({ amountFrom: typed }), expect.anything());
  });

  it('takes a plain decimal', async () => {
    const { user, onChange } = renderFilters();
    await fill(user, screen.getByLabelText('Amount to'), '5000.50');
    await user.keyboard('{Enter}');
    await waitFor(() => expect(onChange).toHaveBeenCalledWith({ amountTo: '5000.50' }, { replace: true }));
  });

  it('says that a range compares each memo in its own currency', () => {
    renderFilters({ ...EMPTY_FILTERS, amountFrom: '5000' });
    expect(screen.getByText(/compares each memo’s amount in its own currency/)).toBeInTheDocument();
  });
});
