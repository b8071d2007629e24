import Button from '@mui/material/Button';
import { ResponsiveDialog } from '../../components/responsive-dialog.tsx';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import CheckCircle from '@mui/icons-material/CheckCircle';
import ErrorOutline from '@mui/icons-material/ErrorOutlineOutlined';
import type { BulkOutcome } from './run-bulk.ts';

/** Each selected memo's outcome: done, or refused with Zuora's message. */
export function BulkResultsDialog({
  title,
  doneLabel,
  outcomes,
  onClose,
}: {
  title: string;
  doneLabel: string;
  outcomes: BulkOutcome[] | null;
  onClose: () => void;
}) {
  const done = outcomes?.filter((o) => o.ok).length ?? 0;
  const refused = (outcomes?.length ?? 0) - done;
  return (
    <ResponsiveDialog
      open={outcomes !== null}
      onClose={onClose}
      aria-labelledby="bulk-results-title"
      maxWidth="sm"
      fullWidth
    >
      <DialogTitle id="bulk-results-title">{title}</DialogTitle>
      <DialogContent>
        <Typography sx={{ mb: 1 }} role="status">
          {done} {doneLabel.toLowerCase()}, {refused} refused.
        </Typography>
        <Table size="small" aria-label="Outcome per memo">
          <TableHead>
            <TableRow>
              <TableCell>Memo</TableCell>
              <TableCell>Outcome</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {outcomes?.map((o) => (
              <TableRow key={o.id}>
                <TableCell>{o.number}</TableCell>
                <TableCell>
                  <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                    {o.ok ? (
                      <CheckCircle color="success" fontSize="small" aria-hidden />
                    ) : (
                      <ErrorOutline color="error" fontSize="small" aria-hidden />
                    )}
                    {o.ok ? doneLabel : `Refused: ${o.message}`}
                  </span>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          Close
        </Button>
      </DialogActions>
    </ResponsiveDialog>
  );
}
