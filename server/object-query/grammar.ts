import { isIsoDate } from '../../src/lib/dates.ts';
import { invalidValue } from '../errors.ts';
import { fieldByName, type FieldDef, type FieldType, type ObjectDef } from './fields.ts';
import { invalidQuery } from './errors.ts';

// The query grammar of Object Query (docs/zuora/tenant-read-contract.md A3): pageSize, cursor,
// `filter[]=field.OP:value` (AND-ed), one `sort[]=field.ASC|DESC`, `expand[]`, `fields[]` and
// `<expand>.fields[]`, `includeNullFields`. Field names, operators and directions are case-insensitive.
// A bad filter, sort, expand or fields value is refused with category 27 (A6).

export type Op = 'EQ' | 'NE' | 'LT' | 'GT' | 'LE' | 'GE' | 'SW' | 'IN';

/** A filter value, checked against its field's type: a string, or `null` for `EQ:null` / `NE:null`. */
export type FilterValue = string | null;

export interface Filter {
  field: FieldDef;
  op: Op;
  /** One value, or several for IN. */
  values: FilterValue[];
}

export interface Sort {
  field: FieldDef;
  order: 'ASC' | 'DESC';
}

export interface ParsedQuery {
  pageSize: number;
  cursor?: string;
  filters: Filter[];
  sort?: Sort;
  /** Requested expansions (lower-case names, validated against the object). */
  expand: string[];
  /** `fields[]` of the object itself (undefined: every field) and of each expansion, by expand name. */
  fields?: FieldDef[];
  expandFields: Map<string, string[]>;
  includeNullFields: boolean;
}

/** The request's query parameters as Hono gives them: one value, or every value of a repeated name. */
export interface QueryParams {
  one(name: string): string | undefined;
  all(name: string): string[];
  names(): string[];
}

const OPS_BY_TYPE: Record<FieldType, readonly Op[]> = {
  id: ['EQ', 'NE', 'IN', 'SW'],
  text: ['EQ', 'NE', 'IN', 'SW'],
  enum: ['EQ', 'NE', 'IN', 'SW'],
  number: ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'IN'],
  integer: ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'IN'],
  date: ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'IN'],
  timestamp: ['EQ', 'NE', 'LT', 'GT', 'LE', 'GE', 'IN'],
  boolean: ['EQ', 'NE'],
};

const NUMBER = /^-?\d+(\.\d+)?$/;
const INTEGER = /^-?\d+$/;
// ISO-8601 date or date-time; an offset's `+` may arrive decoded as a space (an unencoded `+` in a query).
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\- ]\d{2}:?\d{2})?)?$/i;
/** The value Zuora documents for an empty string (`%02%03`), `EQ:''` being unsupported (A3). */
const EMPTY_STRING = '\u0002\u0003';

export function parseQuery(obj: ObjectDef, params: QueryParams): ParsedQuery {
  const rawSize = params.one('pageSize');
  const pageSize = rawSize === undefined ? 10 : Number(rawSize);
  if (!/^\d+$/.test(rawSize ?? '10') || pageSize < 1 || pageSize > 99)
    throw invalidValue(`pageSize must be an integer between 1 and 99: ${rawSize}`);
  const cursor = params.one('cursor');
  const rawNulls = params.one('includeNullFields');
  if (rawNulls !== undefined && !/^(true|false)$/i.test(rawNulls))
    throw invalidValue(`includeNullFields must be true or false: ${rawNulls}`);

  const expand = params
    .all('expand[]')
    .flatMap(splitList)
    .map((e) => e.toLowerCase());
  for (const e of expand) if (!(e in obj.expands)) throw invalidQuery(`Invalid expand parameter: ${e}`);

  const expandFields = new Map<string, string[]>();
  for (const name of params.names()) {
    const m = /^(.+)\.fields\[\]$/i.exec(name);
    if (!m) continue;
    const key = m[1].toLowerCase();
    const child = obj.expands[key];
    if (child === undefined) throw invalidQuery(`Invalid fields parameter: ${name}`);
    const names = params.all(name).flatMap(splitList);
    if (child) for (const n of names) if (!fieldByName(child.object, n)) throw invalidQuery(`Invalid field: ${n}`);
    expandFields.set(key, names);
  }

  const fieldNames = params.all('fields[]').flatMap(splitList);
  const fields = fieldNames.length ? fieldNames.map((n) => fieldByName(obj, n) ?? failField(n)) : undefined;

  return {
    pageSize,
    cursor: cursor === '' ? undefined : cursor,
    filters: params.all('filter[]').map((raw) => parseFilter(obj, raw)),
    sort: parseSort(obj, params.all('sort[]')),
    expand,
    fields,
    expandFields,
    includeNullFields: rawNulls?.toLowerCase() === 'true',
  };
}

