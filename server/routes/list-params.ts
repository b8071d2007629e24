import { sql, type RawBuilder } from 'kysely';
import { isIsoDate } from '../../src/lib/dates.ts';
import type { AppContext } from '../context.ts';
import { invalidValue } from '../errors.ts';

// Query parameters of Zuora's classic v1 lists (docs/zuora/api-digest.md §2.4): page/pageSize, equality filters with
// `field=null` for strings, and `sort` with at most two fields where `-` = ascending, `+` = descending and
// no operator = descending. Bad values are refused with category 20; unknown parameters are ignored
// (Zuora documents neither behaviour: ignoring keeps clients that send extra parameters working).

export interface Paging {
  page: number;
  pageSize: number;
  offset: number;
}

const INT = /^\d+$/;

/**
 * page ≥ 1 and 1 ≤ pageSize ≤ max. Above the maximum the memo lists refuse (category 20); supporting
 * reads may `clamp` instead, because Zuora does not document which it does (docs/zuora/api-digest.md A21).
 */
export function parsePaging(c: AppContext, opts: { size: number; max: number; clamp?: boolean }): Paging {
  const rawPage = c.req.query('page');
  const rawSize = c.req.query('pageSize');
  if (rawPage !== undefined && (!INT.test(rawPage) || Number(rawPage) < 1))
    throw invalidValue(`'page' must be a positive integer: ${rawPage}`);
  if (rawSize !== undefined && (!INT.test(rawSize) || Number(rawSize) < 1))
    throw invalidValue(`'pageSize' must be a positive integer: ${rawSize}`);
  let pageSize = rawSize === undefined ? opts.size : Number(rawSize);
  if (pageSize > opts.max) {
    if (!opts.clamp) throw invalidValue(`'pageSize' must be at most ${opts.max}: ${rawSize}`);
    pageSize = opts.max;
  }
  const page = rawPage === undefined ? 1 : Number(rawPage);
  if (page > 1_000_000) throw invalidValue(`'page' is too large: ${rawPage}`);
  return { page, pageSize, offset: (page - 1) * pageSize };
}

/** The URL of the next page: this request's path and query with `page` advanced (relative, like a link). */
export function nextPageUrl(c: AppContext, paging: Paging): string {
  const url = new URL(c.req.url);
  url.searchParams.set('page', String(paging.page + 1));
  url.searchParams.set('pageSize', String(paging.pageSize));
  return `${url.pathname}?${url.searchParams.toString()}`;
}

/** `{ key: rows, nextPage?, success }` from pageSize+1 fetched rows. */
export function pageEnvelope<T>(c: AppContext, key: string, rows: T[], paging: Paging): Record<string, unknown> {
  const more = rows.length > paging.pageSize;
  return {
    [key]: more ? rows.slice(0, paging.pageSize) : rows,
    ...(more ? { nextPage: nextPageUrl(c, paging) } : {}),
    success: true,
  };
}

export interface SortKey {
  column: string;
  direction: 'asc' | 'desc';
}

/** Parses `sort=[op]field[,[op]field]` against the resource's sortable fields (API name → SQL column). */
export function parseSort(raw: string | undefined, sortable: Readonly<Record<string, string>>): SortKey[] {
  if (raw === undefined || raw.trim() === '') return [];
  const parts = raw.split(',');
  if (parts.length > 2) throw invalidValue(`'sort' accepts at most two fields: ${raw}`);
  return parts.map((part) => {
    // An unencoded `+` arrives as a space: treat it as the `+` it was meant to be.
    const m = /^([+ -]?)\s*([A-Za-z][A-Za-z0-9]*)$/.exec(part.replace(/\s+$/, '').replace(/^\s+(?=\S)/, ' '));
    if (!m) throw invalidValue(`Invalid sort expression: ${part.trim()}`);
    const column = sortable[m[2]];
    if (!column) throw invalidValue(`Cannot sort by '${m[2]}'. Sortable fields: ${Object.keys(sortable).join(', ')}`);
    return { column, direction: m[1] === '-' ? 'asc' : 'desc' };
  });
}

export type FilterType = 'string' | 'number' | 'date' | 'datetime' | 'boolean' | 'enum';

export interface FilterSpec {
  /** SQL expression of the column (trusted, from the resource's own table). */
  column: string;
  type: FilterType;
  values?: readonly string[];
  /** `field=null` matches null values (string-typed and nullable date fields). */
  nullable?: boolean;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}$/;

/** Validates one filter value; returns the SQL condition. */
export function filterCondition(name: string, raw: string, spec: FilterSpec): RawBuilder<boolean> {
  const col = sql.raw(spec.column);
  if (raw === 'null' && (spec.nullable || spec.type === 'string')) return sql<boolean>`${col} is null`;
  switch (spec.type) {
    case 'number':
      if (!NUMBER.test(raw)) throw invalidValue(`'${name}' must be a number: ${raw}`);
      return sql<boolean>`${col} = ${raw}::numeric`;
    case 'date':
      if (!isIsoDate(raw)) throw invalidValue(`'${name}' must be a date (yyyy-mm-dd): ${raw}`);
      return sql<boolean>`${col} = ${raw}::date`;
    case 'datetime':
      if (!DATETIME.test(raw)) throw invalidValue(`'${name}' must be a date-time (yyyy-mm-dd hh:mm:ss): ${raw}`);
      return sql<boolean>`${col} = ${raw.replace('T', ' ')}::timestamp`;
    case 'boolean':
      if (raw !== 'true' && raw !== 'false') throw invalidValue(`'${name}' must be true or false: ${raw}`);
      return sql<boolean>`${col} = ${raw === 'true'}`;
    case 'enum':
      if (!spec.values?.includes(raw)) throw invalidValue(`'${name}' must be one of: ${spec.values?.join(', ')}`);
      return sql<boolean>`${col} = ${raw}`;
    default:
      return sql<boolean>`${col} = ${raw}`;
  }
}

/** Conditions for every filter parameter present in the request (one value per field, AND-combined). */
export function filterConditions(c: AppContext, specs: Readonly<Record<string, FilterSpec>>): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  for (const [name, spec] of Object.entries(specs)) {
    const raw = c.req.query(name);
    if (raw !== undefined) out.push(filterCondition(name, raw, spec));
  }
  return out;
}

export const parseNumberParam = (name: string, raw: string) => {
  if (!NUMBER.test(raw)) throw invalidValue(`'${name}' must be a number: ${raw}`);
  return raw;
};
export const parseDateParam = (name: string, raw: string) => {
  if (!isIsoDate(raw)) throw invalidValue(`'${name}' must be a date (yyyy-mm-dd): ${raw}`);
  return raw;
};
/** Escapes LIKE wildcards so user text matches literally. */
export const likeContains = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
