import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Link from '@mui/material/Link';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router';
import type { AccountDetail } from '../../api/account-detail.ts';
import { useInvoiceDetail } from '../../api/invoice-detail.ts';
import { memoDetailPath } from '../../lib/memo-routes.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { LocalDate } from '../../components/local-date.tsx';
import { Money } from '../../components/money.tsx';
import type { AvailableAction } from '../memo-actions/index.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { SectionCard } from './section-card.tsx';
import { sourceLabel, sourceTypeLabel } from '../../lib/wire-labels.ts';

// Basic Information (docs/zuora/ui-inventory.md §2.2): every field Zuora shows for the memo's type, editable while
// Draft through Edit.

export function BasicInformationSection({
  memo: m,
  account,
  edit,
  onEdit,
}: {
  memo: MemoOfKind;
  account: AccountDetail | undefined;
  edit: AvailableAction | undefined;
  onEdit: () => void;
}) {
  const memo = m.memo;
  const cur = memo.currency;
  const invoice = useInvoiceDetail(memo.referredInvoiceId);
  const billTo = account?.billToContact;
  // Absent on a tenant that does not send it: shown as "—" by Field, not guessed.
  const yesNo = (v: boolean | null | undefined) => (v === null || v === undefined ? null : v ? 'Yes' : 'No');
  const editButton = edit && (
    <Box sx={{ textAlign: 'right' }}>
      <Button
        size="small"
        variant="outlined"
        disabled={!edit.enabled}
        onClick={onEdit}
        aria-describedby={edit.enabled ? undefined : 'basic-info-edit-reason'}
      >
        Edit
      </Button>
      {!edit.enabled && (
        <Typography id="basic-info-edit-reason" variant="caption" component="p" color="text.secondary">
          {edit.reason}
        </Typography>
      )}
    </Box>
  );

  return (
    <SectionCard title="Basic Information" action={editButton}>
      <Box
        component="dl"
        sx={{
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: 'repeat(2, 1fr)', lg: 'repeat(3, 1fr)' },
          columnGap: 4,
          rowGap: 1.5,
          m: 0,
        }}
      >
        <Field label="Memo Type">{memoKindLabel(m.kind)}</Field>
        <Field label="Customer Account">
          {account
            ? `${account.basicInfo.name} (${account.basicInfo.accountNumber})`
            : (memo.accountNumber ?? memo.accountId)}
        </Field>
        <Field label="Currency">{cur}</Field>
        <Field label="Amount">
          <Money value={memo.amount} currency={cur} />
        </Field>
        <Field label="Tax Amount">
          <Money value={memo.taxAmount} currency={cur} />
        </Field>
        {m.kind === 'CreditMemo' ? (
          <>
            <Field label="Unapplied Amount">
              <Money value={m.memo.unappliedAmount} currency={cur} />
            </Field>
            <Field label="Refund Amount">
              <Money value={m.memo.refundAmount} currency={cur} />
            </Field>
          </>
        ) : (
          <Field label="Balance">
            <Money value={m.memo.balance} currency={cur} />
          </Field>
        )}
        <Field label="Memo Date">
          <LocalDate value={m.kind === 'CreditMemo' ? m.memo.creditMemoDate : m.memo.debitMemoDate} />
        </Field>
        {m.kind === 'DebitMemo' && (
          <Field label="Due Date">
            <LocalDate value={m.memo.dueDate} />
          </Field>
        )}
        <Field label="Source Type">{memo.sourceType && sourceTypeLabel(memo.sourceType)}</Field>
        {m.kind === 'CreditMemo' && m.memo.source && <Field label="Source">{sourceLabel(m.memo.source)}</Field>}
        {memo.referredInvoiceId && (
          <Field label="Related Invoice">{invoice.data?.invoiceNumber ?? memo.referredInvoiceId}</Field>
        )}
        {m.kind === 'DebitMemo' && m.memo.referredCreditMemoId && (
          <Field label="Related Credit Memo">
            <Link component={RouterLink} to={memoDetailPath('CreditMemo', m.memo.referredCreditMemoId)}>
              View credit memo
            </Link>
          </Field>
        )}
        {m.kind === 'CreditMemo' ? (
          <>
            <Field label="Reversed">{yesNo(m.memo.reversed)}</Field>
            {memo.referredInvoiceId && (
              <Field label="Auto Apply: Apply to this invoice upon posting">{yesNo(m.memo.autoApplyUponPosting)}</Field>
            )}
            <Field label="Auto Apply: Exclude from auto apply rules">{yesNo(m.memo.excludeFromAutoApplyRules)}</Field>
          </>
        ) : (
          <Field label="Auto-Pay">{yesNo(m.memo.autoPay)}</Field>
        )}
        <Field label="Reason Code">{memo.reasonCode}</Field>
        <Field label="Bill To Contact">
          {billTo ? (
            <ContactLines
              name={[billTo.firstName, billTo.lastName].filter(Boolean).join(' ')}
              email={billTo.workEmail ?? billTo.personalEmail}
            />
          ) : null}
        </Field>
        <Field label="Tax Status">{memo.taxStatus}</Field>
        {memo.taxMessage && <Field label="Tax Message">{memo.taxMessage}</Field>}
        <Field label="Transferred to Accounting">{memo.transferredToAccounting}</Field>
        <Field label="Created On">
          <LocalDate value={memo.createdDate} withTime />
        </Field>
        {memo.postedOn && (
          <Field label="Posted On">
            <LocalDate value={memo.postedOn} withTime />
          </Field>
        )}
        {memo.cancelledOn && (
          <Field label="Cancelled On">
            <LocalDate value={memo.cancelledOn} withTime />
          </Field>
        )}
        <Field label="Comments" wide>
          {memo.comment}
        </Field>
      </Box>
    </SectionCard>
  );
}

function Field({ label, children, wide }: { label: string; children: ReactNode; wide?: boolean }) {
  const empty = children === null || children === undefined || children === '';
  return (
    <Box sx={wide ? { gridColumn: '1 / -1' } : undefined}>
      <Typography component="dt" variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography component="dd" variant="body2" sx={{ m: 0, overflowWrap: 'anywhere' }}>
        {empty ? <span aria-label="none">—</span> : children}
      </Typography>
    </Box>
  );
}

/** Name, then email on its own line; a long email wraps after its '@' rather than mid-word. */
function ContactLines({ name, email }: { name: string; email?: string | null }) {
  const at = email?.indexOf('@') ?? -1;
  return (
    <>
      {name}
      {name && email ? <br /> : null}
      {email && at > 0 ? (
        <>
          {email.slice(0, at + 1)}
          <wbr />
          {email.slice(at + 1)}
        </>
      ) : (
        email
      )}
    </>
  );
}
