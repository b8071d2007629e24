import { toWire } from '../../src/lib/money.ts';
import type { FieldDef } from './fields.ts';

// A selected row in Object Query's wire format: data-model names in camelCase, amounts as JSON numbers,
// dates `yyyy-mm-dd`, timestamps ISO-8601 with offset (formatted by the SQL), and null fields left out
// unless `includeNullFields=true` (docs/zuora/tenant-read-contract.md A3, A5).

export type Row = Record<string, unknown>;
export type WireObject = Record<string, unknown>;

export function serializeRow(row: Row, fields: FieldDef[], includeNullFields: boolean): WireObject {
  const out: WireObject = {};
  for (const f of fields) {
    const v = row[f.name];
    if (v === null || v === undefined) {
      if (includeNullFields) out[f.name] = null;
      continue;
    }
    out[f.name] = f.type === 'number' ? toWire(v as string) : f.type === 'integer' ? Number(v) : v;
  }
  // Every custom field when no fields[] chose (`__custom` is selected only then).
  const custom = row.__custom as Record<string, unknown> | undefined;
  if (custom) for (const [k, v] of Object.entries(custom)) if (v !== null || includeNullFields) out[k] = v;
  return out;
}
