import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { createProxyApp } from './proxy/proxy-app.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { seedIfEmpty } from './seed/index.ts';
import { serveSite } from './static-site.ts';

// CLI entry: one process serves the API and the built SPA on one port.
const config = loadConfig();
const started = Date.now();
// Proxy mode opens no database and seeds nothing: the tenant holds the data.
const conn = config.proxy ? null : await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (conn && config.seed !== 'none') await seedIfEmpty(conn.db, config.seed);

const api = conn ? createApp({ db: conn.db, config }) : createProxyApp(config).app;
// The built SPA (STATIC_DIR) and the embeddable library (LIB_DIR, npm run build:lib): server/static-site.ts.
await serveSite(api, {
  root: resolve(process.env.STATIC_DIR ?? 'dist/app'),
  libRoot: resolve(process.env.LIB_DIR ?? 'dist/lib'),
});

// Requests being handled. A client that hangs up does not stop its handler, so shutdown waits for this
// count, not for the sockets, before it closes the database.
let inFlight = 0;
const fetch: typeof api.fetch = async (req, ...rest) => {
  inFlight++;
  try {
    return await api.fetch(req, ...rest);
  } finally {
    inFlight--;
  }
};

const server = serve({ fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(
    `credit-debit-memos ${config.proxy ? 'proxy' : 'sandbox'} on http://${info.address}:${info.port} (${conn?.kind ?? config.proxy?.baseUrl}, ready in ${Date.now() - started} ms)`,
  );
});

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  // Stop accepting, let the requests in flight finish (their transactions commit or roll back), and only
  // then close the database: closing it first fails them with "driver has already been destroyed".
  server.close();
  if ('closeIdleConnections' in server) server.closeIdleConnections();
  for (const deadline = Date.now() + 5_000; inFlight > 0 && Date.now() < deadline;)
    await new Promise((r) => setTimeout(r, 20));
  await conn?.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
