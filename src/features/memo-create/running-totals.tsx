import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { Big } from 'big.js';
import { Money } from '../../components/money.tsx';

/** A line of totals that screen readers hear when it changes. */
export function RunningTotals({
  parts,
  currency,
}: {
  parts: { label: string; value: Big | number | string; money?: boolean }[];
  currency: string;
}) {
  return (
    <Box
      role="status"
      aria-live="polite"
      aria-label="Totals"
      sx={{ display: 'flex', gap: 3, justifyContent: 'flex-end', flexWrap: 'wrap', py: 1 }}
    >
      {parts.map((p) => (
        <Typography key={p.label} component="span">
          {p.label}:{' '}
          <strong>
            {p.money === false ? (
              String(p.value)
            ) : currency ? (
              <Money value={p.value} currency={currency} />
            ) : (
              String(p.value)
            )}
          </strong>
        </Typography>
      ))}
    </Box>
  );
}
