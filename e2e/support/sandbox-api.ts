import type { APIRequestContext } from '@playwright/test';

// Finds demo data for a walkthrough through the sandbox API (the same server the page talks to), so a
// spec picks "a Posted debit memo with an open balance" instead of hard-coding a seed-dependent number.

export async function adminToken(request: APIRequestContext): Promise<string> {
  const users = (await (await request.get('/sandbox/users')).json()) as { users: { id: string; role: string }[] };
  const admin = users.users.find((u) => u.role === 'admin')!;
  const token = (await (await request.post('/sandbox/token', { data: { userId: admin.id } })).json()) as {
    access_token: string;
  };
  return token.access_token;
}

export async function apiGet<T = Record<string, unknown>>(
  request: APIRequestContext,
  token: string,
  path: string,
): Promise<T> {
  const res = await request.get(path, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as T;
}

type Row = Record<string, unknown> & { id: string; number: string; currency: string };

/** A Posted memo of this kind matching `pick`, not in `exclude`. */
export async function findPostedMemo(
  request: APIRequestContext,
  token: string,
  kind: 'CreditMemo' | 'DebitMemo',
  pick: (m: Row) => boolean,
  exclude: string[] = [],
): Promise<Row> {
  const path = kind === 'CreditMemo' ? '/v1/credit-memos' : '/v1/debit-memos';
  const key = kind === 'CreditMemo' ? 'creditmemos' : 'debitmemos';
  for (let page = 1; page <= 20; page++) {
    const body = await apiGet<Record<string, unknown>>(
      request,
      token,
      `${path}?status=Posted&pageSize=40&page=${page}`,
    );
    const hit = (body[key] as Row[]).find((m) => pick(m) && !exclude.includes(m.id));
    if (hit) return hit;
    if (!body.nextPage) break;
  }
  throw new Error(`no Posted ${kind} matches`);
}
