import Box from '@mui/material/Box';
import MenuItem from '@mui/material/MenuItem';
import { useController, useFormContext, useWatch } from 'react-hook-form';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { AccountPicker } from './account-picker.tsx';
import { FormCheckbox } from '../../components/form/checkbox-field.tsx';
import { DateField } from '../../components/form/date-field.tsx';
import { FormTextField } from '../../components/form/text-field.tsx';
import { CommentField } from '../../components/form/comment-field.tsx';
import { ReasonCodeField } from '../../components/form/reason-code-field.tsx';
import { useMemoReasonCodes } from './use-memo-reason-codes.ts';
import type { StandaloneFormValues } from './standalone-schema.ts';

type F = StandaloneFormValues;
const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(3, minmax(0, 1fr))' } } as const;

/** Basic Information of a standalone memo (docs/zuora/ui-inventory.md §3.2). */
export function StandaloneBasicFields({ kind }: { kind: MemoKind }) {
  const { control, setValue } = useFormContext<F>();
  const { field, fieldState } = useController<F, 'account'>({ control, name: 'account' });
  const account = useWatch<F, 'account'>({ name: 'account' });
  const reasonCodes = useMemoReasonCodes(kind);
  return (
    <Box sx={grid}>
      <Box sx={{ gridColumn: { md: 'span 2' } }}>
        <AccountPicker
          value={field.value}
          inputRef={field.ref}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
          onChange={(a) => {
            field.onChange(a);
            setValue('currency', a?.currency ?? '', { shouldValidate: Boolean(a) });
          }}
        />
      </Box>
      <FormTextField<F>
        name="currency"
        label="Currency"
        select
        required
        disabled={!account}
        helperText="The account's currency. Others need Zuora's Multiple Currencies feature."
      >
        {account ? <MenuItem value={account.currency}>{account.currency}</MenuItem> : <MenuItem value="">—</MenuItem>}
      </FormTextField>
      <DateField<F> name="effectiveDate" label="Memo Date" margin="none" />
      {kind === 'DebitMemo' && (
        <DateField<F>
          name="dueDate"
          label="Due Date"
          required={false}
          margin="none"
          helperText="Empty: from the account's payment term."
        />
      )}
      <ReasonCodeField<F> name="reasonCode" margin="none" {...reasonCodes} />
      <FormTextField<F>
        name="number"
        label="Memo Number (optional)"
        helperText="Up to 32 letters, digits, - or _. Empty: the next number."
      />
      <Box sx={{ gridColumn: { md: 'span 2' } }}>
        <CommentField<F> name="comment" label="Comments" margin="none" />
      </Box>
      <Box sx={{ display: 'flex', flexDirection: 'column' }}>
        {kind === 'DebitMemo' ? (
          <FormCheckbox<F> name="autoPay" label="Auto-Pay" />
        ) : (
          <FormCheckbox<F> name="excludeFromAutoApplyRules" label="Exclude from auto apply rules" />
        )}
        <FormCheckbox<F> name="autoPost" label="Auto-post (post the memo when it is saved)" />
      </Box>
    </Box>
  );
}
