import Big from 'big.js';
import { roundTo } from '../../src/lib/money.ts';
import { CURRENCIES } from './reference-data.ts';

// The product catalog: products → rate plans → charges. One product ("Promotions") has only discount
// charges, which memo creation must refuse. List prices are given in USD and converted per currency.

export interface ChargeDef {
  name: string;
  type: 'OneTime' | 'Recurring' | 'Usage';
  model: 'FlatFee' | 'PerUnit' | 'DiscountPercentage' | 'DiscountFixedAmount';
  usd: string;
  uom?: string;
  taxRate?: string;
  recognized: string;
  deferred: string;
}

export interface ProductDef {
  name: string;
  sku: string;
  category: string;
  description: string;
  plans: { name: string; description: string; charges: ChargeDef[] }[];
}

const SUB = { recognized: 'Subscription Revenue', deferred: 'Deferred Revenue' };
const SVC = { recognized: 'Services Revenue', deferred: 'Deferred Services Revenue' };

export const PRODUCTS: readonly ProductDef[] = [
  {
    name: 'Platform Subscription',
    sku: 'SKU-PLATFORM',
    category: 'Base Products',
    description: 'Core billing platform',
    plans: [
      {
        name: 'Standard Monthly',
        description: 'Monthly platform access',
        charges: [
          { name: 'Platform Fee', type: 'Recurring', model: 'FlatFee', usd: '499.00', taxRate: '0.0825', ...SUB },
          {
            name: 'Additional Seats',
            type: 'Recurring',
            model: 'PerUnit',
            usd: '25.00',
            uom: 'Seat',
            taxRate: '0.0825',
            ...SUB,
          },
        ],
      },
      {
        name: 'Enterprise Annual',
        description: 'Annual enterprise licence',
        charges: [{ name: 'Enterprise Licence', type: 'Recurring', model: 'FlatFee', usd: '12000.00', ...SUB }],
      },
    ],
  },
  {
    name: 'Professional Services',
    sku: 'SKU-SERVICES',
    category: 'Services',
    description: 'Implementation and training',
    plans: [
      {
        name: 'Onboarding',
        description: 'One-time onboarding',
        charges: [
          { name: 'Implementation Fee', type: 'OneTime', model: 'FlatFee', usd: '2500.00', taxRate: '0.0825', ...SVC },
        ],
      },
      {
        name: 'Training',
        description: 'Instructor-led training',
        charges: [{ name: 'Training Day', type: 'OneTime', model: 'PerUnit', usd: '1200.00', uom: 'Day', ...SVC }],
      },
    ],
  },
  {
    name: 'API Usage',
    sku: 'SKU-API',
    category: 'Usage',
    description: 'Metered API calls',
    plans: [
      {
        name: 'Pay As You Go',
        description: 'Billed per thousand calls',
        charges: [
          {
            name: 'API Calls',
            type: 'Usage',
            model: 'PerUnit',
            usd: '0.50',
            uom: '1K Calls',
            recognized: 'Usage Revenue',
            deferred: 'Deferred Revenue',
          },
        ],
      },
    ],
  },
  {
    name: 'Support Plans',
    sku: 'SKU-SUPPORT',
    category: 'Add-ons',
    description: 'Customer support tiers',
    plans: [
      {
        name: 'Premium Support',
        description: '24x7 support',
        charges: [
          {
            name: 'Premium Support Fee',
            type: 'Recurring',
            model: 'FlatFee',
            usd: '299.00',
            taxRate: '0.0825',
            ...SUB,
          },
        ],
      },
    ],
  },
  {
    name: 'Hardware',
    sku: 'SKU-HARDWARE',
    category: 'Base Products',
    description: 'Devices shipped to the customer',
    plans: [
      {
        name: 'Device Bundle',
        description: 'Gateway devices',
        charges: [
          {
            name: 'Gateway Device',
            type: 'OneTime',
            model: 'PerUnit',
            usd: '349.00',
            uom: 'Each',
            taxRate: '0.0825',
            recognized: 'Other Revenue',
            deferred: 'Deferred Revenue',
          },
        ],
      },
    ],
  },
  {
    name: 'Promotions',
    sku: 'SKU-PROMO',
    category: 'Add-ons',
    description: 'Discounts only (not allowed on memos)',
    plans: [
      {
        name: 'Launch Promotion',
        description: 'Introductory discounts',
        charges: [
          {
            name: 'Launch Discount',
            type: 'Recurring',
            model: 'DiscountPercentage',
            usd: '10',
            recognized: 'Sales Discounts',
            deferred: 'Deferred Revenue',
          },
          {
            name: 'Loyalty Credit',
            type: 'OneTime',
            model: 'DiscountFixedAmount',
            usd: '100.00',
            recognized: 'Sales Discounts',
            deferred: 'Deferred Revenue',
          },
        ],
      },
    ],
  },
];

const FX: Record<string, string> = { USD: '1', EUR: '0.9', GBP: '0.8', CAD: '1.35', JPY: '150', KWD: '0.307' };

/** List price per currency, rounded to each currency's decimals (percentages stay as they are). */
export function pricesOf(charge: ChargeDef): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { code, decimals } of CURRENCIES) {
    out[code] =
      charge.model === 'DiscountPercentage'
        ? charge.usd
        : roundTo(new Big(charge.usd).times(FX[code]), code).toFixed(decimals);
  }
  return out;
}
