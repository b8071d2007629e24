// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createHarness, type Harness } from '../../server/testing/harness.ts';
import { buildUrl, configureClient, zuoraRequest } from './client.ts';
import { ZuoraApiError } from '../lib/zuora-error.ts';

// The client against the real sandbox app in-process: fetch is routed to `app.request`.
let h: Harness;
let token: string | null = null;
let unauthorized = 0;
const seen: Request[] = [];

beforeAll(async () => {
  h = await createHarness({ seed: 'none' });
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    onUnauthorized: () => (unauthorized += 1),
    fetch: async (input, init) => {
      const req = new Request(input, init);
      seen.push(req.clone());
      return h.app.request(req);
    },
  });
});
afterAll(async () => h?.close());

describe('zuoraRequest', () => {
  it('sends Zuora headers and parses the response with the schema', async () => {
    const users = await zuoraRequest('/sandbox/users', {
      schema: z.object({ users: z.array(z.object({ id: z.string() }).loose()) }).loose(),
    });
    expect(users.users.length).toBeGreaterThan(0);
    const sent = seen.at(-1)!;
    expect(sent.headers.get('zuora-version')).toBe('257.0');
    expect(sent.headers.get('zuora-track-id')).toMatch(/^[\x20-\x7e]{1,64}$/);
    expect(sent.headers.get('zuora-track-id')).not.toMatch(/[:;"']/);
  });

  it('turns a 401 envelope into ZuoraApiError with category 11 and signals the app', async () => {
    token = 'not-a-token';
    const before = unauthorized;
    const err = await zuoraRequest('/v1/credit-memos', { schema: z.unknown() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ZuoraApiError);
    const e = err as ZuoraApiError;
    expect(e.status).toBe(401);
    expect(e.category).toBe(11);
    expect(e.reasons[0].code).toBe(90000011);
    expect(unauthorized).toBe(before + 1);
  });

  it('adds the bearer token and reports a 404 with Zuora reasons', async () => {
    const t = await zuoraRequest('/sandbox/token', {
      method: 'POST',
      body: { userId: h.config.clients[0].userId },
      schema: z.object({ access_token: z.string() }).loose(),
    });
    token = t.access_token;
    const err = await zuoraRequest('/v1/no-such-thing', { schema: z.unknown() }).catch((e: unknown) => e);
    expect(seen.at(-1)!.headers.get('authorization')).toBe(`Bearer ${token}`);
    expect(err).toBeInstanceOf(ZuoraApiError);
    expect((err as ZuoraApiError).status).toBe(404);
    expect((err as ZuoraApiError).category).toBe(40);
  });

  it('reports a contract drift as an error naming the path', async () => {
    const err = await zuoraRequest('/healthz', { schema: z.object({ mode: z.literal('nonsense') }) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ZuoraApiError);
    expect((err as Error).message).toContain('/healthz');
  });
});

describe('buildUrl', () => {
  it('encodes Zuora sort `+field` as %2B, repeats arrays and drops empty values', () => {
    configureClient({ baseUrl: '' });
    expect(
      buildUrl('/v1/credit-memos', {
        sort: '+number',
        status: ['Draft', 'Posted'],
        currency: '',
        page: 2,
        x: undefined,
      }),
    ).toBe('/v1/credit-memos?sort=%2Bnumber&status=Draft&status=Posted&page=2');
  });
});
