import type { Hono } from 'hono';
import { requirePermission, type AppEnv } from '../context.ts';
import { invalidValue } from '../errors.ts';

// Reason codes. Zuora has NO public reason-code endpoint: tenants maintain them in Billing/Payments
// settings ("Define Reason Codes", docs/zuora/api-digest.md §8.7, A12). The sandbox serves them under the Settings API
// prefix as `GET /settings/reason-codes?transactionType=CreditMemo|DebitMemo|CreditMemoRefund|PaymentRefund`
// → `{ reasonCodes: [{id, name, transactionType, isDefault, active, status}], success }`, bearer-protected
// like /v1. A real tenant has no such path, so the proxy answers it itself from its configured list
// (PROXY_REASON_CODES, server/proxy/proxy-options.ts).

const TRANSACTION_TYPES = ['CreditMemo', 'DebitMemo', 'CreditMemoRefund', 'PaymentRefund'] as const;

export function registerSettingsRoutes(app: Hono<AppEnv>): void {
  app.get('/settings/reason-codes', async (c) => {
    requirePermission(c, 'memo.view');
    const type = c.req.query('transactionType');
    if (type !== undefined && !(TRANSACTION_TYPES as readonly string[]).includes(type)) {
      throw invalidValue(`'transactionType' must be one of: ${TRANSACTION_TYPES.join(', ')}`);
    }
    let q = c.get('db').selectFrom('reason_codes').selectAll();
    if (type) q = q.where('transaction_type', '=', type);
    const rows = await q.orderBy('transaction_type').orderBy('is_default', 'desc').orderBy('name').execute();
    const reasonCodes = rows.map((r) => ({
      id: r.id,
      name: r.name,
      transactionType: r.transaction_type,
      isDefault: r.is_default,
      active: r.active,
      status: r.active ? 'Active' : 'Inactive',
    }));
    return c.json({ reasonCodes, success: true });
  });
}
