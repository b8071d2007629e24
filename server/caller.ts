import type { Permission } from '../src/contract/permissions.ts';

/** Who is calling: resolved from the bearer token by the auth middleware. */
export interface Caller {
  userId: string;
  name: string;
  clientId: string;
  permissions: ReadonlySet<Permission>;
}
