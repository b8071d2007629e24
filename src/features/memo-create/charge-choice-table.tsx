import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { chargePrice, type CatalogCharge } from '../../api/catalog.ts';
import { Money } from '../../components/money.tsx';
import { visuallyHidden } from '../../components/visually-hidden.ts';

/** The charges of one rate plan, each with a Select button. */
export function ChargeChoiceTable({
  charges,
  currency,
  onSelect,
}: {
  charges: CatalogCharge[];
  currency: string;
  onSelect: (c: CatalogCharge) => void;
}) {
  return (
    <Table size="small" aria-label="Charges of the rate plan">
      <TableHead>
        <TableRow>
          <TableCell>Charge</TableCell>
          <TableCell>Type</TableCell>
          <TableCell>Model</TableCell>
          <TableCell align="right">List price{currency ? ` (${currency})` : ''}</TableCell>
          <TableCell>
            <Box component="span" sx={visuallyHidden}>
              Action
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {charges.map((c) => {
          const price = currency ? chargePrice(c, currency) : '';
          return (
            <TableRow key={c.id}>
              <TableCell>{c.name}</TableCell>
              <TableCell>{c.type}</TableCell>
              <TableCell>
                {c.model}
                {c.uom ? ` · ${c.uom}` : ''}
              </TableCell>
              <TableCell align="right">{price ? <Money value={price} currency={currency} /> : '—'}</TableCell>
              <TableCell align="right">
                <Button size="small" variant="outlined" onClick={() => onSelect(c)} aria-label={`Select ${c.name}`}>
                  Select
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
