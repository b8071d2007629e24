import { cleanup, screen, waitFor } from '@testing-library/react';
import { FormProvider, useForm } from 'react-hook-form';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { typeDate } from '../../test/user-input.ts';
import { DateField } from './date-field.tsx';

interface Values {
  day: string;
}

function Form({ initial, onSubmit }: { initial: string; onSubmit: (values: Values) => void }) {
  const form = useForm<Values>({ defaultValues: { day: initial }, mode: 'all' });
  return (
    <FormProvider {...form}>
      <form noValidate onSubmit={(e) => void form.handleSubmit(onSubmit)(e)}>
        <DateField<Values> name="day" label="Day" required={false} />
        <button type="button" onClick={() => form.reset({ day: '2025-01-02' })}>
          Reset
        </button>
        <button type="submit">Submit</button>
      </form>
    </FormProvider>
  );
}

/** The yyyy-mm-dd the field shows (its sections, as its hidden input carries them). */
const shown = () =>
  screen.getByRole('group', { name: 'Day' }).parentElement!.querySelector<HTMLInputElement>('input[name="day"]')!.value;

function setup(initial: string) {
  const onSubmit = vi.fn<(values: Values) => void>();
  const view = renderWithApp(<Form initial={initial} onSubmit={onSubmit} />);
  const submitted = async () => {
    await view.user.click(screen.getByRole('button', { name: 'Submit' }));
    await waitFor(() => expect(onSubmit).toHaveBeenCalled());
    return onSubmit.mock.lastCall![0].day;
  };
  return { ...view, submitted };
}

describe('DateField', () => {
  afterEach(cleanup);

  // The form value is '' while the date is incomplete or invalid; the field must keep what was typed so far
  // (the picker was once reset to the form's '' mid-typing and lost the sections already typed).
  it.each([
    ['an empty field', ''],
    ['a leap day (typing the year passes through invalid dates: 0002-02-29, 0202-02-29, 2026-02-29)', '2024-02-29'],
  ])('keeps a date typed digit by digit over %s, and submits it', async (_, initial) => {
    const { user, submitted } = setup(initial);
    await typeDate(user, 'Day', '2026-12-03');
    expect(shown()).toBe('2026-12-03');
    expect(await submitted()).toBe('2026-12-03');
  });

  it('clears: an emptied field submits ""', async () => {
    const { user, submitted } = setup('2026-12-03');
    const [year] = screen.getAllByRole('spinbutton');
    await user.click(year);
    await user.keyboard('{Control>}a{/Control}{Delete}');
    expect(shown()).toBe('');
    expect(await submitted()).toBe('');
  });

  it('shows its default, and a value set from outside (reset) even after a partly typed date', async () => {
    const { user, submitted } = setup('2026-12-03');
    expect(shown()).toBe('2026-12-03');
    const [year] = screen.getAllByRole('spinbutton');
    await user.click(year);
    await user.keyboard('{Control>}a{/Control}{Delete}');
    await user.tab();
    await typeDate(user, 'Day', '2026-1');
    expect(shown()).toBe('2026-01-DD');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    await waitFor(() => expect(shown()).toBe('2025-01-02'));
    expect(await submitted()).toBe('2025-01-02');
  });
});
