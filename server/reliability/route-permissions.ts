import type { Permission } from '../../src/contract/permissions.ts';
import type { Harness } from '../testing/harness.ts';

// The security tests enumerate the app's registered routes (Hono's `app.routes`) instead of keeping a
// hand list, so a route added later is covered the day it lands; path parameters are filled with real
// keys from the demo seed so that a request reaches its handler once authenticated.

export interface ConcreteRoute {
  method: string;
  /** The registered pattern, e.g. /v1/credit-memos/:key/apply. */
  template: string;
  /** The pattern with real keys. */
  path: string;
}

const PROTECTED = /^\/(v1|object-query)\//;

export async function concreteRoutes(h: Harness): Promise<ConcreteRoute[]> {
  const db = h.conn.db;
  const memo = async (kind: 'CreditMemo' | 'DebitMemo') =>
    (
      await db
        .selectFrom('memos')
        .select(['id'])
        .where('kind', '=', kind)
        .where('status', '=', 'Posted')
        .where('balance', '>', '0')
        .orderBy('number')
        .executeTakeFirstOrThrow()
    ).id;
  const cm = await memo('CreditMemo');
  const dm = await memo('DebitMemo');
  const invoice = await db
    .selectFrom('invoices')
    .select('id')
    .where('status', '=', 'Posted')
    .orderBy('invoice_number')
    .executeTakeFirstOrThrow();
  const payment = await db.selectFrom('payments').select('number').orderBy('number').executeTakeFirstOrThrow();
  const account = await db
    .selectFrom('accounts')
    .select('account_number')
    .orderBy('account_number')
    .executeTakeFirstOrThrow();
  const seen = new Set<string>();
  const out: ConcreteRoute[] = [];
  for (const r of h.app.routes) {
    if (r.method === 'ALL' || !PROTECTED.test(r.path) || r.path.includes('*')) continue;
    const id = `${r.method} ${r.path}`;
    if (seen.has(id)) continue;
    seen.add(id);
    const isCredit = /credit-?memos/.test(r.path);
    const key = r.path.startsWith('/v1/payments')
      ? payment.number
      : r.path.startsWith('/v1/accounts') || r.path.startsWith('/object-query/accounts')
        ? account.account_number
        : r.path.startsWith('/v1/invoices')
          ? invoice.id
          : isCredit
            ? cm
            : dm;
    const path = r.path
      .replace(':invoiceKey', invoice.id)
      .replace(':key', key)
      .replace(/:[A-Za-z]+/g, 'unknown-id');
    out.push({ method: r.method, template: r.path, path });
  }
  return out;
}

const MEMO = '/v1/(credit-?memos|debit-?memos)';
const RULES: [method: string, pattern: RegExp, permission: Permission][] = [
  ['POST', new RegExp(`^${MEMO}$`), 'memo.create'],
  ['POST', new RegExp(`^${MEMO}/bulk$`), 'memo.create'],
  ['POST', new RegExp(`^${MEMO}/invoice/:invoiceKey$`), 'memo.create'],
  ['POST', /^\/v1\/invoices\/:invoiceKey\/(credit|debit)memos$/, 'memo.create'],
  ['PUT', new RegExp(`^${MEMO}/bulk$`), 'memo.edit'],
  ['PUT', /^\/v1\/debit-?memos$/, 'memo.edit'],
  ['PUT', new RegExp(`^${MEMO}/:key$`), 'memo.edit'],
  ['PUT', new RegExp(`^${MEMO}/:key/post$`), 'memo.post'],
  ['PUT', new RegExp(`^${MEMO}/:key/unpost$`), 'memo.unpost'],
  ['PUT', new RegExp(`^${MEMO}/:key/cancel$`), 'memo.cancel'],
  ['DELETE', new RegExp(`^${MEMO}/:key$`), 'memo.delete'],
  ['POST', new RegExp(`^${MEMO}/:key/pdfs$`), 'memo.pdf'],
  ['POST', new RegExp(`^${MEMO}/:key/files$`), 'memo.upload'],
  ['POST', new RegExp(`^${MEMO}/:key/emails$`), 'memo.email'],
  ['PUT', /^\/v1\/debit-?memos\/:key\/write-off$/, 'debitmemo.writeoff'],
  ['POST', /^\/v1\/debit-?memos\/:key\/collect$/, 'debitmemo.collect'],
  ['PUT', /^\/v1\/payments\/:key\/apply$/, 'debitmemo.collect'],
  ['PUT', /^\/v1\/credit-?memos\/:key\/apply$/, 'creditmemo.apply'],
  ['PUT', /^\/v1\/credit-?memos\/:key\/unapply$/, 'creditmemo.unapply'],
  ['POST', /^\/v1\/credit-?memos\/:key\/refunds$/, 'creditmemo.refund'],
  ['PUT', /^\/v1\/credit-?memos\/:key\/reverse$/, 'creditmemo.reverse'],
  ['PUT', /^\/v1\/credit-?memos\/:key\/write-off$/, 'creditmemo.writeoff'],
];

/** The permission a write route needs, or null when the route is not classified (a test fails on it). */
export function permissionOfRoute(method: string, template: string): Permission | null {
  return RULES.find(([m, p]) => m === method && p.test(template))?.[2] ?? null;
}
