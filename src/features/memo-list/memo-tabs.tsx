import { Link as RouterLink } from 'react-router';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import type { MemoKind } from '../../lib/memo-kind.ts';

/** Credit Memos / Debit Memos: each tab is its own URL, so it is a link, not local state. */
export function MemoTabs({ kind }: { kind: MemoKind }) {
  return (
    <Tabs value={kind} aria-label="Memo type" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Tab label="Credit Memos" value="CreditMemo" component={RouterLink} to="/credit-memos" />
      <Tab label="Debit Memos" value="DebitMemo" component={RouterLink} to="/debit-memos" />
    </Tabs>
  );
}
