import Alert from '@mui/material/Alert';
import Checkbox from '@mui/material/Checkbox';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { MemoKind } from '../../lib/memo-kind.ts';
import type { FromInvoiceFormValues } from './from-invoice-schema.ts';
import { InvoiceItemRow } from './invoice-item-row.tsx';
import { fromInvoiceTotals } from './memo-totals.ts';
import { RunningTotals } from './running-totals.tsx';

type F = FromInvoiceFormValues;

/** The chosen invoice's items, all selected to start with; the header box selects or clears all. */
export function InvoiceItemsTable({ kind, currency }: { kind: MemoKind; currency: string }) {
  const { setValue, formState } = useFormContext<F>();
  const { fields } = useFieldArray<F, 'items'>({ name: 'items' });
  const items = useWatch<F, 'items'>({ name: 'items' });
  const selected = items.filter((i) => i.selected).length;
  const totals = fromInvoiceTotals(items, currency);
  const listError = formState.errors.items?.message ?? formState.errors.items?.root?.message;
  const amountHeader = kind === 'CreditMemo' ? 'Credit Amount' : 'Debit Amount';
  return (
    <>
      {listError && (
        <Alert severity="error" sx={{ mb: 1 }}>
          {listError}
        </Alert>
      )}
      <TableContainer>
        <Table size="small" aria-label="Invoice items">
          <TableHead>
            <TableRow>
              <TableCell padding="checkbox">
                <Checkbox
                  checked={selected === items.length && items.length > 0}
                  indeterminate={selected > 0 && selected < items.length}
                  onChange={(e) =>
                    items.forEach((_, i) =>
                      setValue(`items.${i}.selected`, e.target.checked, { shouldDirty: true, shouldValidate: true }),
                    )
                  }
                  slotProps={{ input: { 'aria-label': 'Select all invoice items' } }}
                />
              </TableCell>
              <TableCell>Invoice Item</TableCell>
              <TableCell>Description</TableCell>
              <TableCell>Tax-Included</TableCell>
              {kind === 'CreditMemo' && <TableCell align="right">Available to Credit</TableCell>}
              <TableCell>{amountHeader}</TableCell>
              <TableCell>Tax</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {fields.map((f, i) => (
              <InvoiceItemRow key={f.id} index={i} kind={kind} currency={currency} />
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <RunningTotals
        currency={currency}
        parts={[
          { label: 'Items selected', value: `${selected} of ${items.length}`, money: false },
          { label: 'Amount', value: totals.items },
          { label: 'Tax', value: totals.tax },
          { label: 'Total', value: totals.total },
        ]}
      />
    </>
  );
}
