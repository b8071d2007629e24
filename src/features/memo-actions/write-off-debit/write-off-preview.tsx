import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import Box from '@mui/material/Box';
import type { DebitMemoItem } from '../../../contract/memos.ts';
import type { WriteOffPreview as Preview } from '../../../contract/write-off.ts';
import { Money } from '../../../components/money.tsx';

interface Props {
  preview: Preview | null;
  items: readonly DebitMemoItem[];
  revenueImpacting: boolean;
  expenseCode: string;
  sentence: string | null;
}

/** The credit memo the write-off will create: what each debit memo item receives, and what remains. */
export function WriteOffPreview({ preview, items, revenueImpacting, expenseCode, sentence }: Props) {
  return (
    <Box component="section" aria-labelledby="write-off-preview-heading" sx={{ mt: 2 }}>
      <Typography id="write-off-preview-heading" variant="subtitle1" component="h3">
        Preview: the credit memo that will be created
      </Typography>
      {!preview ? (
        <Typography variant="body2" color="text.secondary">
          Enter a valid write-off amount to see the preview.
        </Typography>
      ) : (
        <>
          <Table size="small" aria-labelledby="write-off-preview-heading">
            <TableHead>
              <TableRow>
                <TableCell>Debit memo item</TableCell>
                <TableCell align="right">Open balance</TableCell>
                <TableCell align="right">Credit applied</TableCell>
                <TableCell align="right">Balance after</TableCell>
                <TableCell>Accounting code</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {preview.lines.flatMap((line) => {
                const item = items.find((i) => i.id === line.debitMemoItemId);
                const code = revenueImpacting ? (line.deferredRevenueAccountingCode ?? '—') : expenseCode || '—';
                return [
                  <TableRow key={line.debitMemoItemId}>
                    <TableCell>{line.skuName}</TableCell>
                    <TableCell align="right">
                      <Money value={line.balance} currency={preview.currency} />
                    </TableCell>
                    <TableCell align="right">
                      <Money value={line.amount} currency={preview.currency} />
                    </TableCell>
                    <TableCell align="right">
                      <Money value={line.balanceAfter} currency={preview.currency} />
                    </TableCell>
                    <TableCell>{code}</TableCell>
                  </TableRow>,
                  ...line.taxationItems.map((tax) => {
                    const source = item?.taxationItems?.data.find((t) => t.id === tax.taxItemId);
                    return (
                      <TableRow key={tax.taxItemId}>
                        <TableCell sx={{ pl: 4 }}>Tax: {tax.name}</TableCell>
                        <TableCell align="right">
                          <Money value={tax.balance} currency={preview.currency} />
                        </TableCell>
                        <TableCell align="right">
                          <Money value={tax.amount} currency={preview.currency} />
                        </TableCell>
                        <TableCell align="right">
                          <Money value={tax.balanceAfter} currency={preview.currency} />
                        </TableCell>
                        <TableCell>{source?.financeInformation?.salesTaxPayableAccountingCode ?? '—'}</TableCell>
                      </TableRow>
                    );
                  }),
                ];
              })}
              <TableRow>
                <TableCell component="th" scope="row" sx={{ fontWeight: 600 }}>
                  Credit memo total
                </TableCell>
                <TableCell align="right">
                  <Money value={preview.openBalance} currency={preview.currency} />
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  <Money value={preview.amount} currency={preview.currency} />
                </TableCell>
                <TableCell align="right" sx={{ fontWeight: 600 }}>
                  <Money value={preview.balanceAfter} currency={preview.currency} />
                </TableCell>
                <TableCell />
              </TableRow>
            </TableBody>
          </Table>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {sentence}
          </Typography>
          <Typography variant="body2" sx={{ mt: 0.5 }} aria-live="polite">
            Debit memo balance after the write-off:{' '}
            <strong>
              <Money value={preview.balanceAfter} currency={preview.currency} />
            </strong>
          </Typography>
        </>
      )}
    </Box>
  );
}
