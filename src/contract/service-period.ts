import { isBefore } from '../lib/dates.ts';

// What blank service dates mean on a memo item created from a charge, one rule for the form's helper
// text and the sandbox. A one-time charge's service date "is the date of that charge" (Zuora's item
// field description, docs/zuora/api-digest.md §4.3), so a blank start is the memo date and a blank end
// the start: the one day the charge is for, not the rate plan's 2020–2066 effective period. Recurring and
// usage charges keep Zuora's default, the rate plan's effective start and end (docs/zuora/api-digest.md §4.3).

export interface ServicePeriodInput {
  chargeType: string;
  memoDate: string;
  start?: string | null;
  end?: string | null;
  planStart: string | null;
  planEnd: string | null;
}

export function servicePeriodOf(p: ServicePeriodInput): { start: string | null; end: string | null } {
  if (p.chargeType !== 'OneTime') return { start: p.start || p.planStart, end: p.end || p.planEnd };
  const start = p.start || (p.end && isBefore(p.end, p.memoDate) ? p.end : p.memoDate);
  return { start, end: p.end || start };
}

/** The helper text under a blank service date field: what Save will use. */
export function blankServiceDateMeaning(chargeType: string, field: 'start' | 'end'): string {
  if (chargeType === 'OneTime') return field === 'start' ? 'Blank: the memo date' : 'Blank: the start date';
  return field === 'start' ? 'Blank: the rate plan’s start' : 'Blank: the rate plan’s end';
}
