import { useEffect } from 'react';
import MenuItem from '@mui/material/MenuItem';
import { useFormContext, useWatch, type FieldValues, type Path, type PathValue } from 'react-hook-form';
import { defaultReasonCode, useReasonCodes } from '../../api/reason-codes.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { FormTextField } from './form-text-field.tsx';

/** Reason code picker; starts on the kind's default code without marking the form as changed. */
export function ReasonCodeField<T extends FieldValues & { reasonCode: string }>({ kind }: { kind: MemoKind }) {
  const codes = useReasonCodes(kind);
  const { resetField, control } = useFormContext<T>();
  const current = useWatch({ control, name: 'reasonCode' as Path<T> }) as string;
  const fallback = defaultReasonCode(codes.data);
  useEffect(() => {
    if (!current && fallback) resetField('reasonCode' as Path<T>, { defaultValue: fallback as PathValue<T, Path<T>> });
  }, [current, fallback, resetField]);
  return (
    <FormTextField<T>
      name={'reasonCode' as Path<T>}
      label="Reason Code"
      select
      fullWidth
      helperText={codes.isError ? 'Reason codes could not be loaded; Zuora uses the default.' : undefined}
    >
      {(codes.data ?? []).map((c) => (
        <MenuItem key={c.name} value={c.name}>
          {c.name}
        </MenuItem>
      ))}
      {current && !(codes.data ?? []).some((c) => c.name === current) && <MenuItem value={current}>{current}</MenuItem>}
    </FormTextField>
  );
}
