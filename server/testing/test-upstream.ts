import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { DEFAULT_CLIENTS, loadConfig } from '../config.ts';
import { createHarness, type Harness } from './harness.ts';
import { createProxyApp, type ProxyApp } from '../proxy/proxy-app.ts';
import type { ProxyOptions } from '../proxy/proxy-options.ts';

// Test kit for proxy mode: a second sandbox served over real HTTP on a random 127.0.0.1 port acts as
// "the real tenant" (it speaks the same OAuth and v1 contract), recording what reached it.

export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
}

export interface Upstream {
  harness: Harness;
  baseUrl: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startSandboxUpstream(env: Record<string, string> = {}): Promise<Upstream> {
  const harness = await createHarness({ seed: 'none', env });
  const seen: SeenRequest[] = [];
  const { server, port } = await listen((req: Request) => {
    seen.push({ method: req.method, path: new URL(req.url).pathname, headers: new Headers(req.headers) });
    return harness.app.fetch(req);
  });
  return {
    harness,
    baseUrl: `http://127.0.0.1:${port}`,
    seen,
    async close() {
      await closeServer(server);
      await harness.close();
    },
  };
}

function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ server: ServerType; port: number }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => resolve({ server, port: info.port }));
  });
}

function closeServer(server: ServerType | Server): Promise<void> {
  if ('closeAllConnections' in server) server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}

/**
 * A network-level stub for failures no sandbox produces on demand: it issues tokens, and answers every
 * other request with `behaviour` ('hang' never answers; 'unauthorized' always 401s).
 */
export async function startStubUpstream(
  behaviour: 'hang' | 'unauthorized',
): Promise<{ baseUrl: string; apiCalls: () => number; close(): Promise<void> }> {
  let apiCalls = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/oauth/token')) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          access_token: `stub-token-${Math.random().toString(16).slice(2)}`,
          token_type: 'bearer',
          expires_in: 3600,
        }),
      );
      return;
    }
    apiCalls += 1;
    if (behaviour === 'unauthorized') {
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          success: false,
          reasons: [{ code: 90000011, message: 'this resource is protected, please sign in first' }],
        }),
      );
    }
    // 'hang': never answer.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    apiCalls: () => apiCalls,
    close: () => closeServer(server),
  };
}

/** A 127.0.0.1 port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  await closeServer(server);
  return port;
}

export const BROWSER_SECRET = 'browser-shared-secret-0123456789';
export const TENANT_CLIENT = DEFAULT_CLIENTS[0];

/** A proxy-mode app pointing at `baseUrl` with the sandbox admin's client credentials. */
export function startProxy(
  baseUrl: string,
  env: Record<string, string> = {},
  overrides: Partial<ProxyOptions> = {},
): ProxyApp {
  const fullEnv = {
    ZUORA_BASE_URL: baseUrl,
    ZUORA_CLIENT_ID: TENANT_CLIENT.clientId,
    ZUORA_CLIENT_SECRET: TENANT_CLIENT.clientSecret,
    PROXY_AUTH: 'shared-secret',
    PROXY_SHARED_SECRET: BROWSER_SECRET,
    ...env,
  };
  return createProxyApp(loadConfig(fullEnv), overrides, fullEnv);
}
