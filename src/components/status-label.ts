import type { MemoStatus } from '../contract/common.ts';

// Zuora's UI spells two statuses with spaces; the wire enum does not.
const LABELS: Record<MemoStatus, string> = {
  Draft: 'Draft',
  Posted: 'Posted',
  Canceled: 'Canceled',
  Error: 'Error',
  PendingForTax: 'Pending for Tax',
  Generating: 'Generating',
  CancelInProgress: 'Cancel in Progress',
};

/** A status as the UI shows it; an unknown status (a newer Zuora) is shown as sent. */
export const statusLabel = (status: string) => LABELS[status as MemoStatus] ?? status;
