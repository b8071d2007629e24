/**
 * The table cell around a small AmountField: wide enough for a balance and the currency code, and
 * narrower on a phone, where a settlement dialog's table must fit 390 px without scrolling sideways.
 */
export const amountCellSx = { minWidth: { xs: 120, sm: 180 } } as const;
