import Box from '@mui/material/Box';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import type { AccountDetail } from '../../api/account-detail.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { LocalDate } from '../../components/local-date.tsx';
import { Money } from '../../components/money.tsx';
import { StatusChip } from '../../components/status-chip.tsx';
import type { MemoOfKind } from '../../api/memos/detail.ts';

/** Memo type and number, status, account, and the amounts a clerk checks first; actions on the right. */
export function MemoHeader({
  memo: m,
  account,
  actions,
}: {
  memo: MemoOfKind;
  account: AccountDetail | undefined;
  actions: ReactNode;
}) {
  const memo = m.memo;
  const typeLabel = memoKindLabel(m.kind);
  const accountText = account
    ? `${account.basicInfo.name} (${account.basicInfo.accountNumber})`
    : (memo.accountNumber ?? memo.accountId);
  return (
    <Paper variant="outlined" sx={{ p: 2 }}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={2}
        sx={{ justifyContent: 'space-between', alignItems: { md: 'flex-start' } }}
      >
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="overline" component="p" color="text.secondary" sx={{ lineHeight: 1.5 }}>
            {typeLabel}
          </Typography>
          <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center' }}>
            <Typography variant="h5" component="h1" sx={{ fontWeight: 600 }}>
              {typeLabel} {memo.number}
            </Typography>
            <StatusChip status={memo.status} />
          </Stack>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 0.5 }}>
            Account: {accountText}
          </Typography>
        </Box>
        {actions}
      </Stack>
      <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 5, rowGap: 1.5, m: 0, mt: 2 }}>
        <Figure label="Amount">
          <Money value={memo.amount} currency={memo.currency} />
        </Figure>
        {m.kind === 'CreditMemo' ? (
          <>
            <Figure label="Unapplied Amount">
              <Money value={m.memo.unappliedAmount} currency={memo.currency} />
            </Figure>
            <Figure label="Applied Amount">
              <Money value={m.memo.appliedAmount} currency={memo.currency} />
            </Figure>
            <Figure label="Refund Amount">
              <Money value={m.memo.refundAmount} currency={memo.currency} />
            </Figure>
          </>
        ) : (
          <Figure label="Balance">
            <Money value={m.memo.balance} currency={memo.currency} />
          </Figure>
        )}
        <Figure label="Memo Date">
          <LocalDate value={m.kind === 'CreditMemo' ? m.memo.creditMemoDate : m.memo.debitMemoDate} />
        </Figure>
        {m.kind === 'DebitMemo' && (
          <Figure label="Due Date">
            <LocalDate value={m.memo.dueDate} />
          </Figure>
        )}
      </Box>
    </Paper>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="h6" sx={{ m: 0, fontWeight: 500 }}>
        {children}
      </Typography>
    </Box>
  );
}
