import { invalidValue } from '../errors.ts';
import type { FieldDef } from './fields.ts';
import { validValue, type Sort } from './grammar.ts';

// The keyset cursor: base64 of the last row's sort value and id with their order, the shape Zuora's own
// `nextPage` examples decode to (docs/zuora/tenant-read-contract.md A5). A page continues strictly after that
// row, so rows created or changed elsewhere in the order neither repeat nor shift what comes next.

export interface Position {
  /** The sort field's value on the last row (its wire text), or null. */
  value: string | null;
  id: string;
}

interface Entry {
  value: string | null;
  orderBy: { field: string; order: 'ASC' | 'DESC' };
}

const pascal = (name: string) => name[0].toUpperCase() + name.slice(1);

export function encodeCursor(sort: Sort, at: Position): string {
  const entries: Entry[] = [
    { value: at.value, orderBy: { field: pascal(sort.field.name), order: sort.order } },
    { value: at.id, orderBy: { field: 'Id', order: sort.order } },
  ];
  return Buffer.from(JSON.stringify(entries)).toString('base64');
}

/** The position a cursor stands for; refused unless it was made for this same order. */
export function decodeCursor(cursor: string, sort: Sort): Position {
  let entries: unknown;
  try {
    entries = JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(entries) || entries.length !== 2) throw invalidCursor();
  const [first, last] = entries as Entry[];
  const matches = (e: Entry, field: FieldDef | 'Id') =>
    typeof e === 'object' &&
    e !== null &&
    e.orderBy?.field === (field === 'Id' ? 'Id' : pascal(field.name)) &&
    e.orderBy.order === sort.order;
  if (!matches(first, sort.field) || !matches(last, 'Id')) throw invalidCursor();
  if (first.value !== null && (typeof first.value !== 'string' || !validValue(sort.field.type, first.value)))
    throw invalidCursor();
  if (typeof last.value !== 'string') throw invalidCursor();
  return { value: first.value, id: last.value };
}

const invalidCursor = () => invalidValue('Invalid cursor: pass the nextPage of the same query unchanged.');
