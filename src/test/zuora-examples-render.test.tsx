import { cleanup, screen, within } from '@testing-library/react';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  examplesPresent,
  startExampleTenant,
  zuoraExample,
  type ExampleTenant,
} from '../../server/testing/example-tenant.ts';
import { BROWSER_SECRET, startProxy } from '../../server/testing/test-upstream.ts';
import { configureClient } from '../api/client.ts';
import { PERMISSIONS, scopeOf } from '../contract/permissions.ts';
import type { MemoKind } from '../lib/memo-kind.ts';
import { createSessionStore } from '../lib/session-store.ts';
import FromInvoicePage from '../features/memo-create/from-invoice-page.tsx';
import { chooseAccount, chooseOption } from '../features/memo-create/testing/render-page.tsx';
import MemoDetailPage from '../features/memo-detail/memo-detail-page.tsx';
import MemoListPage from '../features/memo-list/memo-list-page.tsx';
import { renderWithApp } from './render.tsx';

// The screens render what a tenant answering exactly Zuora's documented examples sends (issue 14, item 4): the
// product's own proxy-mode app in front of a tenant serving docs/zuora/openapi/'s 200 examples over HTTP
// (server/testing/example-tenant.ts). src/api/zuora-examples.test.ts proves every example parses; this proves the
// components that show them render them: list rows, the detail header, items, applications, the Write Off Debit
// Memo preview and the from-invoice item table. No contract error anywhere, and a value of the example on screen.

const CM = '402890555a7e9791015a879f064a0054'; // GET /v1/credit-memos/{key} example: CM00000012
const DM = '4028ab1f87121698018722ff2bff58b8'; // GET /v1/debit-memos/{key} example: DM00000001
const CONTRACT_ERROR = /Unexpected response|could not be loaded/;

let tenant: ExampleTenant;

beforeAll(async () => {
  if (!examplesPresent()) return;
  tenant = await startExampleTenant();
  const { app } = startProxy(tenant.baseUrl);
  configureClient({
    baseUrl: 'http://proxy.test',
    getToken: () => BROWSER_SECRET,
    fetch: async (input, init) => app.request(new Request(input, init)),
  });
});
afterAll(() => tenant?.close());
afterEach(() => {
  cleanup();
  tenant?.setEdit(null);
});

/** Signed in with the access key, as the proxy-mode sign-in leaves it: every permission, the tenant decides. */
const tenantSession = () =>
  createSessionStore({
    storage: null,
    initial: {
      user: { id: 'tenant-user', name: 'Tenant user', role: 'tenant' },
      token: BROWSER_SECRET,
      scope: scopeOf(PERMISSIONS),
      expiresAt: Date.now() + 3_600_000,
    },
  });

const base = (kind: MemoKind) => (kind === 'CreditMemo' ? '/credit-memos' : '/debit-memos');

function renderList(kind: MemoKind) {
  return renderWithApp(<MemoListPage kind={kind} />, { path: base(kind), sessionStore: tenantSession() });
}

function renderDetail(kind: MemoKind, id: string, query = '') {
  return renderWithApp(<MemoDetailPage kind={kind} />, {
    path: `${base(kind)}/:memoId`,
    url: `${base(kind)}/${id}${query}`,
    sessionStore: tenantSession(),
  });
}

const noContractError = () => expect(screen.queryByText(CONTRACT_ERROR)).toBeNull();

/** The one change the mock-tenant walk also makes: the memo read says Posted, so its settlements are offered. */
const readAsPosted = (path: string) =>
  tenant.setEdit((method, template, body) =>
    method === 'get' && template === path ? { ...(body as object), status: 'Posted' } : body,
  );

