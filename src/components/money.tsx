import { formatMoney, type MoneyInput } from '../lib/money.ts';

/** An amount in its currency's own decimals (JPY 0, KWD 3), right-aligned digits for tables. */
export function Money({ value, currency }: { value: MoneyInput | null | undefined; currency: string }) {
  if (value === null || value === undefined) return <span aria-label="none">—</span>;
  return (
    <span style={{ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap' }}>{formatMoney(value, currency)}</span>
  );
}
