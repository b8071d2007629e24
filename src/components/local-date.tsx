import { formatDate, formatDateTime } from '../lib/dates.ts';

/**
 * A `yyyy-mm-dd` date (or a `yyyy-mm-dd hh:mm:ss` date-time) shown as written, with no time-zone shift.
 * The machine-readable value goes in <time dateTime>.
 */
export function LocalDate({ value, withTime = false }: { value: string | null | undefined; withTime?: boolean }) {
  if (!value) return <span aria-label="none">—</span>;
  const text = withTime ? formatDateTime(value) : formatDate(value);
  return (
    <time dateTime={withTime ? value.replace(' ', 'T') : value.slice(0, 10)} style={{ whiteSpace: 'nowrap' }}>
      {text}
    </time>
  );
}
