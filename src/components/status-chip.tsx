import Chip, { type ChipProps } from '@mui/material/Chip';
import type { MemoStatus } from '../contract/common.ts';
import { statusLabel } from './status-label.ts';

// Re-exported for the callers that import the label with the chip.
export { statusLabel };

const COLORS: Record<MemoStatus, ChipProps['color']> = {
  Draft: 'default',
  Posted: 'success',
  Canceled: 'warning',
  Error: 'error',
  PendingForTax: 'info',
  Generating: 'info',
  CancelInProgress: 'warning',
};

/** A memo status as a chip; the text is the status itself, so color is never the only cue. */
export function StatusChip({ status, size = 'small' }: { status: string; size?: ChipProps['size'] }) {
  return (
    <Chip
      label={statusLabel(status)}
      color={COLORS[status as MemoStatus] ?? 'default'}
      size={size}
      variant="outlined"
    />
  );
}
