import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, EMPTY_FILTERS, type ListState } from './list-state.ts';
import { filterAvailability, toFilterQuery, toListQuery, zuoraSort } from './list-query.ts';

const full: ListState = {
  filters: {
    status: ['Draft', 'Posted'],
    account: 'acme',
    number: 'CM-1',
    memoDateFrom: '2024-01-01',
    memoDateTo: '2024-03-31',
    amountFrom: '10',
    amountTo: '99.50',
    openBalance: true,
    currency: 'USD',
    reasonCode: 'Write-off',
    sourceType: 'Standalone',
  },
  sort: { field: 'memoDate', direction: 'asc' },
  page: 3,
  pageSize: 40,
};

describe('zuoraSort', () => {
  it('uses Zuora’s inverted operators: - is ascending, + is descending', () => {
    expect(zuoraSort('CreditMemo', { field: 'memoDate', direction: 'asc' })).toBe('-creditMemoDate');
    expect(zuoraSort('DebitMemo', { field: 'memoDate', direction: 'desc' })).toBe('+debitMemoDate');
    expect(zuoraSort('DebitMemo', { field: 'number', direction: 'desc' })).toBe('+number');
  });
});

describe('toListQuery', () => {
  it('maps every sandbox filter to its documented parameter', () => {
    expect(toListQuery(full, 'CreditMemo', 'sandbox')).toEqual({
      status: 'Draft,Posted',
      accountSearch: 'acme',
      numberContains: 'CM-1',
      memoDateFrom: '2024-01-01',
      memoDateTo: '2024-03-31',
      amountFrom: '10',
      amountTo: '99.50',
      openBalance: 'true',
      currency: 'USD',
      reasonCode: 'Write-off',
      sourceType: 'Standalone',
      sort: '-creditMemoDate',
      page: '3',
      pageSize: '40',
    });
  });

  it('sends only Zuora equality filters to a real tenant', () => {
    expect(toListQuery(full, 'DebitMemo', 'proxy')).toEqual({
      status: 'Draft',
      accountNumber: 'acme',
      number: 'CM-1',
      currency: 'USD',
      sort: '-debitMemoDate',
      page: '3',
      pageSize: '40',
    });
  });

  it('sends no filter parameters for an unfiltered view', () => {
    expect(toFilterQuery(EMPTY_FILTERS, 'sandbox')).toEqual({});
    expect(toListQuery(DEFAULT_STATE, 'CreditMemo', 'sandbox')).toEqual({ sort: '+number', page: '1', pageSize: '20' });
  });

  it('every filter the proxy query drops is hidden in proxy mode', () => {
    const proxy = filterAvailability('proxy');
    expect(proxy.memoDateFrom || proxy.amountFrom || proxy.openBalance || proxy.reasonCode || proxy.sourceType).toBe(
      false,
    );
    expect(Object.values(filterAvailability('sandbox')).every(Boolean)).toBe(true);
  });
});
