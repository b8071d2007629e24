import { useEffect, useRef, useState } from 'react';
import TextField, { type TextFieldProps } from '@mui/material/TextField';

type Props = Omit<TextFieldProps, 'value' | 'onChange'> & {
  value: string;
  onCommit: (value: string) => void;
  delayMs?: number;
  /** Why a typed value is refused (shown at the field, never committed), or undefined when it is fine. */
  problem?: (value: string) => string | undefined;
};

/**
 * A text filter that writes to the URL after the user pauses (or on Enter/blur), not per keystroke.
 * When the URL changes from outside (back/forward, clear filters) the field follows it; the echo of the
 * field's own commit does not, because the user may have typed on since (the URL answers a render or more
 * later: "Massive D", pause, "ynamic" must not come back as "Massive Dnamic"). A value `problem`
 * refuses stays in the field with its reason and the URL keeps the last good one, so the rows never
 * silently disagree with what the field shows.
 */
export function DebouncedTextField({ value, onCommit, delayMs = 400, problem, helperText, ...rest }: Props) {
  const [draft, setDraft] = useState(value);
  const [synced, setSynced] = useState(value);
  const [echo, setEcho] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  if (value !== synced) {
    setSynced(value);
    if (value === echo) setEcho(undefined);
    else setDraft(value);
  }
  useEffect(() => () => clearTimeout(timer.current), []);

  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v.trim() === value || problem?.(v.trim())) return;
    setEcho(v.trim());
    onCommit(v.trim());
  };
  const refused = problem?.(draft.trim());

  return (
    <TextField
      {...rest}
      value={draft}
      error={Boolean(refused)}
      helperText={refused ?? helperText}
      onChange={(e) => {
        const v = e.target.value;
        setDraft(v);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(v), delayMs);
      }}
      onBlur={() => commit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(draft);
      }}
    />
  );
}
