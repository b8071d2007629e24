import { within } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

// What a person does to a field, through user-event (real focus, keys and clipboard), never a synthetic
// change event: tests then see the same validation timing as a user does.

/** Replaces what a text or native date field holds: clear it, then paste (a 256-character comment typed key by key adds nothing but time). */
export async function fill(user: UserEvent, field: HTMLElement, value: string) {
  await user.clear(field);
  if (value) await user.paste(value);
}

/**
 * Types a yyyy-mm-dd date into the MUI X date field labelled `label`, section by section (year, month,
 * day), as a keyboard user does; the field moves to the next section by itself.
 */
export async function typeDate(user: UserEvent, label: string, value: string, scope: HTMLElement = document.body) {
  const group = within(scope).getByRole('group', { name: new RegExp(`^${label}`) });
  const [year] = within(group).getAllByRole('spinbutton');
  await user.click(year);
  // One key at a time, each handled before the next, as a person types (not a burst within one task).
  for (const digit of value.replace(/-/g, '')) await user.keyboard(digit);
}
