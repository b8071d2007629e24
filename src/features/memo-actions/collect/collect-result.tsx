import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import { memoDetailPath } from '../../../lib/memo-routes.ts';
import type { CollectResponse } from '../../../api/memos/settlement-mutations.ts';
import { formatMoney } from '../../../lib/money.ts';

/** What a collect applied: each credit memo and payment, the amount taken and what it has left. */
export function CollectResult({ result, currency }: { result: CollectResponse; currency: string }) {
  const appliedCreditMemos = result.appliedCreditMemos ?? [];
  const appliedPayments = result.appliedPayments ?? [];
  const none = appliedCreditMemos.length === 0 && appliedPayments.length === 0;
  if (none) return <Typography>Nothing was applied: the account has no unapplied credit memo or payment.</Typography>;
  return (
    <>
      <Typography variant="subtitle2" component="h3">
        Credit memos applied
      </Typography>
      <List dense aria-label="Credit memos applied">
        {appliedCreditMemos.length === 0 ? (
          <ListItem>
            <ListItemText primary="None" />
          </ListItem>
        ) : null}
        {appliedCreditMemos.map((c) => (
          <ListItem key={c.id}>
            <ListItemText
              primary={
                <Link component={RouterLink} to={memoDetailPath('CreditMemo', c.id)}>
                  {c.number}
                </Link>
              }
              secondary={`Applied ${formatMoney(c.appliedAmount, currency)}; ${formatMoney(c.unappliedAmount, currency)} left unapplied`}
            />
          </ListItem>
        ))}
      </List>
      <Typography variant="subtitle2" component="h3">
        Payments applied
      </Typography>
      <List dense aria-label="Payments applied">
        {appliedPayments.length === 0 ? (
          <ListItem>
            <ListItemText primary="None" />
          </ListItem>
        ) : null}
        {appliedPayments.map((p) => (
          <ListItem key={p.id}>
            <ListItemText
              primary={p.number}
              secondary={`Applied ${formatMoney(p.appliedAmount, currency)}; ${formatMoney(p.unappliedAmount, currency)} left unapplied`}
            />
          </ListItem>
        ))}
      </List>
    </>
  );
}
