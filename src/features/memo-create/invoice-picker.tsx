import MenuItem from '@mui/material/MenuItem';
import TextField from '@mui/material/TextField';
import { usePostedInvoices } from '../../api/invoices.ts';
import { formatDate } from '../../lib/dates.ts';
import { formatMoney } from '../../lib/money.ts';

interface Props {
  accountId: string | undefined;
  value: string;
  onChange: (invoiceId: string) => void;
  onBlur?: () => void;
  error?: string;
  busy?: boolean;
  inputRef?: React.Ref<HTMLInputElement>;
}

/** The account's Posted invoices; choosing one loads its items into the form. */
export function InvoicePicker({ accountId, value, onChange, onBlur, error, busy, inputRef }: Props) {
  const invoices = usePostedInvoices(accountId);
  const list = invoices.data ?? [];
  const empty = Boolean(accountId) && invoices.isSuccess && list.length === 0;
  const help = !accountId
    ? 'Choose the account first.'
    : invoices.isPending
      ? 'Loading invoices…'
      : invoices.isError
        ? 'The invoices could not be loaded.'
        : empty
          ? 'This account has no posted invoices.'
          : busy
            ? 'Loading the invoice items…'
            : undefined;
  return (
    <TextField
      select
      label="Invoice"
      required
      fullWidth
      value={list.some((i) => i.id === value) ? value : ''}
      onChange={(e) => onChange(e.target.value)}
      onBlur={onBlur}
      inputRef={inputRef}
      disabled={!accountId || empty}
      error={Boolean(error) || invoices.isError}
      helperText={error ?? help}
    >
      {list.map((inv) => (
        <MenuItem key={inv.id} value={inv.id}>
          {inv.documentNumber} · {formatDate(inv.documentDate)} · {formatMoney(inv.amount, inv.currency ?? 'USD')}{' '}
          (balance {formatMoney(inv.balance, inv.currency ?? 'USD')})
        </MenuItem>
      ))}
    </TextField>
  );
}
