import { screen } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApp } from '../../test/render.tsx';
import { FormDialog } from './form-dialog.tsx';
import { ReasonCodeField } from './reason-code-field.tsx';

function Dialog({ value, initial, onClose }: { value: string; initial?: string; onClose: () => void }) {
  const form = useForm({ defaultValues: { reasonCode: value } });
  return (
    <FormDialog open title="Pick" form={form} onSubmit={async () => {}} onClose={onClose}>
      <ReasonCodeField name="reasonCode" options={['Correcting invoice error', 'Write-off']} initial={initial} />
    </FormDialog>
  );
}

describe('ReasonCodeField', () => {
  it('starts an empty field on the default code without marking the form as changed', async () => {
    const onClose = vi.fn();
    const { user } = renderWithApp(<Dialog value="" initial="Write-off" onClose={onClose} />);
    expect(await screen.findByRole('combobox', { name: 'Reason Code' })).toHaveTextContent('Write-off');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(onClose).toHaveBeenCalled(); // no "Discard your changes?" first
  });

  it('keeps a code the list does not hold (an inactive one the memo carries) selectable', async () => {
    const { user } = renderWithApp(<Dialog value="Retired code" onClose={() => {}} />);
    const select = screen.getByRole('combobox', { name: 'Reason Code' });
    expect(select).toHaveTextContent('Retired code');
    await user.click(select);
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual([
      'Retired code',
      'Correcting invoice error',
      'Write-off',
    ]);
  });
});
