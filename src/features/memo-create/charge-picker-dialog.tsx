import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { ResponsiveDialog } from '../../components/responsive-dialog.tsx';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import LinearProgress from '@mui/material/LinearProgress';
import {
  isDiscountCharge,
  useCatalogProducts,
  type CatalogCharge,
  type CatalogProduct,
  type CatalogRatePlan,
} from '../../api/catalog.ts';
import { ErrorAlert } from '../../components/error-alert.tsx';
import { ChargeChoiceTable } from './charge-choice-table.tsx';

export interface PickedCharge {
  charge: CatalogCharge;
  product: CatalogProduct;
  plan: CatalogRatePlan;
}

const eligible = (plan: CatalogRatePlan) => plan.productRatePlanCharges.filter((c) => !isDiscountCharge(c));
const productEligible = (p: CatalogProduct) => p.productRatePlans.some((plan) => eligible(plan).length > 0);

/**
 * Product → Rate Plan → Charge. Discount charges are never offered (Zuora refuses them on memos), and
 * a product or plan that holds only discount charges says so instead of showing an empty list,
 * the confusion Zuora's own users report (docs/zuora/ui-inventory.md §6).
 */
export function ChargePickerDialog({
  open,
  currency,
  onPick,
  onClose,
}: {
  open: boolean;
  currency: string;
  onPick: (p: PickedCharge) => void;
  onClose: () => void;
}) {
  const catalog = useCatalogProducts();
  const [productId, setProductId] = useState('');
  const [planId, setPlanId] = useState('');
  const products = catalog.data ?? [];
  const product = products.find((p) => p.id === productId);
  const plan = product?.productRatePlans.find((p) => p.id === planId);
  const hiddenDiscounts = plan ? plan.productRatePlanCharges.filter(isDiscountCharge) : [];

  return (
    <ResponsiveDialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby="charge-picker-title">
      <DialogTitle id="charge-picker-title">Add charge</DialogTitle>
      <DialogContent>
        {catalog.isPending && <LinearProgress aria-label="Loading the product catalog" />}
        <ErrorAlert
          error={catalog.error}
          title="The product catalog could not be loaded"
          onRetry={() => void catalog.refetch()}
        />
        <Stack spacing={2} sx={{ pt: 1 }}>
          <TextField
            select
            label="Product"
            value={productId}
            onChange={(e) => {
              setProductId(e.target.value);
              setPlanId('');
            }}
            fullWidth
          >
            {products.map((p) => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}
                {!productEligible(p) && ' (discount charges only)'}
              </MenuItem>
            ))}
          </TextField>
          {product && !productEligible(product) && (
            <Alert severity="info">
              {product.name} has only discount charges (
              {product.productRatePlans.flatMap((pl) => pl.productRatePlanCharges.map((c) => c.name)).join(', ') ||
                'none'}
              ). Zuora does not allow discount charges on credit or debit memos, so there is nothing to add from this
              product. Choose another product, or ask a catalog admin for a non-discount charge.
            </Alert>
          )}
          {product && productEligible(product) && (
            <TextField select label="Rate Plan" value={planId} onChange={(e) => setPlanId(e.target.value)} fullWidth>
              {product.productRatePlans.map((pl) => (
                <MenuItem key={pl.id} value={pl.id} disabled={eligible(pl).length === 0}>
                  {pl.name}
                  {eligible(pl).length === 0 && ' (discount charges only)'}
                </MenuItem>
              ))}
            </TextField>
          )}
          {product && plan && (
            <>
              <ChargeChoiceTable
                charges={eligible(plan)}
                currency={currency}
                onSelect={(charge) => onPick({ charge, product, plan })}
              />
              {hiddenDiscounts.length > 0 && (
                <Typography variant="body2" color="text.secondary">
                  Not shown: {hiddenDiscounts.map((c) => c.name).join(', ')}. Memos cannot use discount charges.
                </Typography>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
      </DialogActions>
    </ResponsiveDialog>
  );
}
