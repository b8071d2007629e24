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

/**
 * Whether a refusal takes Object Query's envelope: on its paths, once past authentication (the gateway's 401
 * comes before Object Query and keeps the sandbox's one 401 shape). The classic v1 paths keep theirs.
 */
export const objectQueryError = (path: string, err: ZuoraError) =>
  path.startsWith('/object-query/') && err.status !== 401;
