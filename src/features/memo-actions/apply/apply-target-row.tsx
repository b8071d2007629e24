import { useEffect, useState } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import CircularProgress from '@mui/material/CircularProgress';
import ExpandMore from '@mui/icons-material/ExpandMore';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useSettlementTargetLines } from '../../../api/billing-documents.ts';
import { Money } from '../../../components/money.tsx';
import { AmountField } from '../../../components/form/amount-field.tsx';
import { amountCellSx } from '../../../components/form/amount-cell.ts';
import { LocalDate } from '../../../components/local-date.tsx';
import { narrowLineSx, wideColumnSx } from './apply-columns.ts';
import type { ApplyFormValues } from './apply-schema.ts';

/** One invoice or debit memo: its balance and the amount to apply; expands to its items and tax items. */
export function ApplyTargetRow({
  form,
  index,
  currency,
}: {
  form: UseFormReturn<ApplyFormValues>;
  index: number;
  currency: string;
}) {
  const target = form.getValues(`targets.${index}`);
  const [open, setOpen] = useState(false);
  const lines = useSettlementTargetLines(target.type, target.id, open);
  const label = `${target.type === 'Invoice' ? 'Invoice' : 'Debit memo'} ${target.number}`;

  useEffect(() => {
    if (lines.data && form.getValues(`targets.${index}.lines`).length === 0)
      form.setValue(
        `targets.${index}.lines`,
        lines.data.map((l) => ({ ...l, amount: '' })),
        { shouldValidate: true },
      );
  }, [lines.data, form, index]);
  const lineValues = form.watch(`targets.${index}.lines`);
  // The document amount's rule depends on its item amounts: re-check it when they change.
  const lineAmounts = lineValues.map((l) => l.amount).join('|');
  useEffect(() => {
    if (lineAmounts.replace(/\|/g, '') !== '') void form.trigger(`targets.${index}.amount`);
  }, [lineAmounts, form, index]);

  return (
    <>
      <TableRow>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-expanded={open}
            aria-label={`${open ? 'Hide' : 'Show'} items of ${target.number}`}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? <ExpandMore /> : <ChevronRight />}
          </IconButton>
        </TableCell>
        <TableCell>
          {label}
          <Box component="span" sx={narrowLineSx}>
            <LocalDate value={target.date} />
          </Box>
          <Box component="span" sx={narrowLineSx}>
            Balance <Money value={target.balance} currency={currency} />
          </Box>
        </TableCell>
        <TableCell sx={wideColumnSx}>
          <LocalDate value={target.date} />
        </TableCell>
        <TableCell align="right" sx={wideColumnSx}>
          <Money value={target.balance} currency={currency} />
        </TableCell>
        <TableCell sx={amountCellSx}>
          <AmountField
            name={`targets.${index}.amount`}
            label={`Amount to apply to ${target.number}`}
            currency={currency}
            size="small"
          />
        </TableCell>
      </TableRow>
      {open && lines.isPending ? (
        <TableRow>
          <TableCell colSpan={5}>
            <CircularProgress size={20} aria-label={`Loading items of ${target.number}`} />
          </TableCell>
        </TableRow>
      ) : null}
      {open
        ? lineValues.map((l, j) => (
            <TableRow key={l.id}>
              <TableCell />
              <TableCell sx={{ pl: l.kind === 'tax' ? 6 : 3 }}>
                {l.kind === 'tax' ? `Tax: ${l.name}` : l.name}
                <Box component="span" sx={narrowLineSx}>
                  Balance <Money value={l.balance} currency={currency} />
                </Box>
              </TableCell>
              <TableCell sx={wideColumnSx} />
              <TableCell align="right" sx={wideColumnSx}>
                <Money value={l.balance} currency={currency} />
              </TableCell>
              <TableCell>
                <AmountField
                  name={`targets.${index}.lines.${j}.amount`}
                  label={`Amount for ${l.name}`}
                  currency={currency}
                  size="small"
                />
              </TableCell>
            </TableRow>
          ))
        : null}
    </>
  );
}
