import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useFormContext, useWatch } from 'react-hook-form';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { Money } from '../../components/money.tsx';
import { formatDate } from '../../lib/dates.ts';
import { fitsCurrency, sum, toFixed } from '../../lib/money.ts';
import { isDecimal } from './field-rules.ts';
import { FormTextField } from '../../components/form/text-field.tsx';
import type { FromInvoiceFormValues } from './from-invoice-schema.ts';
import { scaleBase } from './invoice-lines.ts';
import { amountBeforeTax, includedTax } from './line-tax.ts';
import { scaleTax } from './memo-totals.ts';

/** Amounts typed in a table line up on the decimal point like the money printed beside them. */
const MONEY_INPUT = { textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

type F = FromInvoiceFormValues;

/** One invoice item: include it, its amount, tax-included toggle, description and its tax lines. */
export function InvoiceItemRow({ index, kind, currency }: { index: number; kind: MemoKind; currency: string }) {
  const { setValue, getValues } = useFormContext<F>();
  const line = useWatch<F, `items.${number}`>({ name: `items.${index}` });
  const taxAuto = useWatch<F, 'taxAutoCalculation'>({ name: 'taxAutoCalculation' });
  if (!line) return null;
  const name = `line ${index + 1}: ${line.skuName}`;
  const off = !line.selected;
  const amountLabel = kind === 'CreditMemo' ? 'Credit Amount' : 'Debit Amount';

  // Keep the tax lines in step with a changed amount (the user may still edit them afterwards).
  function onAmount(value: string) {
    if (!isDecimal(value) || !fitsCurrency(value, currency)) return;
    const current = getValues(`items.${index}`);
    const base = scaleBase(current, kind);
    current.taxItems.forEach((_, j) =>
      setValue(`items.${index}.taxItems.${j}.amount`, scaleTax(base.tax(j), value, base.item, currency), {
        shouldValidate: true,
      }),
    );
  }

  // The credit keeps its size when tax moves in or out of the amount: including tax adds the typed tax
  // lines to it; excluding takes the included tax back out and recomputes the tax lines.
  function onTaxIncluded(included: boolean) {
    const current = getValues(`items.${index}`);
    const valid = isDecimal(current.amount) && fitsCurrency(current.amount, currency);
    const set = (name: `items.${number}.amount` | `items.${number}.taxMode`, value: string) =>
      setValue(name, value, { shouldDirty: true, shouldValidate: true });
    set(`items.${index}.taxMode`, included ? 'TaxInclusive' : 'TaxExclusive');
    if (!valid) return;
    if (included) {
      const typedTax = current.taxItems.filter((t) => isDecimal(t.amount)).map((t) => t.amount);
      set(`items.${index}.amount`, toFixed(sum([current.amount, ...typedTax]), currency));
    } else {
      const before = toFixed(amountBeforeTax(current, currency), currency);
      set(`items.${index}.amount`, before);
      onAmount(before);
    }
  }

  return (
    <TableRow selected={line.selected} sx={{ verticalAlign: 'top' }}>
      <TableCell padding="checkbox">
        <Checkbox
          checked={line.selected}
          onChange={(e) =>
            setValue(`items.${index}.selected`, e.target.checked, { shouldDirty: true, shouldValidate: true })
          }
          slotProps={{ input: { 'aria-label': `Include ${name}` } }}
        />
      </TableCell>
      <TableCell>
        <Typography variant="body2" sx={{ fontWeight: 600 }}>
          {line.skuName}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          {line.serviceStartDate && `${formatDate(line.serviceStartDate)} – ${formatDate(line.serviceEndDate)}`}
        </Typography>
        <Typography variant="caption" color="text.secondary" component="div">
          Invoiced <Money value={line.chargeAmount} currency={currency} />
        </Typography>
      </TableCell>
      <TableCell>
        <FormTextField<F>
          name={`items.${index}.description`}
          size="small"
          disabled={off}
          slotProps={{ htmlInput: { 'aria-label': `Description, ${name}` } }}
        />
      </TableCell>
      <TableCell padding="checkbox">
        <Checkbox
          checked={line.taxMode === 'TaxInclusive'}
          disabled={off || !taxAuto}
          onChange={(e) => onTaxIncluded(e.target.checked)}
          slotProps={{ input: { 'aria-label': `Tax included, ${name}` } }}
        />
      </TableCell>
      {kind === 'CreditMemo' && (
        <TableCell align="right">
          <Money value={line.availableToCreditAmount} currency={currency} />
        </TableCell>
      )}
      <TableCell>
        <FormTextField<F>
          name={`items.${index}.amount`}
          size="small"
          disabled={off}
          onValueChange={onAmount}
          slotProps={{
            htmlInput: { 'aria-label': `${amountLabel}, ${name}`, inputMode: 'decimal', style: MONEY_INPUT },
          }}
        />
      </TableCell>
      <TableCell>
        {line.taxItems.length === 0 && (
          <Typography variant="body2" color="text.secondary">
            No tax
          </Typography>
        )}
        {line.taxMode === 'TaxInclusive' && line.taxItems.length > 0 && (
          <Typography variant="body2" color="text.secondary">
            Included
            {isDecimal(line.amount) ? (
              <>
                : <Money value={includedTax(line, line.amount, currency)} currency={currency} />
              </>
            ) : (
              ''
            )}
          </Typography>
        )}
        {line.taxMode === 'TaxExclusive' &&
          line.taxItems.map((t, j) => (
            <Box key={t.sourceTaxItemId} sx={{ mb: 1 }}>
              <FormTextField<F>
                name={`items.${index}.taxItems.${j}.amount`}
                size="small"
                disabled={off}
                helperText={`${t.name}${kind === 'CreditMemo' ? `, up to ${t.availableToCredit}` : ''}`}
                slotProps={{
                  htmlInput: {
                    'aria-label': `${t.name} ${kind === 'CreditMemo' ? 'credit' : 'debit'}, ${name}`,
                    inputMode: 'decimal',
                    style: MONEY_INPUT,
                  },
                }}
              />
            </Box>
          ))}
      </TableCell>
    </TableRow>
  );
}
