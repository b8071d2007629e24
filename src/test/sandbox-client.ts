import { createHarness, type Harness } from '../../server/testing/harness.ts';
import { configureClient } from '../api/client.ts';
import type { DemoRole } from '../contract/permissions.ts';

// Component tests run against the real sandbox app in-process: the SPA's fetch is routed to
// `h.app.request`, so every response is the server's own (no hand-written mocks of Zuora).

export interface Sandbox {
  h: Harness;
  /** Every request the SPA sent, in order (to check methods, bodies and Idempotency-Key headers). */
  sent: Request[];
  /** Later requests carry this demo role's token. */
  signInAs(role: DemoRole): Promise<void>;
}

export interface SandboxOptions {
  /** Sees each request the SPA sends and may answer it from another path (e.g. a tenant without a feature). */
  route?: (req: Request) => Request;
}

export async function startSandbox(role: DemoRole = 'admin', opts: SandboxOptions = {}): Promise<Sandbox> {
  const h = await createHarness();
  const sent: Request[] = [];
  let token = await h.token(role);
  configureClient({
    baseUrl: 'http://sandbox.test',
    getToken: () => token,
    fetch: async (input, init) => {
      const req = new Request(input, init);
      sent.push(req.clone());
      return h.app.request(opts.route ? opts.route(req) : req);
    },
  });
  return { h, sent, signInAs: async (r) => void (token = await h.token(r)) };
}
