import { z } from 'zod';
import { tokenResponseSchema } from '../contract/oauth-token.ts';
import { zuoraRequest } from './client.ts';

// Sandbox-only reads: the demo users and their tokens (no client secret ever reaches the browser),
// and the server's mode (sandbox or proxy to a real tenant).

export const demoUserSchema = z
  .object({ id: z.string(), name: z.string(), role: z.string(), permissions: z.array(z.string()) })
  .loose();
export type DemoUser = z.infer<typeof demoUserSchema>;

export type { TokenResponse } from '../contract/oauth-token.ts';

// In proxy mode `auth` says how the browser signs in: an access key (shared secret), or nothing
// because a reverse proxy in front already did (trusted header); 'unconfigured' refuses everyone.
export const healthSchema = z
  .object({
    status: z.string().optional(),
    mode: z.enum(['sandbox', 'proxy']),
    auth: z.enum(['shared-secret', 'trusted-header', 'unconfigured']).optional(),
  })
  .loose();
export type ProxyAuthMode = NonNullable<z.infer<typeof healthSchema>['auth']>;
export type ApiMode = z.infer<typeof healthSchema>['mode'];

export const fetchDemoUsers = (signal?: AbortSignal) =>
  zuoraRequest('/sandbox/users', { schema: z.object({ users: z.array(demoUserSchema) }).loose(), signal }).then(
    (r) => r.users,
  );

export const fetchDemoToken = (userId: string) =>
  zuoraRequest('/sandbox/token', { method: 'POST', body: { userId }, schema: tokenResponseSchema });

export const demoUsersQuery = {
  queryKey: ['sandbox', 'users'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => fetchDemoUsers(signal),
  staleTime: Infinity,
};

export const healthQuery = {
  queryKey: ['healthz'] as const,
  queryFn: ({ signal }: { signal: AbortSignal }) => zuoraRequest('/healthz', { schema: healthSchema, signal }),
  staleTime: Infinity,
};
