import { useState } from 'react';
import type { ColumnVisibility } from './memo-table.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

export type { ColumnVisibility };

/** A column the model does not name is shown: the grid's rule, and the export's. */
export const isColumnShown = (model: ColumnVisibility, id: string) => model[id] !== false;

// Which columns a user shows is a personal preference, not part of a shared link: localStorage.
export const DEFAULT_HIDDEN: ColumnVisibility = {
  taxAmount: false,
  reasonCode: false,
  sourceType: false,
  referredInvoiceId: false,
  postedOn: false,
};

export function useColumnVisibility(kind: MemoKind): [ColumnVisibility, (m: ColumnVisibility) => void] {
  const key = `cdm.columns.${kind}`;
  const [byKind, setByKind] = useState<Partial<Record<MemoKind, ColumnVisibility>>>({});
  const model = byKind[kind] ?? read(key);
  return [
    model,
    (m) => {
      setByKind((s) => ({ ...s, [kind]: m }));
      try {
        localStorage.setItem(key, JSON.stringify(m));
      } catch {
        /* storage full or blocked: the choice lasts for this visit only */
      }
    },
  ];
}

function read(key: string): ColumnVisibility {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'boolean'))
      return parsed as ColumnVisibility;
  } catch {
    /* ignore a corrupt value */
  }
  return DEFAULT_HIDDEN;
}
