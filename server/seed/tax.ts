// Tax presentation per currency (the rate comes from the charge). Kuwait has no VAT: KWD lines are untaxed.
export const TAX_BY_CURRENCY: Record<string, { name: string; jurisdiction: string; locationCode: string } | null> = {
  USD: { name: 'State Sales Tax', jurisdiction: 'CALIFORNIA', locationCode: '06' },
  CAD: { name: 'HST', jurisdiction: 'ONTARIO', locationCode: 'ON' },
  EUR: { name: 'VAT', jurisdiction: 'EU', locationCode: 'EU' },
  GBP: { name: 'VAT', jurisdiction: 'UNITED KINGDOM', locationCode: 'GB' },
  JPY: { name: 'Consumption Tax', jurisdiction: 'JAPAN', locationCode: 'JP' },
  KWD: null,
};
