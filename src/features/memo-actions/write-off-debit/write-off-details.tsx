import { Controller } from 'react-hook-form';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { AccountingCode } from '../../../api/accounting-codes.ts';
import { AmountField } from '../../../components/form/amount-field.tsx';
import { AccountingCodePicker } from './accounting-code-picker.tsx';

interface Props {
  revenueImpacting: boolean;
  currency: string;
  openBalance: string;
  deferredCodes: readonly string[];
  allCodes: readonly AccountingCode[];
  expenseCodes: readonly AccountingCode[];
  codesLoading: boolean;
}

/** "Write-Off Details": Revenue Impacting switch, the accounting code it implies or asks for, and the amount. */
export function WriteOffDetails({
  revenueImpacting,
  currency,
  openBalance,
  deferredCodes,
  allCodes,
  expenseCodes,
  codesLoading,
}: Props) {
  const describe = (name: string) => {
    const code = allCodes.find((c) => c.name === name);
    return code ? `${code.name} (${[code.glAccountNumber, code.type].filter(Boolean).join(' · ')})` : name;
  };
  return (
    <section aria-labelledby="write-off-details-heading">
      <Typography id="write-off-details-heading" variant="subtitle1" component="h3" sx={{ mt: 2 }}>
        Write-Off Details
      </Typography>
      <Controller
        name="revenueImpacting"
        render={({ field }) => (
          <FormControlLabel
            label="Revenue Impacting"
            control={
              <Switch
                checked={field.value}
                onChange={(e) => field.onChange(e.target.checked)}
                onBlur={field.onBlur}
                slotProps={{ input: { ref: field.ref } }}
              />
            }
          />
        )}
      />
      {revenueImpacting ? (
        <TextField
          label="Deferred Revenue Accounting Code"
          fullWidth
          margin="normal"
          value={deferredCodes.length ? deferredCodes.map(describe).join(', ') : 'None on the items'}
          helperText="Taken from the debit memo items; the write-off reduces revenue"
          slotProps={{ htmlInput: { readOnly: true } }}
        />
      ) : (
        <AccountingCodePicker codes={expenseCodes} loading={codesLoading} />
      )}
      <AmountField
        name="amount"
        label="Write-Off Amount"
        currency={currency}
        helperText={`Open balance ${openBalance}`}
      />
    </section>
  );
}
