import Alert from '@mui/material/Alert';
import Breadcrumbs from '@mui/material/Breadcrumbs';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link as RouterLink, useParams } from 'react-router';
import { ZuoraApiError } from '../../lib/zuora-error.ts';
import { useMemoDetail } from '../../api/memos/detail.ts';
import { memoRouteBase } from '../../lib/memo-routes.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { MemoDetailView } from './memo-detail-view.tsx';

/** `/credit-memos/:memoId`, `/debit-memos/:memoId`: loads the memo, then the whole detail view. */
/** The route table says which kind the page is for. */
export default function MemoDetailPage({ kind }: { kind: MemoKind }) {
  const { memoId = '' } = useParams();
  const detail = useMemoDetail(kind, memoId);

  return (
    <Stack spacing={2} sx={{ maxWidth: 1280 }}>
      <Breadcrumbs aria-label="Breadcrumb">
        <Link component={RouterLink} to={memoRouteBase(kind)} underline="hover" color="inherit">
          {kind === 'CreditMemo' ? 'Credit Memos' : 'Debit Memos'}
        </Link>
        <Typography color="text.primary" aria-current="page">
          {detail.data?.memo.number ?? memoId}
        </Typography>
      </Breadcrumbs>
      {detail.isPending && <LinearProgress aria-label="Loading memo" />}
      {detail.isError && (
        <DetailError kind={kind} memoId={memoId} error={detail.error} onRetry={() => void detail.refetch()} />
      )}
      {detail.data && <MemoDetailView memo={detail.data} />}
    </Stack>
  );
}

function DetailError({
  kind,
  memoId,
  error,
  onRetry,
}: {
  kind: MemoKind;
  memoId: string;
  error: unknown;
  onRetry: () => void;
}) {
  if (error instanceof ZuoraApiError && error.status === 404) {
    return (
      <Alert severity="warning">
        There is no {kind === 'CreditMemo' ? 'credit memo' : 'debit memo'} {memoId}. It may have been deleted.{' '}
        <Link component={RouterLink} to={memoRouteBase(kind)}>
          Back to the list
        </Link>
      </Alert>
    );
  }
  return <ErrorAlert error={error} title="The memo could not be loaded" onRetry={onRetry} />;
}
