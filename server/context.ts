import type { Context } from 'hono';
import type { Permission } from '../src/contract/permissions.ts';
import type { Caller } from './caller.ts';
import { PERMISSION_LABELS } from '../src/contract/permissions.ts';
import type { Config } from './config.ts';
import type { Database } from './db/connect.ts';
import { permissionDenied } from './errors.ts';

export interface AppEnv {
  Variables: {
    db: Database;
    config: Config;
    caller: Caller;
  };
}

export type AppContext = Context<AppEnv>;

/** Refuses with Zuora category 10 unless the caller holds the permission. */
export function requirePermission(c: AppContext, permission: Permission): Caller {
  const caller = c.get('caller');
  if (!caller.permissions.has(permission)) {
    throw permissionDenied(
      `You do not have the permission to perform this operation: ${PERMISSION_LABELS[permission]}.`,
    );
  }
  return caller;
}
