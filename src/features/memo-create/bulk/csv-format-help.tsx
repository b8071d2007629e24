import Button from '@mui/material/Button';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Download from '@mui/icons-material/Download';
import { isDiscountCharge, useCatalogProducts } from '../../../api/catalog.ts';
import type { MemoKind } from '../../../lib/memo-kind.ts';
import { columnsFor, csvTemplate } from './csv-columns.ts';

/** The file format, column by column, and a template to start from. */
export function CsvFormatHelp({ kind }: { kind: MemoKind }) {
  const catalog = useCatalogProducts();
  const sampleCharge = catalog.data
    ?.flatMap((p) => p.productRatePlans.flatMap((pl) => pl.productRatePlanCharges))
    .find((c) => c.type === 'OneTime' && !isDiscountCharge(c));

  function download() {
    const blob = new Blob([csvTemplate(kind, { chargeId: sampleCharge?.id })], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `${kind === 'CreditMemo' ? 'credit' : 'debit'}-memos-template.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <>
      <Typography sx={{ mb: 1 }}>
        One row per charge line, UTF-8, comma-separated, first row the column names. Rows with the same{' '}
        <code>memoRef</code> become one memo and must agree on its memo-level cells. Quote a cell that holds a comma, a
        quote (written twice) or a line break.
      </Typography>
      <Button variant="outlined" startIcon={<Download />} onClick={download} sx={{ mb: 2 }}>
        Download template
      </Button>
      <Table size="small" aria-label="CSV columns">
        <TableHead>
          <TableRow>
            <TableCell>Column</TableCell>
            <TableCell>Level</TableCell>
            <TableCell>Required</TableCell>
            <TableCell>Meaning</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {columnsFor(kind).map((c) => (
            <TableRow key={c.name}>
              <TableCell>
                <code>{c.name}</code>
              </TableCell>
              <TableCell>{c.level}</TableCell>
              <TableCell>
                {c.required
                  ? 'yes'
                  : c.name === 'productRatePlanChargeId' || c.name === 'chargeNumber'
                    ? 'one of the two'
                    : 'no'}
              </TableCell>
              <TableCell>{c.help}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
}
