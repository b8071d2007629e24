import { Suspense, type ComponentType } from 'react';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { MemoDialogProps } from './dialog-types.ts';
import { MEMO_DIALOGS, prefetchDialogs } from './dialog-registry.ts';
import { debitMemo } from '../../test/test-memos.ts';
import { renderDialog } from './testing/sandbox-render.tsx';

// A dialog whose chunk has arrived must render in the click's own pass: a Suspense fallback, once shown,
// stays up for at least 300 ms in React 19 (measured by scripts/bench-ui.ts as the dialog open time).

const memo = { kind: 'DebitMemo' as const, memo: debitMemo('Draft') };
const withFallback = (Dialog: ComponentType<MemoDialogProps>) =>
  function Host(props: MemoDialogProps) {
    return (
      <Suspense fallback={<p>Opening dialog</p>}>
        <Dialog {...props} />
      </Suspense>
    );
  };

describe('dialog registry', () => {
  it('shows the fallback while a dialog chunk is still on its way', async () => {
    renderDialog(withFallback(MEMO_DIALOGS.post!), memo);
    expect(screen.getByText('Opening dialog')).toBeInTheDocument();
    await screen.findByRole('dialog', { name: 'Post Debit Memo' });
  });

  it('opens a prefetched dialog without a fallback on its first opening', async () => {
    prefetchDialogs(['cancel']);
    await import('./cancel-dialog.tsx');
    await new Promise((r) => setTimeout(r, 0));
    renderDialog(withFallback(MEMO_DIALOGS.cancel!), memo);
    expect(screen.queryByText('Opening dialog')).toBeNull();
    expect(screen.getByRole('dialog')).toBeInTheDocument();
  });
});
