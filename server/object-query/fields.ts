// The vocabulary of one Object Query object: its fields (wire name, SQL expression, type, whether it can be
// filtered and sorted) and its expansions. docs/zuora/tenant-read-contract.md A4 lists which fields filter and
// sort (the same list for these objects) and which children expand; A5 the data-model names and formats.

/**
 * How a value is compared, validated and written. `id` matches lower-cased (the sandbox's ids are lower-case
 * hex); `text` matches case-insensitively through `lower()`; `enum` matches case-insensitively by mapping the
 * value onto its canonical spelling first, so the column's plain index still serves it.
 */
export type FieldType = 'id' | 'text' | 'enum' | 'number' | 'integer' | 'date' | 'timestamp' | 'boolean';

export interface FieldDef {
  /** The wire name (camelCase); filter, sort and fields[] match its lower-case form. */
  name: string;
  /** A trusted SQL expression over the object's own aliases. */
  sql: string;
  type: FieldType;
  /** In the object's filter[] and sort[] list (A4). */
  filter?: boolean;
  /** Canonical values of an `enum` field. */
  values?: readonly string[];
}

export interface ExpandDef {
  /** The key it is written under in the parent (camelCase of the expand name). */
  key: string;
  object: ObjectDef;
  /** `one`: the child whose id is the parent's `parentField`; `many`: children whose `childField` is the parent's id. */
  link: { kind: 'one'; parentField: string } | { kind: 'many'; childField: string; order: string };
}

export interface ObjectDef {
  /** What a not-found key reports ("credit memo"). */
  label: string;
  /** `from` clause with the object's aliases, and the condition every row meets. */
  from: string;
  where?: string;
  /** The id expression (tie-breaker of every order) and the number expression a `/{key}` also matches. */
  id: string;
  number?: string;
  fields: FieldDef[];
  /** The jsonb column of the object's custom fields (`…__c`, `…__NS`), written into rows as they are named. */
  custom?: string;
  /** Expand names as requested (lower-case), including documented ones the sandbox has no data for (`null`). */
  expands: Record<string, ExpandDef | null>;
}

const CUSTOM_FIELD = /^[A-Za-z][A-Za-z0-9_]*__(c|NS)$/;

/**
 * One lookup of a field by its case-insensitive name. A custom field is looked up by its exact name in the
 * object's custom-field column (the pattern keeps the name safe inside the SQL text); it filters as text.
 */
export function fieldByName(obj: ObjectDef, name: string): FieldDef | undefined {
  const standard = fieldIndex(obj).get(name.toLowerCase());
  if (standard || !obj.custom || !CUSTOM_FIELD.test(name)) return standard;
  return { name, sql: `(${obj.custom} ->> '${name}')`, type: 'text', filter: true };
}

const indexes = new WeakMap<ObjectDef, Map<string, FieldDef>>();
function fieldIndex(obj: ObjectDef): Map<string, FieldDef> {
  let index = indexes.get(obj);
  if (!index) {
    index = new Map(obj.fields.map((f) => [f.name.toLowerCase(), f]));
    indexes.set(obj, index);
  }
  return index;
}
