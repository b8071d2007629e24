import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import { memoDetailPath } from '../../../lib/memo-routes.ts';
import { type MemoKind } from '../../../lib/memo-kind.ts';
import { Money } from '../../../components/money.tsx';
import type { Outcome } from './send-memos.ts';
import type { MemoDraft } from './validate-memo-rows.ts';

/** One row per memo of the file: what it holds, then whether it is ready, created or why not. */
export function BulkMemoTable({
  kind,
  memos,
  outcomes,
  sent,
}: {
  kind: MemoKind;
  memos: MemoDraft[];
  outcomes: Outcome[];
  sent: boolean;
}) {
  const byRef = new Map(outcomes.map((o) => [o.memoRef, o]));
  return (
    <Table size="small" aria-label="Memos in the file">
      <TableHead>
        <TableRow>
          <TableCell>memoRef</TableCell>
          <TableCell>Account</TableCell>
          <TableCell>Lines</TableCell>
          <TableCell align="right">Charges</TableCell>
          <TableCell align="right">Total</TableCell>
          <TableCell>{sent ? 'Outcome' : 'Check'}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {memos.map((m) => (
          <TableRow key={m.memoRef} sx={{ verticalAlign: 'top' }}>
            <TableCell>{m.memoRef}</TableCell>
            <TableCell>{m.accountNumber}</TableCell>
            <TableCell>{m.lines.join(', ')}</TableCell>
            <TableCell align="right">{m.chargeCount}</TableCell>
            <TableCell align="right">
              {m.total && m.currency ? <Money value={m.total} currency={m.currency} /> : '—'}
            </TableCell>
            <TableCell>
              <Status kind={kind} memo={m} outcome={byRef.get(m.memoRef)} sent={sent} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

function Status({
  kind,
  memo,
  outcome,
  sent,
}: {
  kind: MemoKind;
  memo: MemoDraft;
  outcome: Outcome | undefined;
  sent: boolean;
}) {
  if (memo.errors.length) {
    return (
      <Typography variant="body2" color="error" component="div">
        {sent ? 'Not sent: ' : ''}
        {memo.errors.map((e) => (
          <div key={e}>{e}</div>
        ))}
      </Typography>
    );
  }
  if (!outcome) return <Typography variant="body2">{sent ? 'Waiting…' : 'Ready'}</Typography>;
  if (outcome.state === 'created') {
    return (
      <Typography variant="body2" component="div">
        {outcome.earlier ? 'Already created by an earlier upload:' : 'Created'}{' '}
        <Link component={RouterLink} to={memoDetailPath(kind, outcome.id)}>
          {outcome.number}
        </Link>{' '}
        ({outcome.status})
      </Typography>
    );
  }
  return (
    <Typography variant="body2" color="error" component="div">
      Failed:{' '}
      {outcome.reasons.map((r) => (
        <div key={`${r.code}${r.message}`}>
          {r.message}
          {r.code ? ` (code ${r.code})` : ''}
        </div>
      ))}
    </Typography>
  );
}
