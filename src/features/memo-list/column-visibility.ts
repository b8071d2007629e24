import { useState } from 'react';
import type { GridColumnVisibilityModel } from '@mui/x-data-grid';
import type { MemoKind } from '../../lib/memo-kind.ts';

/** Column id → shown; a column the model does not name is shown (the grid's rule, and the export's). */
export type ColumnVisibility = Readonly<Record<string, boolean>>;
export const isColumnShown = (model: ColumnVisibility, id: string) => model[id] !== false;

// Which columns a user shows is a personal preference, not part of a shared link: localStorage.
export const DEFAULT_HIDDEN: GridColumnVisibilityModel = {
  taxAmount: false,
  reasonCode: false,
  sourceType: false,
  referredInvoiceId: false,
  postedOn: false,
};

export function useColumnVisibility(
  kind: MemoKind,
): [GridColumnVisibilityModel, (m: GridColumnVisibilityModel) => void] {
  const key = `cdm.columns.${kind}`;
  const [byKind, setByKind] = useState<Partial<Record<MemoKind, GridColumnVisibilityModel>>>({});
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

function read(key: string): GridColumnVisibilityModel {
  try {
    const raw = localStorage.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : null;
    if (parsed && typeof parsed === 'object' && Object.values(parsed).every((v) => typeof v === 'boolean'))
      return parsed as GridColumnVisibilityModel;
  } catch {
    /* ignore a corrupt value */
  }
  return DEFAULT_HIDDEN;
}
