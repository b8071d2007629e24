import type { ReactElement } from 'react';
import { screen, waitFor, within } from '@testing-library/react';
import { expect } from 'vitest';
import type { UserEvent } from '@testing-library/user-event';
import { renderWithApp } from '../../../test/render.tsx';
import type { Sandbox } from '../../../test/sandbox-client.ts';

// Create-page tests run against the real sandbox app in-process (src/test/sandbox-client.ts): the
// accounts, catalog and invoices are the demo seed's, not mocks.

/** Renders a page at `path` inside a data router (the unsaved-changes prompt needs one). */
export const renderPage = (element: ReactElement, path: string) => renderWithApp(element, { path });

export async function chooseAccount(user: UserEvent, search: string, name: RegExp) {
  const input = screen.getByRole<HTMLInputElement>('combobox', { name: /Account/ });
  await user.type(input, search);
  // The list is replaced when the debounced search answers; click again if the first click hit a stale option.
  await waitFor(
    async () => {
      const option = screen.queryByRole('option', { name });
      if (option) await user.click(option);
      expect(input.value).toMatch(name);
    },
    { timeout: 15_000, interval: 300 },
  );
}

export async function chooseOption(user: UserEvent, label: RegExp, option: RegExp, scope: HTMLElement = document.body) {
  // A select whose options come from the server is disabled until they arrive.
  const select = within(scope).getByRole('combobox', { name: label });
  await waitFor(() => expect(select).not.toHaveAttribute('aria-disabled', 'true'), { timeout: 15_000 });
  await user.click(select);
  await user.click(await screen.findByRole('option', { name: option }, { timeout: 15_000 }));
}

/** The request bodies the page POSTed to a path (decoded JSON). */
export async function postsTo(
  s: Sandbox,
  path: RegExp,
): Promise<{ body: Record<string, unknown>; key: string | null }[]> {
  const hits = s.sent.filter((r) => r.method === 'POST' && path.test(new URL(r.url).pathname));
  return Promise.all(
    hits.map(async (r) => ({
      body: (await r.clone().json()) as Record<string, unknown>,
      key: r.headers.get('Idempotency-Key'),
    })),
  );
}
