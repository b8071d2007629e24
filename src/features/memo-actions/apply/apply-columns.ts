// At 390 px the five columns do not fit: from `sm` up the date and the balance have columns of their own;
// on a phone they go under the document's number, so the amount to apply stays in view.
export const wideColumnSx = { display: { xs: 'none', sm: 'table-cell' } } as const;
export const narrowLineSx = { display: { xs: 'block', sm: 'none' }, color: 'text.secondary' } as const;
