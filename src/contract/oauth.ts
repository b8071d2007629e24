import { z } from 'zod';

// The OAuth token answer (POST /oauth/token, docs/zuora/api-digest.md §8.1), as the sandbox issues it and the SPA
// reads it. The sandbox always sends `token_type: 'bearer'` and a `jti`; a reader does not require the `jti`.
export const tokenResponseSchema = z.object({
  access_token: z.string(),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string(),
  jti: z.string().optional(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;
