import { QueryClient } from '@tanstack/react-query';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../test/sandbox-client.ts';
import { settlementTargetLinesQuery } from './billing-documents.ts';

// The apply dialog's lines of a target document: every page, at most 40 a page (Zuora's spec: pageSize maximum
// 40 for invoice and debit memo items; a tenant may refuse more).

let s: Sandbox;
beforeAll(async () => {
  s = await startSandbox();
});
afterAll(() => s.h.close());

async function firstPosted(object: 'invoices' | 'debit-memos'): Promise<string> {
  const r = await s.h.call('GET', `/object-query/${object}?pageSize=1&filter[]=status.EQ:Posted`);
  return (r.body.data as { id: string }[])[0].id;
}

describe('settlement target lines', () => {
  it.each([
    ['Invoice', 'invoices'],
    ['DebitMemo', 'debit-memos'],
  ] as const)('reads a %s’s items at most 40 a page', async (type, object) => {
    const id = await firstPosted(object);
    const lines = await new QueryClient().fetchQuery(settlementTargetLinesQuery(type, id));
    expect(lines.length).toBeGreaterThan(0);
    const sizes = s.sent
      .filter((r) => new URL(r.url).pathname === `/v1/${object}/${id}/items`)
      .map((r) => Number(new URL(r.url).searchParams.get('pageSize')));
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(40);
  });
});
