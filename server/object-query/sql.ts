import { sql, type RawBuilder } from 'kysely';
import type { FieldDef, FieldType } from './fields.ts';
import type { Filter, Sort } from './grammar.ts';
import type { Position } from './cursor.ts';

// SQL fragments of the grammar: one filter clause, the keyset condition after a cursor, the order, and the
// select-list expression of a field in its wire format. Values are always bound parameters; field
// expressions come from the trusted tables of objects.ts.

/** A bound value cast to the field's SQL type. Timestamps arrive as ISO-8601 with an offset and are compared
 * in the session's local time, the time the sandbox's `timestamp` columns are written in. */
function param(type: FieldType, value: string): RawBuilder<unknown> {
  switch (type) {
    case 'number':
      return sql`${value}::numeric`;
    case 'integer':
      return sql`${value}::int`;
    case 'date':
      return sql`${value}::date`;
    case 'timestamp':
      return sql`${value}::timestamptz::timestamp`;
    case 'boolean':
      return sql`${value}::boolean`;
    default:
      return sql`${value}::text`;
  }
}

/** Case-insensitive matching (docs/zuora/tenant-read-contract.md A3): `text` through lower(), `id` and `enum`
 * by normalising the value, which keeps plain indexes usable. */
function matchSide(field: FieldDef): { column: RawBuilder<unknown>; value: (v: string) => string } {
  const col = sql.raw(field.sql);
  switch (field.type) {
    case 'text':
      return { column: sql`lower(${col})`, value: (v) => v.toLowerCase() };
    case 'id':
      return { column: col, value: (v) => v.toLowerCase() };
    case 'enum':
      return { column: col, value: (v) => field.values?.find((x) => x.toLowerCase() === v.toLowerCase()) ?? v };
    default:
      return { column: col, value: (v) => v };
  }
}

const COMPARATORS = { EQ: '=', LT: '<', GT: '>', LE: '<=', GE: '>=' } as const;

export function filterSql({ field, op, values }: Filter): RawBuilder<boolean> {
  const col = sql.raw(field.sql);
  if (values[0] === null) return op === 'EQ' ? sql<boolean>`${col} is null` : sql<boolean>`${col} is not null`;
  const { column, value } = matchSide(field);
  const bound = (v: string | null) => param(field.type, value(v!));
  switch (op) {
    case 'IN':
      return sql<boolean>`${column} in (${sql.join(values.map(bound))})`;
    case 'NE':
      // A null is "not equal" to a value: Zuora's NE keeps rows where the field is empty.
      return sql<boolean>`${column} is distinct from ${bound(values[0])}`;
    case 'SW': {
      const prefix = value(values[0]!).replace(/[\\%_]/g, (ch) => `\\${ch}`);
      const subject = field.type === 'enum' ? sql`lower(${col})` : column;
      return sql<boolean>`${subject} like ${`${field.type === 'enum' ? prefix.toLowerCase() : prefix}%`}`;
    }
    default:
      return sql<boolean>`${column} ${sql.raw(COMPARATORS[op])} ${bound(values[0])}`;
  }
}

/**
 * Rows strictly after `at` in the order `sort, id` (same direction). PostgreSQL puts nulls first in a
 * descending order and last in an ascending one, so a null sort value sits at the start or the end.
 */
export function afterSql(sort: Sort, idSql: string, at: Position): RawBuilder<boolean> {
  const col = sql.raw(sort.field.sql);
  const id = sql.raw(idSql);
  if (sort.order === 'DESC') {
    if (at.value === null) return sql<boolean>`((${col} is null and ${id} < ${at.id}) or ${col} is not null)`;
    return sql<boolean>`(${col}, ${id}) < (${param(sort.field.type, at.value)}, ${at.id})`;
  }
  if (at.value === null) return sql<boolean>`(${col} is null and ${id} > ${at.id})`;
  return sql<boolean>`((${col}, ${id}) > (${param(sort.field.type, at.value)}, ${at.id}) or ${col} is null)`;
}

export function orderSql(sort: Sort, idSql: string): RawBuilder<unknown> {
  const dir = sql.raw(sort.order === 'DESC' ? 'desc' : 'asc');
  return sql`${sql.raw(sort.field.sql)} ${dir}, ${sql.raw(idSql)} ${dir}`;
}

/** A timestamp as ISO-8601 with the offset of the session's time zone (A5: `2024-08-19T23:14:11-07:00`). */
const isoTimestamp = (expr: string) => `to_char((${expr})::timestamptz, 'YYYY-MM-DD"T"HH24:MI:SSTZH:TZM')`;

/** The field in its wire format, as text for the cursor or typed for the row (trusted SQL text). */
export function outputSql(field: FieldDef, asText = false): string {
  if (field.type === 'timestamp') return isoTimestamp(field.sql);
  return asText ? `(${field.sql})::text` : field.sql;
}

const selectLists = new WeakMap<FieldDef[], RawBuilder<unknown>>();

/**
 * `expr as "name", …` for these fields, as one trusted fragment: composing forty small fragments per request
 * cost more than running the query. Cached per field list (an object's own list is one array).
 */
export function selectListSql(fields: FieldDef[]): RawBuilder<unknown> {
  let list = selectLists.get(fields);
  if (!list) {
    list = sql.raw(fields.map((f) => `${outputSql(f)} as "${f.name}"`).join(', '));
    selectLists.set(fields, list);
  }
  return list;
}
