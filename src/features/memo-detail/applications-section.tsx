import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { MemoApplications } from '../../api/memos/applications.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LocalDate } from '../../components/local-date.tsx';
import { Money } from '../../components/money.tsx';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { EmptyNote, SectionCard } from './section-card.tsx';
import { LINKED_TYPE_LABELS, type LinkedRow } from './use-linked-documents.ts';

/**
 * Credit memo: "Applied To" (its parts: invoices and debit memos, and the unapplied part).
 * Debit memo: "Applications" (payments and credit memos applied to it), with links to memos.
 */
export function ApplicationsSection({
  memo,
  applications,
  rows,
}: {
  memo: MemoOfKind;
  applications: UseQueryResult<MemoApplications>;
  rows: LinkedRow[];
}) {
  const isCm = memo.kind === 'CreditMemo';
  const shown = rows.filter((r) => r.type !== 'Unapplied' || isCm);
  const applied = shown.filter((r) => r.type !== 'Unapplied');
  return (
    <SectionCard title={isCm ? 'Applied To' : 'Applications'}>
      {applications.isPending && <LinearProgress aria-label="Loading applications" />}
      {applications.isError && <ErrorAlert error={applications.error} onRetry={() => void applications.refetch()} />}
      {applications.isSuccess && applied.length === 0 && (
        <EmptyNote>
          {isCm
            ? 'This credit memo is not applied to any invoice or debit memo.'
            : 'No payment or credit memo is applied to this debit memo.'}
        </EmptyNote>
      )}
      {applied.length > 0 && (
        <TableContainer>
          <Table
            size="small"
            aria-label={
              isCm ? 'Documents this credit memo is applied to' : 'Payments and credit memos applied to this debit memo'
            }
          >
            <TableHead>
              <TableRow>
                <TableCell>Document</TableCell>
                <TableCell>Type</TableCell>
                <TableCell align="right">Applied Amount</TableCell>
                <TableCell>Applied On</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {shown.map((r) => (
                <TableRow key={r.key}>
                  <TableCell>
                    <DocumentName row={r} />
                  </TableCell>
                  <TableCell>{LINKED_TYPE_LABELS[r.type]}</TableCell>
                  <TableCell align="right">
                    <Money value={r.amount} currency={memo.memo.currency} />
                  </TableCell>
                  <TableCell>
                    {r.type === 'Unapplied' ? <span aria-label="none">—</span> : <LocalDate value={r.date} withTime />}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </SectionCard>
  );
}

function DocumentName({ row }: { row: LinkedRow }) {
  if (row.type === 'Unapplied') return <>Unapplied amount</>;
  const text = row.number ?? `${LINKED_TYPE_LABELS[row.type]} ${row.id?.slice(0, 8) ?? ''}…`;
  return row.to ? (
    <Link component={RouterLink} to={row.to}>
      {text}
    </Link>
  ) : (
    <>{text}</>
  );
}
