import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, EMPTY_FILTERS, type ListState } from './list-state.ts';
import {
  filterAvailability,
  oqSort,
  REASON_CODE_UNAVAILABLE,
  toFilterRequest,
  toListQuery,
  toOqFilters,
  WITH_CURRENCY_UNAVAILABLE,
  WITHOUT_OBJECT_QUERY_UNAVAILABLE,
  zuoraSort,
} from './list-query.ts';

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
    currency: '',
    reasonCode: '',
    sourceType: 'Standalone',
  },
  sort: { field: 'memoDate', direction: 'asc' },
  page: 3,
  pageSize: 40,
  cursors: ['c1', 'c2'],
};

describe('sorts', () => {
  it('classic list: Zuora’s inverted operators, - is ascending, + is descending', () => {
    expect(zuoraSort('CreditMemo', { field: 'memoDate', direction: 'asc' })).toBe('-creditMemoDate');
    expect(zuoraSort('DebitMemo', { field: 'memoDate', direction: 'desc' })).toBe('+debitMemoDate');
    expect(zuoraSort('DebitMemo', { field: 'number', direction: 'desc' })).toBe('+number');
  });

  it('Object Query: data-model names, field.ASC|DESC; a credit memo’s unapplied amount is its balance', () => {
    expect(oqSort('CreditMemo', { field: 'number', direction: 'desc' })).toBe('memoNumber.DESC');
    expect(oqSort('DebitMemo', { field: 'amount', direction: 'asc' })).toBe('totalAmount.ASC');
    expect(oqSort('CreditMemo', { field: 'unappliedAmount', direction: 'asc' })).toBe('balance.ASC');
  });
});

describe('toListQuery', () => {
  it('reads every filter but currency through Object Query, at the last cursor of the stack', () => {
    expect(toListQuery(full, 'CreditMemo')).toEqual({
      api: 'oq',
      account: 'acme',
      oq: {
        filters: [
          'status.IN:[Draft,Posted]',
          'memonumber.SW:CM-1',
          'memodate.GE:2024-01-01',
          'memodate.LE:2024-03-31',
          'totalamount.GE:10',
          'totalamount.LE:99.50',
          'balance.GT:0',
          'sourcetype.EQ:Standalone',
        ],
        sort: 'memoDate.ASC',
        pageSize: 40,
        cursor: 'c2',
      },
    });
  });

  it('page 1 of the default view: no filter, no cursor, newest number first', () => {
    expect(toListQuery(DEFAULT_STATE, 'DebitMemo')).toEqual({
      api: 'oq',
      oq: { filters: [], sort: 'memoNumber.DESC', pageSize: 20 },
    });
  });

  it('one status is an EQ clause', () => {
    expect(toOqFilters({ ...EMPTY_FILTERS, status: ['Posted'] })).toEqual(['status.EQ:Posted']);
  });

  it('a currency view reads the classic list: equality filters, page number', () => {
    const state: ListState = {
      ...DEFAULT_STATE,
      filters: { ...EMPTY_FILTERS, status: ['Posted'], account: 'A-1', number: 'DM-7', currency: 'EUR' },
      sort: { field: 'dueDate', direction: 'asc' },
      page: 4,
    };
    expect(toListQuery(state, 'DebitMemo')).toEqual({
      api: 'v1',
      query: {
        status: 'Posted',
        accountNumber: 'A-1',
        number: 'DM-7',
        currency: 'EUR',
        sort: '-dueDate',
        pageSize: '20',
        page: '4',
      },
    });
  });

  it('a tenant without Object Query reads every view from the classic list, by page number', () => {
    const state: ListState = {
      ...DEFAULT_STATE,
      filters: { ...EMPTY_FILTERS, status: ['Draft'], account: 'A00000001', number: 'CM00000002' },
      page: 2,
    };
    expect(toListQuery(state, 'CreditMemo', false)).toEqual({
      api: 'v1',
      query: {
        status: 'Draft',
        accountNumber: 'A00000001',
        number: 'CM00000002',
        sort: '+number',
        pageSize: '20',
        page: '2',
      },
    });
    expect(toListQuery(DEFAULT_STATE, 'DebitMemo', false)).toEqual({
      api: 'v1',
      query: { sort: '+number', pageSize: '20', page: '1' },
    });
  });

  it('the export request has no cursor and Object Query’s page size bound', () => {
    const r = toFilterRequest(full, 'CreditMemo', 500);
    expect(r.api === 'oq' && r.oq).toEqual(expect.objectContaining({ pageSize: 99 }));
    expect(r.api === 'oq' && r.oq.cursor).toBeUndefined();
  });
});

describe('filterAvailability', () => {
  it('Object Query serves every filter but reason code, which it says why it hides', () => {
    const a = filterAvailability(EMPTY_FILTERS);
    expect(a.reasonCode).toBe(REASON_CODE_UNAVAILABLE);
    expect(
      Object.entries(a)
        .filter(([, why]) => why !== null)
        .map(([k]) => k),
    ).toEqual(['reasonCode']);
  });

  it('with a currency, only status, account, number and currency remain', () => {
    const a = filterAvailability({ ...EMPTY_FILTERS, currency: 'USD' });
    const shown = Object.entries(a)
      .filter(([, why]) => why === null)
      .map(([k]) => k);
    expect(shown.sort()).toEqual(['account', 'currency', 'number', 'status']);
    expect(a.memoDateFrom).toBe(WITH_CURRENCY_UNAVAILABLE);
  });

  it('on a tenant without Object Query, only what the classic list filters remains, with or without currency', () => {
    for (const filters of [EMPTY_FILTERS, { ...EMPTY_FILTERS, currency: 'USD' }]) {
      const a = filterAvailability(filters, false);
      const shown = Object.entries(a)
        .filter(([, why]) => why === null)
        .map(([k]) => k);
      expect(shown.sort()).toEqual(['account', 'currency', 'number', 'status']);
      expect(a.amountFrom).toBe(WITHOUT_OBJECT_QUERY_UNAVAILABLE);
      expect(a.reasonCode).toBe(REASON_CODE_UNAVAILABLE);
    }
  });
});
