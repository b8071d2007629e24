import dayjs from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { dateTimeFormat } from './intl-formatters.ts';
import { getDisplayLocale } from './locale.ts';

// Dates are `yyyy-mm-dd` strings end to end; date-times on the wire are `yyyy-mm-dd hh:mm:ss`.
// Never `new Date('2024-01-02')` (UTC midnight, shows as the 1st in America). dayjs parses in local time.
dayjs.extend(customParseFormat);

export type IsoDate = string;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && DATE_RE.test(value) && dayjs(value, 'YYYY-MM-DD', true).isValid();
}

/** Today in the local (tenant) time zone. */
export function today(now: Date = new Date()): IsoDate {
  return dayjs(now).format('YYYY-MM-DD');
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return dayjs(date, 'YYYY-MM-DD', true).add(days, 'day').format('YYYY-MM-DD');
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0; // lexical order is date order for yyyy-mm-dd
}

export const isBefore = (a: IsoDate, b: IsoDate) => compareDates(a, b) < 0;
export const maxDate = (a: IsoDate, b: IsoDate) => (a >= b ? a : b);

/** `yyyy-mm-dd hh:mm:ss` in local time, Zuora's date-time wire format. */
export function dateTime(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD HH:mm:ss');
}

/** Formats a yyyy-mm-dd for display without any time-zone shift. */
export function formatDate(date: IsoDate | null | undefined, locale?: string): string {
  if (!date) return '';
  const d = dayjs(date.slice(0, 10), 'YYYY-MM-DD', true);
  if (!d.isValid()) return date;
  return dateTimeFormat(locale ?? getDisplayLocale(), {
    year: 'numeric',
    month: 'short',
    day: '2-digit',
  }).format(d.toDate());
}

export function formatDateTime(value: string | null | undefined, locale?: string): string {
  if (!value) return '';
  const d = dayjs(value, 'YYYY-MM-DD HH:mm:ss', true);
  if (!d.isValid()) return value;
  return dateTimeFormat(locale ?? getDisplayLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d.toDate());
}
