import { act, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../test/render.tsx';
import { ActionSnackbar, type ActionNotice } from './action-snackbar.tsx';

const POSTED = 'Posted credit memo CM1.';
const APPLIED = 'Applied $10.83 of CM1 to 1 document.';

/** A page that confirms two actions one after the other, as the detail page does after Post, then Apply. */
function Host() {
  const [notice, setNotice] = useState<ActionNotice | null>(null);
  return (
    <>
      <button onClick={() => setNotice({ message: POSTED })}>Post</button>
      <button onClick={() => setNotice({ message: APPLIED })}>Apply</button>
      <ActionSnackbar notice={notice} onClose={() => setNotice(null)} />
    </>
  );
}

// Fake timers for the eight seconds; the clicks are the DOM's own (userEvent would wait on real timers).
const press = (name: string) => act(() => screen.getByRole('button', { name }).click());
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

afterEach(() => vi.useRealTimers());

describe('ActionSnackbar', () => {
  it('gives a notice that replaces another its own eight seconds', () => {
    vi.useFakeTimers();
    renderWithApp(<Host />);
    press('Post');
    wait(6_000);
    press('Apply');
    wait(5_000); // eleven seconds after the first notice, five after this one
    expect(screen.getByRole('alert')).toHaveTextContent(APPLIED);
    wait(4_000);
    expect(screen.queryByText(APPLIED)).toBeNull();
  });
});
