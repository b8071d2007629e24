import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link as RouterLink } from 'react-router';
import type { MemoHistoryEvent } from '../../api/memos/history.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { LocalDate } from '../../components/local-date.tsx';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { timelineFromMemo, timelineOf } from './history-events.ts';
import { SectionCard } from './section-card.tsx';

/** One timeline of every event on the memo, newest first, with who and when. */
export function HistorySection({
  memo,
  history,
  numbers,
}: {
  memo: MemoOfKind;
  history: UseQueryResult<MemoHistoryEvent[] | null>;
  numbers: ReadonlyMap<string, string>;
}) {
  const fromServer = history.data ? timelineOf(history.data, memo.memo.currency, numbers) : null;
  const entries = (fromServer ?? (history.isSuccess ? timelineFromMemo(memo.memo) : [])).slice().reverse();
  return (
    <SectionCard title="History">
      {history.isPending && <LinearProgress aria-label="Loading history" />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.isSuccess && history.data === null && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ mb: 1 }}>
          The connected tenant reports only the memo’s own dates.
        </Typography>
      )}
      <Box component="ol" sx={{ listStyle: 'none', p: 0, m: 0 }}>
        {entries.map((e) => (
          <Box
            component="li"
            key={e.id}
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: '1fr', sm: '180px 1fr' },
              columnGap: 2,
              py: 1,
              borderBottom: 1,
              borderColor: 'divider',
              '&:last-of-type': { borderBottom: 0 },
            }}
          >
            <Typography variant="body2" color="text.secondary">
              <LocalDate value={e.at} withTime />
            </Typography>
            <Box>
              <Typography variant="body2">
                <strong>{e.title}</strong>
                {e.detail ? ` — ${e.detail}` : ''}
                {e.link && (
                  <>
                    {' '}
                    <Link component={RouterLink} to={e.link.to}>
                      {e.link.label}
                    </Link>
                  </>
                )}
              </Typography>
              {e.user && (
                <Typography variant="caption" color="text.secondary">
                  by {e.user}
                </Typography>
              )}
            </Box>
          </Box>
        ))}
      </Box>
    </SectionCard>
  );
}
