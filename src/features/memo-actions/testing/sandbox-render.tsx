import type { ComponentType } from 'react';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ThemeProvider, createTheme } from '@mui/material/styles';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { MemoStatus } from '../../../contract/common.ts';
import type { Sandbox } from '../../../test/sandbox-client.ts';
import type { MemoOfKind } from '../../../api/memos/detail.ts';
import type { MemoDialogProps } from '../dialog-types.ts';

// Dialog tests: memos from the sandbox's demo seed (see src/test/sandbox-client.ts), and a render
// that passes the dialog's URL parameters (Edit item reads `itemId`).

export function renderDialog(
  Dialog: ComponentType<MemoDialogProps>,
  memo: MemoOfKind,
  params: Record<string, string> = {},
) {
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 30_000 }, mutations: { retry: false } },
  });
  const onClose = vi.fn();
  const onSuccess = vi.fn();
  const user = userEvent.setup();
  const view = render(
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={createTheme()}>
        <MemoryRouter>
          <Dialog memo={memo} onClose={onClose} onSuccess={onSuccess} searchParams={new URLSearchParams(params)} />
        </MemoryRouter>
      </ThemeProvider>
    </QueryClientProvider>,
  );
  return { ...view, queryClient, onClose, onSuccess, user };
}

/** Finds a memo of a status through the sandbox API (the same data the dialog sees). */
export async function memoWithStatus<K extends MemoOfKind['kind']>(
  s: Sandbox,
  kind: K,
  status: MemoStatus,
  pick: (m: Record<string, unknown>) => boolean = () => true,
): Promise<Extract<MemoOfKind, { kind: K }>> {
  const path = kind === 'CreditMemo' ? '/v1/credit-memos' : '/v1/debit-memos';
  const key = kind === 'CreditMemo' ? 'creditmemos' : 'debitmemos';
  for (let page = 1; page <= 20; page++) {
    const r = await s.h.call('GET', `${path}?status=${status}&pageSize=40&page=${page}`);
    const hit = ((r.body?.[key] ?? []) as Record<string, unknown>[]).find(pick);
    if (hit) return { kind, memo: hit } as Extract<MemoOfKind, { kind: K }>;
    if (!r.body?.nextPage) break;
  }
  throw new Error(`no ${status} ${kind} in the demo seed matches`);
}

/** A Posted memo: what the settlement dialogs work on. */
export const findMemo = <K extends MemoOfKind['kind']>(
  s: Sandbox,
  kind: K,
  pick: (m: Record<string, unknown>) => boolean,
) => memoWithStatus(s, kind, 'Posted', pick);

/** The hidden input that carries a MUI X date field's value (its visible part is a group of sections). */
export function dateInput(name: string): HTMLInputElement {
  const input = document.body.querySelector<HTMLInputElement>(`input[name="${name}"]`);
  if (!input) throw new Error(`no date input named ${name}`);
  return input;
}

/** The helper text MUI ties to a field through aria-describedby: where a refused value is explained. */
export const helperOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
