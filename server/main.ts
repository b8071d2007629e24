import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApp } from './app.ts';
import { createProxyApp } from './proxy/proxy-app.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { seedIfEmpty } from './seed/index.ts';

// CLI entry: one process serves the API and the built SPA on one port.
const config = loadConfig();
const started = Date.now();
// Proxy mode opens no database and seeds nothing: the tenant holds the data.
const conn = config.proxy ? null : await connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
if (conn && config.seed !== 'none') await seedIfEmpty(conn.db, config.seed);

const api = conn ? createApp({ db: conn.db, config }) : createProxyApp(config).app;
const root = resolve(process.env.STATIC_DIR ?? 'dist/app');
const indexHtml = await readFile(join(root, 'index.html'), 'utf8').catch(() => null);

// The embeddable library (npm run build:lib): loader and app module, imported by host pages.
const libRoot = resolve(process.env.LIB_DIR ?? 'dist/lib');
api.use('/lib/*', serveStatic({ root: libRoot, rewriteRequestPath: (p) => p.replace(/^\/lib/, '') }));
api.use('/*', serveStatic({ root }));
// SPA fallback: any other GET that accepts HTML gets index.html (client-side routes).
api.get('*', (c) => {
  if (!indexHtml) return c.text('The SPA is not built: run `npm run build`.', 503);
  return c.html(indexHtml);
});

const server = serve({ fetch: api.fetch, port: config.port, hostname: config.host }, (info) => {
  console.log(`credit-debit-memos ${config.proxy ? 'proxy' : 'sandbox'} on http://${info.address}:${info.port} (${conn?.kind ?? config.proxy?.baseUrl}, ready in ${Date.now() - started} ms)`);
});

async function shutdown() {
  server.close();
  await conn?.close();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
