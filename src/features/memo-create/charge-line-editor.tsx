import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Paper from '@mui/material/Paper';
import Typography from '@mui/material/Typography';
import DeleteOutline from '@mui/icons-material/DeleteOutlined';
import ExpandMore from '@mui/icons-material/ExpandMore';
import { useWatch } from 'react-hook-form';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { DateField } from '../../components/form/date-field.tsx';
import { FormTextField } from '../../components/form/text-field.tsx';
import { blankServiceDateMeaning } from '../../contract/service-period.ts';
import type { StandaloneFormValues } from './standalone-schema.ts';

type F = StandaloneFormValues;
const grid = { display: 'grid', gap: 2, gridTemplateColumns: { xs: '1fr', md: 'repeat(5, minmax(0, 1fr))' } } as const;

/** One charge of a standalone memo: amount, quantity, description, service period, finance codes. */
export function ChargeLineEditor({
  index,
  kind,
  currency,
  onRemove,
}: {
  index: number;
  kind: MemoKind;
  currency: string;
  onRemove: () => void;
}) {
  const line = useWatch<F, `charges.${number}`>({ name: `charges.${index}` });
  if (!line) return null;
  const title = `Charge ${index + 1}: ${line.chargeName}`;
  const usage = line.chargeType === 'Usage';
  return (
    <Paper variant="outlined" role="group" aria-label={title} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'flex-start', gap: 1, mb: 2 }}>
        <Box sx={{ flex: 1 }}>
          <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {line.productName} › {line.ratePlanName} · {line.chargeType}
            {line.uom ? ` · per ${line.uom}` : ''}
          </Typography>
        </Box>
        <IconButton onClick={onRemove} aria-label={`Remove ${title}`}>
          <DeleteOutline />
        </IconButton>
      </Box>
      <Box sx={grid}>
        <FormTextField<F>
          name={`charges.${index}.amount`}
          label={`${kind === 'CreditMemo' ? 'Credit' : 'Debit'} Amount`}
          required
          inputMode="decimal"
          helperText={currency ? `In ${currency}` : 'Choose the account first'}
        />
        <FormTextField<F>
          name={`charges.${index}.quantity`}
          label="Quantity"
          required={usage}
          inputMode="decimal"
          helperText={usage ? 'Usage charges: positive' : 'Optional'}
        />
        <DateField<F>
          name={`charges.${index}.serviceStartDate`}
          label="Service Start Date"
          required={false}
          margin="none"
          helperText={line.serviceStartDate ? undefined : blankServiceDateMeaning(line.chargeType, 'start')}
        />
        <DateField<F>
          name={`charges.${index}.serviceEndDate`}
          label="Service End Date"
          required={false}
          margin="none"
          helperText={line.serviceEndDate ? undefined : blankServiceDateMeaning(line.chargeType, 'end')}
        />
        <FormTextField<F> name={`charges.${index}.description`} label="Description" />
      </Box>
      <Accordion disableGutters elevation={0} sx={{ mt: 1, '&:before': { display: 'none' } }}>
        <AccordionSummary expandIcon={<ExpandMore />} aria-controls={`finance-${index}`} id={`finance-${index}-header`}>
          <Typography variant="body2">Finance information (from the charge; may be overridden)</Typography>
        </AccordionSummary>
        <AccordionDetails id={`finance-${index}`}>
          <Box sx={{ ...grid, gridTemplateColumns: { xs: '1fr', md: 'repeat(4, minmax(0, 1fr))' } }}>
            <FormTextField<F>
              name={`charges.${index}.financeInformation.recognizedRevenueAccountingCode`}
              label="Recognized Revenue Accounting Code"
            />
            <FormTextField<F>
              name={`charges.${index}.financeInformation.deferredRevenueAccountingCode`}
              label="Deferred Revenue Accounting Code"
            />
            {kind === 'CreditMemo' && (
              <FormTextField<F>
                name={`charges.${index}.financeInformation.onAccountAccountingCode`}
                label="On-Account Accounting Code"
              />
            )}
            <FormTextField<F>
              name={`charges.${index}.financeInformation.revenueRecognitionRuleName`}
              label="Revenue Recognition Rule"
            />
          </Box>
        </AccordionDetails>
      </Accordion>
    </Paper>
  );
}
