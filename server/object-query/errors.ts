import { randomUUID } from 'node:crypto';
import { ZuoraError } from '../errors.ts';

// Object Query's error envelope since zuora-version 2025-08-12: `{ reasons: [{code, message}], requestId }`,
// no `success` and no `processId`; category 27 (invalid filter[], expand[], sort[] or fields[]) answers
// HTTP 400 (docs/zuora/tenant-read-contract.md A6).

export const INVALID_QUERY_PARAMETER = 27;

export const invalidQuery = (message: string) => new ZuoraError(INVALID_QUERY_PARAMETER, message, { status: 400 });

/** The Object Query envelope of a refusal. */
export function objectQueryEnvelope(err: ZuoraError): {
  reasons: { code: number; message: string }[];
  requestId: string;
} {
  return { reasons: err.reasons, requestId: randomUUID() };
}

/** Object Query paths answer with their own envelope (the classic v1 paths keep theirs). */
export const isObjectQueryPath = (path: string) => path.startsWith('/object-query/');
