import { sql, type RawBuilder } from 'kysely';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/connect.ts';
import type { MemoKind, MemoRow } from '../db/types.ts';
import { invalidValue } from '../errors.ts';
import { serializeMemo } from '../domain/serialize.ts';
import {
  filterConditions,
  likeContains,
  pageEnvelope,
  parseDateParam,
  parseNumberParam,
  parsePaging,
  parseSort,
  type SortKey,
} from './list-params.ts';
import { MEMO_FILTERS, MEMO_SORT, STATUS_VALUES } from './memo-list-spec.ts';

// GET /v1/debitmemos and /v1/creditmemos (docs/zuora/api-digest.md §4.1, §6.1) plus the sandbox's documented extras
// the list UI uses: `status` repeated or comma-separated, `accountSearch` (account name or number,
// case-insensitive contains), `numberContains`, `memoDateFrom`/`memoDateTo`, `amountFrom`/`amountTo`
// (inclusive) and `openBalance=true|false` (balance > 0 / = 0).
//
// Paging fetches pageSize+1 rows to know whether a next page exists (no count query). The order always
// ends with `number` in the direction of the last sort key, so pages are stable and the planner can walk
// the (kind, status, number) and (kind, memo_date, number) indexes instead of sorting.

export async function listMemos(c: AppContext, kind: MemoKind): Promise<Record<string, unknown>> {
  const paging = parsePaging(c, { size: 20, max: 40 });
  const sort = parseSort(c.req.query('sort'), MEMO_SORT[kind]);
  const conditions = [...filterConditions(c, MEMO_FILTERS[kind]), ...extraConditions(c)];
  const db = c.get('db');
  let q = db.selectFrom('memos as m').selectAll('m').where('m.kind', '=', kind);
  for (const cond of conditions) q = q.where(cond);
  for (const key of withTieBreaker(sort)) q = q.orderBy(sql.raw(`${key.column} ${key.direction}`));
  const rows = await q
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  const numbers = await accountNumbers(db, rows);
  const memos = rows.map((r) => serializeMemo(r, numbers.get(r.account_id) ?? null));
  return pageEnvelope(c, kind === 'CreditMemo' ? 'creditmemos' : 'debitmemos', memos, paging);
}

function withTieBreaker(sort: SortKey[]): SortKey[] {
  if (sort.length === 0) return [{ column: 'm.number', direction: 'desc' }];
  if (sort.some((s) => s.column === 'm.number')) return sort;
  return [...sort, { column: 'm.number', direction: sort[sort.length - 1].direction }];
}

export async function accountNumbers(db: Database, rows: Pick<MemoRow, 'account_id'>[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.map((r) => r.account_id))];
  if (ids.length === 0) return new Map();
  const accounts = await db.selectFrom('accounts').select(['id', 'account_number']).where('id', 'in', ids).execute();
  return new Map(accounts.map((a) => [a.id, a.account_number]));
}

function extraConditions(c: AppContext): RawBuilder<boolean>[] {
  const out: RawBuilder<boolean>[] = [];
  const statuses =
    c.req
      .queries('status')
      ?.flatMap((s) => s.split(','))
      .map((s) => s.trim())
      .filter(Boolean) ?? [];
  for (const s of statuses)
    if (!STATUS_VALUES.includes(s)) throw invalidValue(`'status' must be one of: ${STATUS_VALUES.join(', ')}`);
  if (statuses.length === 1) out.push(sql<boolean>`m.status = ${statuses[0]}`);
  if (statuses.length > 1) out.push(sql<boolean>`m.status in (${sql.join(statuses)})`);

  const accountNumber = c.req.query('accountNumber');
  if (accountNumber !== undefined) {
    out.push(sql<boolean>`m.account_id in (select a.id from accounts a where a.account_number = ${accountNumber})`);
  }
  const search = c.req.query('accountSearch')?.trim();
  if (search) {
    const like = likeContains(search);
    out.push(
      sql<boolean>`m.account_id in (select a.id from accounts a where lower(a.name) like ${like} or lower(a.account_number) like ${like})`,
    );
  }
  const numberContains = c.req.query('numberContains')?.trim();
  if (numberContains) out.push(sql<boolean>`lower(m.number) like ${likeContains(numberContains)}`);

  const range = (
    name: string,
    parse: (n: string, v: string) => string,
    op: '>=' | '<=',
    column: string,
    cast: string,
  ) => {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') return;
    out.push(sql<boolean>`${sql.raw(column)} ${sql.raw(op)} ${parse(name, raw)}::${sql.raw(cast)}`);
  };
  range('memoDateFrom', parseDateParam, '>=', 'm.memo_date', 'date');
  range('memoDateTo', parseDateParam, '<=', 'm.memo_date', 'date');
  range('amountFrom', parseNumberParam, '>=', 'm.amount', 'numeric');
  range('amountTo', parseNumberParam, '<=', 'm.amount', 'numeric');

  const open = c.req.query('openBalance');
  if (open !== undefined && open !== '') {
    if (open !== 'true' && open !== 'false') throw invalidValue(`'openBalance' must be true or false: ${open}`);
    out.push(open === 'true' ? sql<boolean>`m.balance > 0` : sql<boolean>`m.balance = 0`);
  }
  return out;
}
