import { useEffect, useState } from 'react';
import { describe, expect, it } from 'vitest';
import { act, screen } from '@testing-library/react';
import { renderWithApp } from '../../test/render.tsx';
import { DebouncedTextField } from './debounced-text-field.tsx';

// The URL answers a commit a render or more later (a router navigation). `deliver` plays that answer, or a
// change from outside (Back, Clear filters), when the test says. Enter commits (the pause is a minute here,
// so that typing speed cannot commit on its own).
const commits: string[] = [];

function Filter({ onUrl }: { onUrl: (setUrl: (value: string) => void) => void }) {
  const [value, setValue] = useState('');
  useEffect(() => onUrl(setValue), [onUrl]);
  return <DebouncedTextField label="Account" value={value} delayMs={60_000} onCommit={(v) => commits.push(v)} />;
}

describe('DebouncedTextField', () => {
  it('keeps what was typed after a pause when its own commit comes back, and follows a change from outside', async () => {
    commits.length = 0;
    let setUrl: (value: string) => void = () => {};
    const deliver = (value: string) => act(() => setUrl(value));
    const { user } = renderWithApp(<Filter onUrl={(set) => (setUrl = set)} />);
    const field = screen.getByRole('textbox', { name: 'Account' });
    await user.type(field, 'Massive D{Enter}');
    expect(commits).toEqual(['Massive D']);
    await user.type(field, 'ynamic');
    deliver('Massive D'); // the echo of the first commit lands after the user typed on
    expect(field).toHaveValue('Massive Dynamic');
    await user.keyboard('{Enter}');
    expect(commits).toEqual(['Massive D', 'Massive Dynamic']);
    deliver('Massive Dynamic');
    expect(field).toHaveValue('Massive Dynamic');

    deliver(''); // Clear filters
    expect(field).toHaveValue('');
    deliver('Massive D'); // Back: the same value as an earlier commit, but from outside now
    expect(field).toHaveValue('Massive D');
  });
});
