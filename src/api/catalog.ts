import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { zuoraRequest } from './client.ts';
import { fetchAllPages, MAX_PAGE_SIZE } from './paging.ts';
import { toFixed } from '../lib/money.ts';

// The product catalog, for choosing charges on a standalone memo (docs/zuora/api-digest.md §8.8). With
// `zuora-version: 229.0` the products list embeds rate plans and their charges; from 230.0 on it
// gives a URL instead, so this one request pins the older version.

const CATALOG_VERSION = '229.0';

export const catalogChargeSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(['OneTime', 'Recurring', 'Usage']),
    model: z.string(),
    uom: z.string().nullish(),
    description: z.string().nullish(),
    productRatePlanChargeNumber: z.string().nullish(),
    pricing: z.array(z.object({ currency: z.string(), price: z.number().nullish() }).loose()).nullish(),
    financeInformation: z
      .object({
        recognizedRevenueAccountingCode: z.string().nullish(),
        deferredRevenueAccountingCode: z.string().nullish(),
      })
      .loose()
      .nullish(),
    revenueRecognitionRuleName: z.string().nullish(),
    taxable: z.boolean().nullish(),
  })
  .loose();
export type CatalogCharge = z.infer<typeof catalogChargeSchema>;

export const catalogRatePlanSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    status: z.string().nullish(),
    productRatePlanCharges: z.array(catalogChargeSchema).default([]),
  })
  .loose();
export type CatalogRatePlan = z.infer<typeof catalogRatePlanSchema>;

export const catalogProductSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    sku: z.string().nullish(),
    // From zuora-version 230.0 a link (a URL string) instead of the embedded rate plans; Zuora's example is of that
    // shape although this call asks for 229.0: read as "no charges embedded" (docs/zuora/openapi/README.md).
    productRatePlans: z
      .union([z.array(catalogRatePlanSchema), z.string()])
      .default([])
      .transform((v) => (typeof v === 'string' ? [] : v)),
  })
  .loose();
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

export const productListSchema = z.object({
  products: z.array(catalogProductSchema),
  nextPage: z.string().nullish(),
  success: z.literal(true),
});

/** Zuora refuses discount charge models on memos (docs/zuora/api-digest.md §4.3). */
export const isDiscountCharge = (c: Pick<CatalogCharge, 'model'>) => c.model.startsWith('Discount');

export const catalogKeys = { products: ['catalog', 'products'] as const };

export const catalogProductsQuery = () =>
  queryOptions({
    queryKey: catalogKeys.products,
    staleTime: 10 * 60_000,
    // Catalog pages hold at most 40 products; 10 pages is far beyond a memo admin's catalog.
    queryFn: ({ signal }) =>
      fetchAllPages(
        (page) =>
          zuoraRequest('/v1/catalog/products', {
            schema: productListSchema,
            query: { page, pageSize: MAX_PAGE_SIZE },
            headers: { 'zuora-version': CATALOG_VERSION },
            signal,
          }).then((r) => ({ rows: r.products, nextPage: r.nextPage })),
        10,
      ),
  });

export const useCatalogProducts = () => useQuery(catalogProductsQuery());

/** Price of a charge in a currency, as a string for an amount field ('' when not priced). */
export function chargePrice(charge: CatalogCharge, currency: string): string {
  const p = charge.pricing?.find((x) => x.currency === currency)?.price;
  return p === null || p === undefined ? '' : toFixed(p, currency);
}
