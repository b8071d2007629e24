import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import { ResponsiveDialog } from '../../components/responsive-dialog.tsx';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useController, useForm, type Path } from 'react-hook-form';
import { useAccountingCodes } from '../../api/accounting-codes.ts';
import { useMemoItems } from '../../api/memos/items.ts';
import { useEditMemoItems } from '../../api/memos/lifecycle-mutations.ts';
import type { CreditMemoItem, DebitMemoItem } from '../../contract/memos.ts';
import { DateField } from '../../components/form/date-field.tsx';
import { FormDialog } from '../../components/form/form-dialog.tsx';
import { FormTextField } from '../../components/form/text-field.tsx';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import type { MemoDialogProps } from './dialog-types.ts';
import {
  editItemDefaults,
  editItemFormSchema,
  editItemRequest,
  itemEditRefusal,
  type EditItemFormValues,
} from './edit-item-schema.ts';
import { memoName } from './memo-labels.ts';

/** Items → Edit (Draft memos, tax-exclusive items): amount, description, service period, accounting codes. */
export default function EditItemDialog({ memo, onClose, onSuccess, searchParams }: MemoDialogProps) {
  const itemId = searchParams.get('itemId') ?? '';
  const items = useMemoItems(memo.kind, memo.memo.id);
  const item = (items.data?.items as (CreditMemoItem | DebitMemoItem)[] | undefined)?.find((i) => i.id === itemId);
  if (items.isPending) return null;
  if (!item) return <Unavailable message={`This memo has no item ${itemId || '(none given)'}.`} onClose={onClose} />;
  const refusal = itemEditRefusal(item);
  if (refusal) return <Unavailable message={refusal} onClose={onClose} />;
  return <EditItemForm memo={memo} item={item} onClose={onClose} onSuccess={onSuccess} />;
}

function Unavailable({ message, onClose }: { message: string; onClose: () => void }) {
  return (
    <ResponsiveDialog open onClose={onClose} aria-labelledby="edit-item-unavailable">
      <DialogTitle id="edit-item-unavailable">Edit Item</DialogTitle>
      <DialogContent>
        <Alert severity="info">{message}</Alert>
      </DialogContent>
    </ResponsiveDialog>
  );
}

type F = EditItemFormValues;

interface FormProps extends Pick<MemoDialogProps, 'onClose' | 'onSuccess'> {
  memo: MemoOfKind;
  item: CreditMemoItem | DebitMemoItem;
}

function EditItemForm({ memo, item, onClose, onSuccess }: FormProps) {
  const editItems = useEditMemoItems(memo.kind, memo.memo.id);
  const codes = useAccountingCodes();
  const active = (codes.data ?? []).filter((c) => c.status === 'Active').map((c) => c.name);
  const form = useForm<EditItemFormValues>({
    resolver: zodResolver(editItemFormSchema(memo.memo.currency)),
    defaultValues: editItemDefaults(item),
    mode: 'all',
  });

  async function submit(values: EditItemFormValues) {
    await editItems.mutateAsync({ items: [editItemRequest(memo.kind, item.id, values)] });
    onSuccess({ message: `Saved item ${item.skuName} of ${memoName(memo)}` });
  }

  return (
    <FormDialog open title="Edit Item" form={form} onSubmit={submit} onClose={onClose}>
      <Stack spacing={2} sx={{ pt: 1 }}>
        <Typography variant="subtitle2" component="p">
          {item.skuName}
        </Typography>
        <FormTextField<F>
          name="amount"
          label={`Amount without tax (${memo.memo.currency})`}
          required
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
        />
        <FormTextField<F> name="description" label="Description" multiline />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <DateField<F> name="serviceStartDate" label="Service Start Date" required={false} margin="none" />
          <DateField<F> name="serviceEndDate" label="Service End Date" required={false} margin="none" />
        </Stack>
        <CodeField name="deferredRevenueAccountingCode" label="Deferred Revenue Accounting Code" options={active} />
        <CodeField name="recognizedRevenueAccountingCode" label="Recognized Revenue Accounting Code" options={active} />
        {memo.kind === 'CreditMemo' && (
          <CodeField name="onAccountAccountingCode" label="On-Account Accounting Code" options={active} />
        )}
        <FormTextField<F> name="revenueRecognitionRuleName" label="Revenue Recognition Rule" />
      </Stack>
    </FormDialog>
  );
}

/** An accounting code: pick an active code, or keep or type one the tenant knows (free text). */
function CodeField({ name, label, options }: { name: Path<F>; label: string; options: string[] }) {
  const { field, fieldState } = useController<F>({ name });
  return (
    <Autocomplete
      freeSolo
      options={options}
      value={field.value}
      onChange={(_, v) => field.onChange(v ?? '')}
      onInputChange={(_, v) => field.onChange(v)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          onBlur={field.onBlur}
          error={Boolean(fieldState.error)}
          helperText={fieldState.error?.message}
        />
      )}
    />
  );
}