const splitList = (raw: string) =>
  raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

function failField(name: string): never {
  throw invalidQuery(`Invalid field: ${name}`);
}

function parseFilter(obj: ObjectDef, raw: string): Filter {
  const m = /^([A-Za-z0-9_]+)\.([A-Za-z]{2}):(.*)$/s.exec(raw);
  if (!m) throw invalidQuery(`Invalid filter parameter: ${raw}`);
  const field = fieldByName(obj, m[1]);
  if (!field?.filter) throw invalidQuery(`Invalid filter parameter: ${m[1]}`);
  const op = m[2].toUpperCase() as Op;
  if (!OPS_BY_TYPE[field.type].includes(op))
    throw invalidQuery(`Invalid filter parameter: the operator ${m[2]} does not apply to ${m[1]}`);
  const rawValue = m[3];
  if (op === 'IN') {
    const inner = /^\[(.*)\]$/s.exec(rawValue)?.[1] ?? rawValue;
    const values = splitList(inner).map((v) => checkValue(field, v, raw));
    if (values.length === 0) throw invalidQuery(`Invalid filter parameter: ${raw}`);
    return { field, op, values };
  }
  if (rawValue.toLowerCase() === 'null') {
    if (op !== 'EQ' && op !== 'NE') throw invalidQuery(`Invalid filter parameter: ${raw}`);
    return { field, op, values: [null] };
  }
  if (op === 'SW' && rawValue === '') throw invalidQuery(`Invalid filter parameter: ${raw}`);
  return { field, op, values: [checkValue(field, rawValue, raw)] };
}

function checkValue(field: FieldDef, value: string, raw: string): string {
  if (value === '') throw invalidQuery(`Invalid filter parameter: ${raw} (an empty string is written %02%03)`);
  if (!validValue(field.type, value)) throw invalidQuery(`Invalid filter parameter: ${raw}`);
  switch (field.type) {
    case 'timestamp':
      return value.replace(/ (\d{2}:?\d{2})$/, '+$1');
    case 'boolean':
      return value.toLowerCase();
    default:
      return value === EMPTY_STRING ? '' : value;
  }
}

/** Whether a value (of a filter, or of a cursor) can be compared with a field of this type. */
export function validValue(type: FieldType, value: string): boolean {
  switch (type) {
    case 'number':
      return NUMBER.test(value);
    case 'integer':
      return INTEGER.test(value) && value.length < 10;
    case 'date':
      return isIsoDate(value);
    case 'timestamp':
      return TIMESTAMP.test(value) && isIsoDate(value.slice(0, 10));
    case 'boolean':
      return /^(true|false)$/i.test(value);
    default:
      return true;
  }
}

function parseSort(obj: ObjectDef, raw: string[]): Sort | undefined {
  const parts = raw.flatMap(splitList);
  if (parts.length === 0) return undefined;
  if (parts.length > 1) throw invalidQuery('Invalid sort parameter: only one sort field is allowed.');
  const m = /^([A-Za-z0-9_]+)\.(asc|desc)$/i.exec(parts[0]);
  const field = m ? fieldByName(obj, m[1]) : undefined;
  if (!m || !field?.filter) throw invalidQuery(`Invalid sort parameter: ${parts[0]}`);
  return { field, order: m[2].toUpperCase() as 'ASC' | 'DESC' };
}
