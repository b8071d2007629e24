import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import Add from '@mui/icons-material/Add';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import { useFieldArray } from 'react-hook-form';
import { FormTextField } from '../../components/form/text-field.tsx';
import type { StandaloneFormValues } from './standalone-schema.ts';

/** Custom fields of the memo (`Name__c` → value), sent as top-level body fields. */
export function CustomFieldsEditor() {
  const { fields, append, remove } = useFieldArray<StandaloneFormValues, 'customFields'>({ name: 'customFields' });
  return (
    <Box>
      <Typography component="h3" variant="subtitle2" gutterBottom>
        Custom fields
      </Typography>
      {fields.map((f, i) => (
        <Box
          key={f.id}
          role="group"
          aria-label={`Custom field ${i + 1}`}
          sx={{ display: 'flex', gap: 2, mb: 1, alignItems: 'flex-start' }}
        >
          <FormTextField<StandaloneFormValues>
            name={`customFields.${i}.name`}
            label="Field name"
            placeholder="Region__c"
            size="small"
          />
          <FormTextField<StandaloneFormValues> name={`customFields.${i}.value`} label="Value" size="small" />
          <IconButton onClick={() => remove(i)} aria-label={`Remove custom field ${i + 1}`}>
            <DeleteOutline />
          </IconButton>
        </Box>
      ))}
      <Button startIcon={<Add />} size="small" onClick={() => append({ name: '', value: '' })}>
        Add custom field
      </Button>
    </Box>
  );
}
