import Box from '@mui/material/Box';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm } from 'react-hook-form';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { useCreateStandaloneMemo } from '../../api/memos/create-mutations.ts';
import { standaloneRequest } from './build-requests.ts';
import { CreateMemoForm } from './create-memo-form.tsx';
import { CustomFieldsEditor } from './custom-fields-editor.tsx';
import { FormSection } from './form-section.tsx';
import { StandaloneBasicFields } from './standalone-basic-fields.tsx';
import { StandaloneCharges } from './standalone-charges.tsx';
import { standaloneDefaults, standaloneFormSchema, type StandaloneFormValues } from './standalone-schema.ts';

/** Create Credit/Debit Memo → Standalone: a memo from catalog charges (docs/zuora/ui-inventory.md §3.2). */
/** The route table says which kind the page is for. */
export default function StandalonePage({ kind }: { kind: MemoKind }) {
  return <StandaloneForm key={kind} kind={kind} />;
}

function StandaloneForm({ kind }: { kind: MemoKind }) {
  const form = useForm<StandaloneFormValues>({
    resolver: zodResolver(standaloneFormSchema),
    defaultValues: standaloneDefaults(kind),
    mode: 'onTouched',
  });
  const create = useCreateStandaloneMemo(kind);
  const label = memoKindLabel(kind);

  return (
    <CreateMemoForm
      form={form}
      kind={kind}
      titleId="standalone-title"
      title={`Create Standalone ${label}`}
      intro={`A ${label.toLowerCase()} from product catalog charges. It is saved as Draft unless Auto-post is on.`}
      error={create.error}
      create={(values, idempotencyKey) => create.mutateAsync({ body: standaloneRequest(values), idempotencyKey })}
    >
      <FormSection id="basic-title" title="Basic Information">
        <StandaloneBasicFields kind={kind} />
        <Box sx={{ mt: 2 }}>
          <CustomFieldsEditor />
        </Box>
      </FormSection>
      <StandaloneCharges kind={kind} />
    </CreateMemoForm>
  );
}
