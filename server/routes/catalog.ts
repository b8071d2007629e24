import type { Hono } from 'hono';
import type { Selectable } from 'kysely';
import { toWire } from '../../src/lib/money.ts';
import { requirePermission, type AppContext, type AppEnv } from '../context.ts';
import type { Database } from '../db/connect.ts';
import type { ProductRatePlanChargesTable, ProductRatePlansTable } from '../db/types.ts';
import { notFound, Resource } from '../errors.ts';
import { pageEnvelope, parsePaging } from './list-params.ts';
import { isZuoraId } from '../../src/contract/ids.ts';

// Product catalog (docs/zuora/api-digest.md §8.8). `GET /v1/catalog/products` embeds each product's rate plans and
// charges when `zuora-version` ≤ 229.0 — including when the header is absent, because Zuora's default
// minor version is 186.0 — and from 230.0 on gives `productRatePlans` as a URL string instead.

export function registerCatalogRoutes(app: Hono<AppEnv>): void {
  app.get('/v1/catalog/products', async (c) => c.json(await listProducts(c)));
  app.get('/v1/catalog/products/:key', async (c) => c.json(await getProduct(c)));
  app.get('/v1/products/:key/product-rate-plans', async (c) => c.json(await listRatePlans(c)));
  app.get('/v1/product-rate-plan-charges/:key', async (c) => c.json(await getCharge(c)));
}

/** The minor version of the request (Zuora: absent or unknown means 186.0). */
function minorVersion(c: AppContext): number {
  const v = Number(c.req.header('zuora-version'));
  return Number.isFinite(v) && v > 0 ? v : 186;
}

const ACCOUNTING_TYPE: Record<string, string> = {
  'Subscription Revenue': 'SalesRevenue',
  'Services Revenue': 'SalesRevenue',
  'Usage Revenue': 'SalesRevenue',
  'Other Revenue': 'OtherRevenue',
  'Sales Discounts': 'SalesDiscounts',
  'Deferred Revenue': 'DeferredRevenue',
  'Deferred Services Revenue': 'DeferredRevenue',
};

export function serializeCharge(ch: Selectable<ProductRatePlanChargesTable>) {
  const pricing = Object.entries(ch.pricing).map(([currency, price]) => ({
    currency,
    price: ch.model.startsWith('Discount') ? null : toWire(price),
    discountPercentage: ch.model === 'DiscountPercentage' ? toWire(price) : null,
    discountAmount: ch.model === 'DiscountFixedAmount' ? toWire(price) : null,
    tiers: null,
  }));
  return {
    id: ch.id,
    name: ch.name,
    type: ch.type,
    model: ch.model,
    description: ch.description,
    uom: ch.uom,
    defaultQuantity: ch.default_quantity === null ? null : toWire(ch.default_quantity),
    pricing,
    pricingSummary: pricing.map((p) =>
      p.discountPercentage !== null
        ? `${p.discountPercentage}% discount`
        : `${p.currency}${p.price ?? p.discountAmount}`,
    ),
    taxable: ch.taxable,
    taxCode: ch.tax_code,
    taxMode: ch.tax_mode,
    billingPeriod: ch.type === 'Recurring' ? 'Month' : null,
    productRatePlanChargeNumber: ch.product_rate_plan_charge_number,
    financeInformation: {
      recognizedRevenueAccountingCode: ch.recognized_revenue_accounting_code,
      recognizedRevenueAccountingCodeType: ACCOUNTING_TYPE[ch.recognized_revenue_accounting_code ?? ''] ?? null,
      deferredRevenueAccountingCode: ch.deferred_revenue_accounting_code,
      deferredRevenueAccountingCodeType: ACCOUNTING_TYPE[ch.deferred_revenue_accounting_code ?? ''] ?? null,
    },
    revenueRecognitionRuleName: ch.revenue_recognition_rule_name,
  };
}

function serializePlan(p: Selectable<ProductRatePlansTable>, charges: Selectable<ProductRatePlanChargesTable>[]) {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    status: p.status,
    effectiveStartDate: p.effective_start_date,
    effectiveEndDate: p.effective_end_date,
    productRatePlanNumber: p.product_rate_plan_number,
    productRatePlanCharges: charges.filter((ch) => ch.product_rate_plan_id === p.id).map(serializeCharge),
  };
}

async function plansOf(db: Database, productIds: string[]) {
  if (productIds.length === 0) return { plans: [], charges: [] };
  const plans = await db
    .selectFrom('product_rate_plans')
    .selectAll()
    .where('product_id', 'in', productIds)
    .orderBy('product_rate_plan_number')
    .execute();
  const charges = plans.length
    ? await db
        .selectFrom('product_rate_plan_charges')
        .selectAll()
        .where(
          'product_rate_plan_id',
          'in',
          plans.map((p) => p.id),
        )
        .orderBy('product_rate_plan_charge_number')
        .execute()
    : [];
  return { plans, charges };
}

async function findProduct(db: Database, key: string) {
  const q = db.selectFrom('products').selectAll();
  const row = await (isZuoraId(key) ? q.where('id', '=', key) : q.where('sku', '=', key)).executeTakeFirst();
  if (!row) throw notFound('Product', key, Resource.Catalog);
  return row;
}

async function productsBody(c: AppContext, products: Awaited<ReturnType<typeof findProduct>>[]) {
  const inline = minorVersion(c) <= 229;
  const { plans, charges } = inline
    ? await plansOf(
        c.get('db'),
        products.map((p) => p.id),
      )
    : { plans: [], charges: [] };
  return products.map((p) => ({
    id: p.id,
    name: p.name,
    sku: p.sku,
    productNumber: p.product_number,
    description: p.description,
    category: p.category,
    effectiveStartDate: p.effective_start_date,
    effectiveEndDate: p.effective_end_date,
    tags: null,
    productRatePlans: inline
      ? plans.filter((pl) => pl.product_id === p.id).map((pl) => serializePlan(pl, charges))
      : `/v1/products/${p.id}/product-rate-plans`,
  }));
}

async function listProducts(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, { size: 10, max: 40 });
  const rows = await c
    .get('db')
    .selectFrom('products')
    .selectAll()
    .orderBy('product_number')
    .limit(paging.pageSize + 1)
    .offset(paging.offset)
    .execute();
  return pageEnvelope(c, 'products', await productsBody(c, rows), paging);
}

async function getProduct(c: AppContext) {
  requirePermission(c, 'memo.view');
  const [product] = await productsBody(c, [await findProduct(c.get('db'), c.req.param('key')!)]);
  return { ...product, success: true };
}

async function listRatePlans(c: AppContext) {
  requirePermission(c, 'memo.view');
  const paging = parsePaging(c, { size: 20, max: 40, clamp: true });
  const product = await findProduct(c.get('db'), c.req.param('key')!);
  const { plans, charges } = await plansOf(c.get('db'), [product.id]);
  const page = plans.slice(paging.offset, paging.offset + paging.pageSize + 1).map((p) => serializePlan(p, charges));
  return pageEnvelope(c, 'productRatePlans', page, paging);
}

async function getCharge(c: AppContext) {
  requirePermission(c, 'memo.view');
  const key = c.req.param('key')!;
  const q = c.get('db').selectFrom('product_rate_plan_charges').selectAll();
  const row = await (
    isZuoraId(key) ? q.where('id', '=', key) : q.where('product_rate_plan_charge_number', '=', key)
  ).executeTakeFirst();
  if (!row) throw notFound('ProductRatePlanCharge', key, Resource.Catalog);
  return { ...serializeCharge(row), success: true };
}
