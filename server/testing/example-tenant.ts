import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';

// A tenant that answers every call Zuora's spec documents with Zuora's own 200 example (docs/zuora/openapi/), over
// real HTTP on a random 127.0.0.1 port: what Prism does for the mock-tenant walk, small enough for a component test.
// Put the proxy-mode app in front of it (test-upstream.ts `startProxy`) and the SPA reads exactly what a tenant
// answering Zuora's examples sends. A path the spec does not document answers 404 (so: no Object Query), a method
// it does not document on a known path 405, both in Zuora's envelope.

export const EXAMPLES_SPEC = join(import.meta.dirname, '../../docs/zuora/openapi/zuora-v1-memos.json');
export const examplesPresent = () => existsSync(EXAMPLES_SPEC);

interface Operation {
  responses: Record<string, { examples?: Record<string, unknown> }>;
}
type Spec = { paths: Record<string, Record<string, Operation>> };

/** Rewrites an example before it is sent (a test's sparse tenant); `path` is the spec's template. */
export type ExampleEdit = (method: string, path: string, body: unknown) => unknown;

export interface ExampleTenant {
  baseUrl: string;
  /** `METHOD /path` of every request that reached the tenant. */
  seen: string[];
  /** Replaces the edit applied to later answers. */
  setEdit(edit: ExampleEdit | null): void;
  close(): Promise<void>;
}

/** The spec's 200 example of `method path-template`. */
export function zuoraExample(method: string, path: string): unknown {
  const body = loadSpec().paths[path]?.[method]?.responses['200']?.examples?.['application/json'];
  if (body === undefined) throw new Error(`Zuora's spec has no 200 example for ${method.toUpperCase()} ${path}`);
  return body;
}

let spec: Spec | null = null;
const loadSpec = () => (spec ??= JSON.parse(readFileSync(EXAMPLES_SPEC, 'utf8')) as Spec);

/** Spec paths as patterns, literal segments first (`/v1/credit-memos/bulk` before `/v1/credit-memos/{key}`). */
function routes() {
  return Object.keys(loadSpec().paths)
    .map((template) => ({
      template,
      params: (template.match(/\{/g) ?? []).length,
      pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => a.params - b.params);
}

const envelope = (status: number, code: number, message: string) =>
  Response.json({ success: false, processId: 'EXAMPLE', reasons: [{ code, message }] }, { status });

export async function startExampleTenant(): Promise<ExampleTenant> {
  const table = routes();
  const seen: string[] = [];
  let edit: ExampleEdit | null = null;
  const fetch = (req: Request) => {
    const { pathname } = new URL(req.url);
    const method = req.method.toLowerCase();
    seen.push(`${req.method} ${pathname}`);
    const route = table.find((r) => r.pattern.test(pathname) && loadSpec().paths[r.template][method]);
    if (!route) {
      const known = table.some((r) => r.pattern.test(pathname));
      return known
        ? envelope(405, 50000045, `Method not allowed: ${req.method} ${pathname}`)
        : envelope(404, 50000040, `No such resource: ${req.method} ${pathname}`);
    }
    const body = zuoraExample(method, route.template);
    return Response.json(edit ? edit(method, route.template, structuredClone(body)) : body);
  };
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve) => {
    const s = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server: s, port: info.port }));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    setEdit: (e) => void (edit = e),
    close: () =>
      new Promise<void>((resolve) => {
        if ('closeAllConnections' in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