// A page of the proxy app and a tenant over HTTP takes seconds on a loaded machine.
describe.skipIf(!examplesPresent())("the screens render Zuora's documented examples", { timeout: 120_000 }, () => {
  it('list rows: both tabs (a debit memo row without currency shows its account’s)', async () => {
    renderList('CreditMemo');
    const credit = await screen.findByRole('grid', { name: 'Credit memos' }, { timeout: 20_000 });
    expect(await within(credit).findByText('CM00000002', {}, { timeout: 20_000 })).toBeInTheDocument();
    noContractError();
    cleanup();
    renderList('DebitMemo');
    const debit = await screen.findByRole('grid', { name: 'Debit memos' }, { timeout: 20_000 });
    expect(await within(debit).findByText('DM00000006', {}, { timeout: 20_000 })).toBeInTheDocument();
    expect(within(debit).getAllByText(/\$\d/).length).toBeGreaterThan(0);
    noContractError();
  });

  it('a credit memo: header, items and applications', async () => {
    renderDetail('CreditMemo', CM);
    expect(await screen.findByRole('heading', { name: /CM00000012/ }, { timeout: 20_000 })).toBeInTheDocument();
    const items = await screen.findByRole('table', { name: 'Items of CM00000012' }, { timeout: 20_000 });
    expect(within(items).getAllByRole('row').length).toBeGreaterThan(1);
    const applied = await screen.findByRole('region', { name: 'Applied To' });
    expect(await within(applied).findByText(/not applied to any invoice/, {}, { timeout: 20_000 })).toBeVisible();
    noContractError();
  });

  it('a debit memo: header, items and the payments and credits applied to it', async () => {
    renderDetail('DebitMemo', DM);
    expect(await screen.findByRole('heading', { name: /DM00000001/ }, { timeout: 20_000 })).toBeInTheDocument();
    const items = await screen.findByRole('table', { name: 'Items of DM00000001' }, { timeout: 20_000 });
    expect(within(items).getAllByRole('row').length).toBeGreaterThan(1);
    const applications = await screen.findByRole(
      'table',
      { name: 'Payments and credit memos applied to this debit memo' },
      { timeout: 20_000 },
    );
    expect(within(applications).getAllByRole('row').length).toBeGreaterThan(1);
    noContractError();
  });

  it('the Write Off Debit Memo dialog previews the write-off', async () => {
    readAsPosted('/v1/debit-memos/{debitMemoKey}');
    renderDetail('DebitMemo', DM, '?action=writeOffDebit');
    const dialog = await screen.findByRole('dialog', { name: 'Write Off Debit Memo' }, { timeout: 20_000 });
    const preview = await within(dialog).findByRole('table', {}, { timeout: 20_000 });
    expect(within(preview).getAllByText(/\$\d/).length).toBeGreaterThan(0);
    noContractError();
  });

  it('the from-invoice item table, reached by an exact account number (the tenant has no Object Query)', async () => {
    const { user } = renderWithApp(<FromInvoicePage kind="CreditMemo" />, {
      path: '/credit-memos/new/from-invoice',
      sessionStore: tenantSession(),
    });
    await chooseAccount(user, 'A00000001', /^Test/);
    await chooseOption(user, /Invoice/, /INV-0000001/);
    const table = await screen.findByRole('table', { name: 'Invoice items' }, { timeout: 20_000 });
    expect(within(table).getAllByText(/Annual Fee/).length).toBeGreaterThan(0);
    noContractError();
  });
});

// A tenant on another version, or one that leaves null fields out, may drop or null any field the screen can do
// without (src/contract/memos.ts): the list and the detail still render, with the essentials on screen.
const LIST_ESSENTIAL = ['id', 'number', 'accountId', 'status', 'debitMemoDate', 'amount', 'balance'];
// A memo read by key also needs its currency: Zuora sends it there, and every amount of the page is in it.
const DETAIL_ESSENTIAL = [
  'id',
  'number',
  'accountId',
  'status',
  'creditMemoDate',
  'amount',
  'unappliedAmount',
  'currency',
];
const edits = (keys: string[]) =>
  fc.uniqueArray(fc.tuple(fc.constantFrom(...keys), fc.boolean()), { maxLength: keys.length, selector: ([k]) => k });
const sparse = (row: Record<string, unknown>, changes: [string, boolean][]) => {
  const copy = { ...row };
  for (const [key, drop] of changes) {
    if (drop) delete copy[key];
    else copy[key] = null;
  }
  return copy;
};
const optionalOf = (row: object, essential: string[]) =>
  Object.keys(row).filter((k) => !essential.includes(k) && k !== 'success');

describe.skipIf(!examplesPresent())('a sparse tenant: the list and the detail still render', () => {
  it('debit memo list rows without any non-essential field', async () => {
    const example = zuoraExample('get', '/v1/debit-memos') as { debitmemos: Record<string, unknown>[] };
    const optional = [...new Set(example.debitmemos.flatMap((r) => optionalOf(r, LIST_ESSENTIAL)))];
    await fc.assert(
      fc.asyncProperty(edits(optional), async (changes) => {
        tenant.setEdit((method, path, body) =>
          method === 'get' && path === '/v1/debit-memos'
            ? { ...(body as object), debitmemos: example.debitmemos.map((r) => sparse(r, changes)) }
            : body,
        );
        try {
          renderList('DebitMemo');
          const grid = await screen.findByRole('grid', { name: 'Debit memos' }, { timeout: 20_000 });
          expect(await within(grid).findByText('DM00000006', {}, { timeout: 20_000 })).toBeInTheDocument();
          noContractError();
        } finally {
          cleanup();
        }
      }),
      // Each run renders the whole list page (its grid in jsdom): a few runs, over every subset of fields in time.
      { numRuns: 4 },
    );
  }, 600_000);

  it('a credit memo detail without any non-essential field', async () => {
    const example = zuoraExample('get', '/v1/credit-memos/{creditMemoKey}') as Record<string, unknown>;
    await fc.assert(
      fc.asyncProperty(edits(optionalOf(example, DETAIL_ESSENTIAL)), async (changes) => {
        tenant.setEdit((method, path, body) =>
          method === 'get' && path === '/v1/credit-memos/{creditMemoKey}'
            ? sparse(body as Record<string, unknown>, changes)
            : body,
        );
        try {
          renderDetail('CreditMemo', CM);
          expect(await screen.findByRole('heading', { name: /CM00000012/ }, { timeout: 20_000 })).toBeInTheDocument();
          await screen.findByRole('table', { name: 'Items of CM00000012' }, { timeout: 20_000 });
          noContractError();
        } finally {
          cleanup();
        }
      }),
      { numRuns: 8 },
    );
  }, 300_000);
});

it.runIf(!examplesPresent())(
  "skips: docs/zuora/openapi/zuora-v1-memos.json (Zuora's spec with examples) is absent",
  () => {},
);
