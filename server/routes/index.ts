import type { Hono } from 'hono';
import type { AppEnv } from '../context.ts';
import { registerObjectQueryRoutes } from '../object-query/routes.ts';
import { registerAccountingCodeRoutes } from './accounting-codes.ts';
import { registerAccountRoutes } from './accounts.ts';
import { registerCatalogRoutes } from './catalog.ts';
import { registerHistoryRoutes } from './history.ts';
import { registerInvoiceRoutes } from './invoices.ts';
import { registerMemoDocumentRoutes } from './memo-documents.ts';
import { registerMemoReadRoutes } from './memo-reads.ts';
import { registerMemoWriteRoutes } from './memo-writes.ts';
import { registerPaymentReadRoutes } from './payments.ts';
import { registerSandboxOutboxRoute } from './sandbox-outbox.ts';
import { registerSettlementRoutes } from './settlement.ts';
import { registerSettingsRoutes } from './settings.ts';

/** Mounts every Zuora resource module. Each module registers both path spellings it serves. */
export function registerApiRoutes(app: Hono<AppEnv>): void {
  // Documents first: `…/pdf-status` must win over a memo-key route.
  registerMemoDocumentRoutes(app);
  registerHistoryRoutes(app);
  registerMemoReadRoutes(app);
  registerAccountRoutes(app);
  registerInvoiceRoutes(app);
  registerCatalogRoutes(app);
  registerAccountingCodeRoutes(app);
  registerPaymentReadRoutes(app);
  registerSettingsRoutes(app);
  registerMemoWriteRoutes(app);
  registerSandboxOutboxRoute(app);
  registerSettlementRoutes(app);
  registerObjectQueryRoutes(app);
  void app;
}
