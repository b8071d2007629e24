import { ROLE_PERMISSIONS, type DemoRole, type Permission } from '../src/contract/permissions.ts';

export interface SecurityOptions {
  /** Origins allowed to embed the SPA in a frame (CSP frame-ancestors). `'self'` by default. */
  frameAncestors: string[];
  /** Origins allowed to call the API cross-origin (CORS). None by default. */
  corsOrigins: string[];
}

export function securityOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): SecurityOptions {
  const list = (v: string | undefined) => (v ?? '').split(/[\s,]+/).filter(Boolean);
  return {
    frameAncestors: list(env.FRAME_ANCESTORS).length ? list(env.FRAME_ANCESTORS) : ["'self'"],
    corsOrigins: list(env.CORS_ORIGINS),
  };
}

export interface SandboxClient {
  clientId: string;
  clientSecret: string;
  userId: string;
  name: string;
  role: DemoRole;
  permissions: readonly Permission[];
}

export interface ProxyConfig {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  timeoutMs: number;
}

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  seed: 'demo' | 'large' | 'none';
  /** `SANDBOX_NULL_FIELDS=omit`: answer sparsely, dropping null fields, as Object Query and some tenants do. */
  nullFields: 'send' | 'omit';
  tokenTtlSeconds: number;
  clients: SandboxClient[];
  proxy?: ProxyConfig;
  /** Maximum request body, in bytes (JSON); uploads have their own 4 MB limit. */
  bodyLimit: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** CSP frame-ancestors (FRAME_ANCESTORS) and CORS origins (CORS_ORIGINS). */
  security: SecurityOptions;
  /** Requests per minute per authenticated client (RATE_LIMIT_PER_MINUTE, 0 = off); generous so the UI never meets it. */
  rateLimitPerMinute: number;
}

// The three demo users of the sandbox. Override with SANDBOX_CLIENTS, a JSON array of
// {clientId, clientSecret, userId?, name, role}.
export const DEFAULT_CLIENTS: SandboxClient[] = [
  {
    clientId: '00000000-0000-4000-a000-000000000001',
    clientSecret: 'sandbox-admin',
    userId: 'a0000000000000000000000000000001',
    name: 'Billing Admin',
    role: 'admin',
    permissions: ROLE_PERMISSIONS.admin,
  },
  {
    clientId: '00000000-0000-4000-a000-000000000002',
    clientSecret: 'sandbox-clerk',
    userId: 'a0000000000000000000000000000002',
    name: 'Billing Clerk',
    role: 'clerk',
    permissions: ROLE_PERMISSIONS.clerk,
  },
  {
    clientId: '00000000-0000-4000-a000-000000000003',
    clientSecret: 'sandbox-viewer',
    userId: 'a0000000000000000000000000000003',
    name: 'Viewer',
    role: 'viewer',
    permissions: ROLE_PERMISSIONS.viewer,
  },
];

function parseClients(json: string | undefined): SandboxClient[] {
  if (!json) return DEFAULT_CLIENTS;
  const raw = JSON.parse(json) as (Omit<SandboxClient, 'permissions' | 'userId'> & { userId?: string })[];
  return raw.map((c, i) => ({
    ...c,
    userId: c.userId ?? `c${String(i + 1).padStart(31, '0')}`,
    permissions: ROLE_PERMISSIONS[c.role],
  }));
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const proxy =
    env.ZUORA_BASE_URL && env.ZUORA_CLIENT_ID && env.ZUORA_CLIENT_SECRET
      ? {
          baseUrl: env.ZUORA_BASE_URL.replace(/\/$/, ''),
          clientId: env.ZUORA_CLIENT_ID,
          clientSecret: env.ZUORA_CLIENT_SECRET,
          timeoutMs: Number(env.ZUORA_TIMEOUT_MS ?? 30_000),
        }
      : undefined;
  return {
    port: Number(env.PORT ?? 8080),
    host: env.HOST ?? '127.0.0.1',
    dataDir: env.DATA_DIR ?? './.data',
    databaseUrl: env.DATABASE_URL || undefined,
    seed: (env.SEED as Config['seed']) ?? 'demo',
    nullFields: env.SANDBOX_NULL_FIELDS === 'omit' ? 'omit' : 'send',
    tokenTtlSeconds: Number(env.TOKEN_TTL_SECONDS ?? 3600),
    clients: parseClients(env.SANDBOX_CLIENTS),
    proxy,
    bodyLimit: Number(env.BODY_LIMIT_BYTES ?? 1_048_576),
    logLevel: (env.LOG_LEVEL as Config['logLevel']) ?? 'info',
    security: securityOptionsFromEnv(env),
    rateLimitPerMinute: Number(env.RATE_LIMIT_PER_MINUTE ?? 3000),
  };
}
