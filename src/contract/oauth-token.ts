import { z } from 'zod';

// The OAuth token answer (`POST /oauth/token`, docs/zuora/api-digest.md §8.1): the sandbox
// issues it, and the SPA reads it from the sandbox's demo sign-in. `jti` is optional because tenants
// need not send it.
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string(),
  jti: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
