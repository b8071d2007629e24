import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Add from '@mui/icons-material/Add';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { chargePrice } from '../../api/catalog.ts';
import { ChargeLineEditor } from './charge-line-editor.tsx';
import { ChargePickerDialog, type PickedCharge } from './charge-picker-dialog.tsx';
import { FormSection } from './form-section.tsx';
import { MAX_CHARGES } from './field-rules.ts';
import { RunningTotals } from './running-totals.tsx';
import { standaloneTotals } from './memo-totals.ts';
import type { ChargeLine, StandaloneFormValues } from './standalone-schema.ts';

type F = StandaloneFormValues;

function lineOf({ charge, product, plan }: PickedCharge, currency: string): ChargeLine {
  return {
    productRatePlanChargeId: charge.id,
    chargeName: charge.name,
    productName: product.name,
    ratePlanName: plan.name,
    chargeType: charge.type,
    uom: charge.uom ?? '',
    amount: currency ? chargePrice(charge, currency) : '',
    // Zuora's UI fills 1 for a usage charge (seed 003).
    quantity: charge.type === 'Usage' ? '1' : '',
    description: '',
    serviceStartDate: '',
    serviceEndDate: '',
    financeInformation: {
      recognizedRevenueAccountingCode: charge.financeInformation?.recognizedRevenueAccountingCode ?? '',
      deferredRevenueAccountingCode: charge.financeInformation?.deferredRevenueAccountingCode ?? '',
      onAccountAccountingCode: '',
      revenueRecognitionRuleName: charge.revenueRecognitionRuleName ?? '',
    },
  };
}

/** The Charge Line Items area: Add charge, one editor per charge, running totals. */
export function StandaloneCharges({ kind }: { kind: MemoKind }) {
  const [picking, setPicking] = useState(false);
  const { formState } = useFormContext<F>();
  const { fields, append, remove } = useFieldArray<F, 'charges'>({ name: 'charges' });
  const currency = useWatch<F, 'currency'>({ name: 'currency' });
  const charges = useWatch<F, 'charges'>({ name: 'charges' });
  const totals = standaloneTotals(charges);
  const listError = formState.errors.charges?.message ?? formState.errors.charges?.root?.message;
  const full = fields.length >= MAX_CHARGES;
  return (
    <FormSection
      id="charges-title"
      title="Charge Line Items"
      actions={
        <Button variant="outlined" startIcon={<Add />} onClick={() => setPicking(true)} disabled={full}>
          Add charge
        </Button>
      }
    >
      <Stack spacing={2}>
        {listError && <Alert severity="error">{listError}</Alert>}
        {full && <Alert severity="info">A memo holds at most {MAX_CHARGES} charges.</Alert>}
        {fields.length === 0 && !listError && (
          <Alert severity="info">No charges yet. Use Add charge to pick a product, a rate plan and a charge.</Alert>
        )}
        {fields.map((f, i) => (
          <ChargeLineEditor key={f.id} index={i} kind={kind} currency={currency} onRemove={() => remove(i)} />
        ))}
      </Stack>
      <RunningTotals
        currency={currency}
        parts={[
          { label: 'Charges', value: totals.count, money: false },
          { label: 'Total before tax', value: totals.total },
        ]}
      />
      <ChargePickerDialog
        open={picking}
        currency={currency}
        onClose={() => setPicking(false)}
        onPick={(p) => {
          append(lineOf(p, currency), { focusName: `charges.${fields.length}.amount` });
          setPicking(false);
        }}
      />
    </FormSection>
  );
}
