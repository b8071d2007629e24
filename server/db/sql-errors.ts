import { ErrorCategory, ZuoraError } from '../errors.ts';

// PostgreSQL refuses some values a client can send that no validator upstream of the SQL caught: a NUL
// character in text (22021), a numeric or bigint out of range (22003), a date/time out of range or
// malformed (22008, 22007), a too-long value (22001), text not representable (22P05). Such an error
// is the client's invalid value, not a server fault: answered as Zuora's category 20 with HTTP 400,
// never a 500 (the transaction it happened in has rolled back).
const INPUT_SQLSTATES: Record<string, string> = {
  '22021': 'contains a character that cannot be stored (e.g. NUL)',
  '22P05': 'contains a character that cannot be stored',
  '22003': 'is out of range',
  '22008': 'is a date or time out of range',
  '22007': 'is not a valid date or time',
  '22001': 'is too long',
};

export function sqlInputError(err: unknown): ZuoraError | null {
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  // A unique key taken by a concurrent request after this one checked it (two creates choosing the same
  // custom number at once): the business rule "already used", not a server fault.
  if (code === '23505') {
    const detail = (err as { detail?: unknown }).detail; // e.g. "Key (kind, number)=(DebitMemo, DM00000181) already exists."
    return new ZuoraError(
      ErrorCategory.BusinessRule,
      `Another request took the same unique value at the same time${typeof detail === 'string' ? `: ${detail}` : '.'}`,
      { status: 400 },
    );
  }
  const what = INPUT_SQLSTATES[code];
  return what ? new ZuoraError(ErrorCategory.InvalidValue, `A value in the request ${what}.`, { status: 400 }) : null;
}

// Lock contention between concurrent writes: a deadlock (40P01), a serialization failure (40001) or a
// lock that could not be had (55P03). The transaction rolled back, so nothing changed and the client
// may retry: Zuora's locking-contention category 50 (HTTP 409), never a 500.
const LOCK_SQLSTATES = new Set(['40P01', '40001', '55P03']);

export function lockContentionError(err: unknown): ZuoraError | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !LOCK_SQLSTATES.has(code)) return null;
  return new ZuoraError(
    ErrorCategory.LockingContention,
    'Another operation is changing the same documents. Nothing was changed; please retry.',
  );
}
