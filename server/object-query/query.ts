import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../db/connect.ts';
import { notFound } from '../errors.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { fieldByName, type ExpandDef, type FieldDef, type ObjectDef } from './fields.ts';
import type { ParsedQuery, Sort } from './grammar.ts';
import { serializeRow, type Row, type WireObject } from './serialize.ts';
import { afterSql, filterSql, orderSql, outputSql, selectListSql } from './sql.ts';

// Runs a parsed query: one SQL statement for the page (pageSize + 1 rows, so the last page needs no count),
// then one per requested expansion for the whole page. Internal columns start with `__` and never reach
// the wire.

type Executor = Kysely<unknown>;

export interface ListResult {
  nextPage?: string;
  data: WireObject[];
}

/** The default order decoded from Zuora's own cursor examples: `UpdatedDate DESC, Id DESC` (A3). */
function sortOf(obj: ObjectDef, q: ParsedQuery): Sort {
  return q.sort ?? { field: fieldByName(obj, 'updatedDate')!, order: 'DESC' };
}

export async function listObjects(db: Database, obj: ObjectDef, q: ParsedQuery): Promise<ListResult> {
  const sort = sortOf(obj, q);
  const where: RawBuilder<boolean>[] = q.filters.map(filterSql);
  if (q.cursor !== undefined) where.push(afterSql(sort, obj.id, decodeCursor(q.cursor, sort)));
  const rows = await selectRows(db, obj, q, where, {
    order: orderSql(sort, obj.id),
    limit: q.pageSize + 1,
    extra: [sql.raw(`${outputSql(sort.field, true)} as "__sort"`)],
  });
  const page = rows.slice(0, q.pageSize);
  const data = await withExpansions(db, obj, q, page);
  const last = page.at(-1);
  if (rows.length <= q.pageSize || !last) return { data };
  return { nextPage: encodeCursor(sort, { value: last.__sort as string | null, id: last.__id as string }), data };
}

/** `/{key}`: one object by id or number, its expanded children cut at pageSize. */
export async function objectByKey(db: Database, obj: ObjectDef, q: ParsedQuery, key: string): Promise<WireObject> {
  const byKey = obj.number
    ? sql<boolean>`(${sql.raw(obj.id)} = ${key} or ${sql.raw(obj.number)} = ${key})`
    : sql<boolean>`${sql.raw(obj.id)} = ${key}`;
  const rows = await selectRows(db, obj, q, [byKey], { limit: 1 });
  if (rows.length === 0) throw notFound(obj.label, key);
  return (await withExpansions(db, obj, q, rows))[0];
}

interface SelectOptions {
  order?: RawBuilder<unknown>;
  limit: number;
  extra?: RawBuilder<unknown>[];
}

async function selectRows(
  db: Database,
  obj: ObjectDef,
  q: ParsedQuery,
  where: RawBuilder<boolean>[],
  opts: SelectOptions,
): Promise<Row[]> {
  const links = q.expand
    .map((e) => obj.expands[e])
    .filter((x): x is ExpandDef => Boolean(x) && x!.link.kind === 'one')
    .map((x) => {
      const field = fieldByName(obj, (x.link as { parentField: string }).parentField)!;
      return sql`${sql.raw(field.sql)} as ${sql.ref(`__p_${x.key}`)}`;
    });
  const columns = [
    selectListSql(q.fields ?? obj.fields),
    sql`${sql.raw(obj.id)} as "__id"`,
    ...(obj.custom && !q.fields ? [sql`${sql.raw(obj.custom)} as "__custom"`] : []),
    ...links,
    ...(opts.extra ?? []),
  ];
  const conditions = [...(obj.where ? [sql.raw<boolean>(obj.where)] : []), ...where];
  const query = sql<Row>`select ${sql.join(columns)} from ${sql.raw(obj.from)}
    ${conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``}
    ${opts.order ? sql`order by ${opts.order}` : sql``} limit ${opts.limit}`;
  return (await query.execute(db as unknown as Executor)).rows;
}

async function withExpansions(db: Database, obj: ObjectDef, q: ParsedQuery, rows: Row[]): Promise<WireObject[]> {
  const out = rows.map((r) => serializeRow(r, q.fields ?? obj.fields, q.includeNullFields));
  for (const name of new Set(q.expand)) {
    const exp = obj.expands[name];
    if (!exp || rows.length === 0) continue;
    const childFields = childFieldsOf(exp, q.expandFields.get(name));
    if (exp.link.kind === 'one') {
      const keys = [...new Set(rows.map((r) => r[`__p_${exp.key}`]).filter((v): v is string => typeof v === 'string'))];
      const children = keys.length ? await childRows(db, exp, childFields, exp.object.id, keys) : [];
      const byId = new Map(children.map((c) => [c.__link as string, c]));
      rows.forEach((r, i) => {
        const child = byId.get(r[`__p_${exp.key}`] as string);
        if (child) out[i][exp.key] = serializeRow(child, childFields, q.includeNullFields);
      });
    } else {
      const link = fieldByName(exp.object, exp.link.childField)!;
      const ids = rows.map((r) => r.__id as string);
      const children = await childRows(db, exp, childFields, link.sql, ids, { order: exp.link.order, cut: q.pageSize });
      const byParent = new Map<string, WireObject[]>();
      for (const c of children) {
        const list = byParent.get(c.__link as string) ?? [];
        list.push(serializeRow(c, childFields, q.includeNullFields));
        byParent.set(c.__link as string, list);
      }
      rows.forEach((r, i) => (out[i][exp.key] = byParent.get(r.__id as string) ?? []));
    }
  }
  return out;
}

function childFieldsOf(exp: ExpandDef, names: string[] | undefined): FieldDef[] {
  if (!names?.length) return exp.object.fields;
  return names.map((n) => fieldByName(exp.object, n)!);
}

/** Children whose `linkSql` is one of `keys`; with `cut`, at most that many per parent, in `order`. */
async function childRows(
  db: Database,
  exp: ExpandDef,
  fields: FieldDef[],
  linkSql: string,
  keys: string[],
  many?: { order: string; cut: number },
): Promise<Row[]> {
  const o = exp.object;
  const link = sql.raw(linkSql);
  const conditions = [...(o.where ? [sql.raw<boolean>(o.where)] : []), sql<boolean>`${link} in (${sql.join(keys)})`];
  const custom = o.custom && fields === o.fields ? sql`, ${sql.raw(o.custom)} as "__custom"` : sql``;
  const base = sql`select ${selectListSql(fields)}${custom}, ${link} as "__link"
    ${many ? sql`, row_number() over (partition by ${link} order by ${sql.raw(many.order)}) as "__n"` : sql``}
    from ${sql.raw(o.from)} where ${sql.join(conditions, sql` and `)}`;
  const query = many
    ? sql<Row>`select * from (${base}) s where "__n" <= ${many.cut} order by "__link", "__n"`
    : sql<Row>`${base}`;
  return (await query.execute(db as unknown as Executor)).rows;
}
