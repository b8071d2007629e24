import { describe, expect, it } from 'vitest';
import { DEFAULT_STATE, EMPTY_FILTERS, type ListState } from './list-state.ts';
import { parseListState, serializeListState } from './url-state.ts';

const parse = (qs: string, kind: 'CreditMemo' | 'DebitMemo' = 'CreditMemo') =>
  parseListState(new URLSearchParams(qs), kind);

describe('parseListState', () => {
  it('gives the default view for an empty query', () => {
    expect(parse('')).toEqual(DEFAULT_STATE);
  });

  it('reads every Object Query filter, the sort, the cursor stack and the page size', () => {
    const s = parse(
      'status=Draft,Posted&account=acme&number=CM-1&from=2024-01-01&to=2024-03-31&amountFrom=10&amountTo=99.50&open=1&source=Standalone&sort=memoDate.asc&cursor=c1&cursor=c2&page=9&pageSize=40',
    );
    expect(s).toEqual<ListState>({
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
    });
  });

  it('a currency view (the classic list) keeps one status and drops the filters that list cannot apply', () => {
    const s = parse(
      'status=Draft,Posted&account=A-1&number=CM-1&from=2024-01-01&amountTo=9&open=1&currency=USD&reason=Write-off&source=Standalone&sort=dueDate.asc&cursor=c1&page=3',
      'DebitMemo',
    );
    expect(s).toEqual<ListState>({
      filters: { ...EMPTY_FILTERS, status: ['Posted'], account: 'A-1', number: 'CM-1', currency: 'USD' },
      sort: { field: 'dueDate', direction: 'asc' },
      page: 3,
      pageSize: 20,
      cursors: [],
    });
  });

  it('on a tenant without Object Query every view is a classic one: page numbers, equality filters only', () => {
    const s = parseListState(
      new URLSearchParams('status=Draft,Posted&number=CM-1&from=2024-01-01&open=1&sort=taxAmount.asc&cursor=c1&page=2'),
      'CreditMemo',
      false,
    );
    expect(s).toEqual<ListState>({
      filters: { ...EMPTY_FILTERS, status: ['Posted'], number: 'CM-1' },
      sort: { field: 'taxAmount', direction: 'asc' },
      page: 2,
      pageSize: 20,
      cursors: [],
    });
    expect(serializeListState(s, false).toString()).toBe('status=Posted&number=CM-1&sort=taxAmount.asc&page=2');
  });

  it('sorts an Object Query view only on the fields Object Query sorts (A4)', () => {
    expect(parse('sort=dueDate.asc', 'DebitMemo').sort).toEqual(DEFAULT_STATE.sort);
    expect(parse('sort=taxAmount.asc').sort).toEqual(DEFAULT_STATE.sort);
    expect(parse('sort=unappliedAmount.asc').sort).toEqual({ field: 'unappliedAmount', direction: 'asc' });
  });

  it('accepts repeated status parameters and drops unknown or duplicate statuses', () => {
    expect(parse('status=Draft&status=Posted,Bogus&status=Draft').filters.status).toEqual(['Draft', 'Posted']);
  });

  it.each([
    ['currency=USD&page=0', 1],
    ['currency=USD&page=-3', 1],
    ['currency=USD&page=2.5', 1],
    ['currency=USD&page=abc', 1],
    ['currency=USD&page=1e9', 1],
    ['currency=USD&page=7', 7],
    ['page=7', 1],
    ['cursor=a&cursor=&cursor=b', 3],
  ])('page from %s is %d', (qs, page) => {
    expect(parse(qs).page).toBe(page);
  });

  it('falls back to defaults for hand-edited nonsense without throwing', () => {
    const s = parse(
      'pageSize=1000&sort=hack.up&from=2024-02-30&to=yesterday&amountFrom=1e3&amountTo=12,5&currency=usd&source=Nope&open=maybe&%E0%A4%A=1',
    );
    expect(s.pageSize).toBe(20);
    expect(s.sort).toEqual(DEFAULT_STATE.sort);
    expect(s.filters).toEqual(EMPTY_FILTERS);
  });

  it('refuses a sort the kind cannot do (the classic list does not sort debit memos by status; no debit memo has an unapplied amount)', () => {
    expect(parse('sort=status.asc&currency=USD', 'DebitMemo').sort).toEqual(DEFAULT_STATE.sort);
    expect(parse('sort=status.asc', 'DebitMemo').sort).toEqual({ field: 'status', direction: 'asc' });
    expect(parse('sort=unappliedAmount.desc', 'DebitMemo').sort).toEqual(DEFAULT_STATE.sort);
    expect(parse('sort=balance.desc', 'DebitMemo').sort).toEqual({ field: 'balance', direction: 'desc' });
    expect(parse('source=Standalone', 'DebitMemo').filters.sourceType).toBe('Standalone');
  });

  it('swaps a reversed date range instead of showing nothing', () => {
    const f = parse('from=2024-05-01&to=2024-01-31').filters;
    expect([f.memoDateFrom, f.memoDateTo]).toEqual(['2024-01-31', '2024-05-01']);
  });

  it('trims and caps free text', () => {
    expect(parse(`account=${'x'.repeat(500)}`).filters.account).toHaveLength(100);
    expect(parse('number=%20CM-7%20').filters.number).toBe('CM-7');
  });
});

describe('serializeListState', () => {
  it('writes nothing for the default view', () => {
    expect(serializeListState(DEFAULT_STATE).toString()).toBe('');
  });

  it.each([
    'status=Draft,Posted&account=acme&from=2024-01-01&to=2024-03-31&amountFrom=10&open=1&sort=amount.asc&pageSize=10&cursor=eyJ9%2B%2F%3D&cursor=x2',
    'status=Posted&account=A-1&currency=EUR&sort=taxAmount.asc&page=2&pageSize=10',
  ])('round-trips a full view: %s', (qs) => {
    const state = parse(qs);
    expect(parse(serializeListState(state).toString())).toEqual(state);
  });
});
