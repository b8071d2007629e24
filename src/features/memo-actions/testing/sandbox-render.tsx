import type { ComponentType } from 'react';
import { vi } from 'vitest';
import type { MemoStatus } from '../../../contract/common.ts';
import { renderWithApp } from '../../../test/render.tsx';
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
  const onClose = vi.fn();
  const onSuccess = vi.fn();
  const view = renderWithApp(
    <Dialog memo={memo} onClose={onClose} onSuccess={onSuccess} searchParams={new URLSearchParams(params)} />,
  );
  return { ...view, onClose, onSuccess };
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

/** The helper text MUI ties to a field through aria-describedby: where a refused value is explained. */
export const helperOf = (input: HTMLElement) =>
  (input.getAttribute('aria-describedby') ?? '')
    .split(/\s+/)
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim();
