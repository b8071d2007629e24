import { randomBytes, randomUUID } from 'node:crypto';
import { ErrorCategory, httpStatusFor, type ZuoraErrorEnvelope } from '../src/contract/errors.ts';

export { ErrorCategory };

/** Resource codes (first six digits of a Zuora error code) used by the sandbox. */
export const Resource = {
  Unknown: 500000,
  DebitMemo: 531300,
  CreditMemo: 531200,
  Invoice: 530000,
  Account: 520000,
  Payment: 540000,
  Refund: 541000,
  Catalog: 550000,
  AccountingCode: 560000,
  OAuth: 900000,
} as const;

/** A refusal in Zuora's terms: thrown by routes and domain code, rendered as the error envelope. */
export class ZuoraError extends Error {
  readonly reasons: { code: number; message: string }[];
  readonly status: number;
  readonly headers: Record<string, string>;
  constructor(
    category: number,
    message: string,
    opts: {
      resource?: number;
      status?: number;
      headers?: Record<string, string>;
      more?: { code: number; message: string }[];
    } = {},
  ) {
    super(message);
    const code = (opts.resource ?? Resource.Unknown) * 100 + category;
    this.reasons = [{ code, message }, ...(opts.more ?? [])];
    this.status = opts.status ?? httpStatusFor(category);
    this.headers = opts.headers ?? {};
  }
  get category(): number {
    return this.reasons[0].code % 100;
  }
  envelope(): ZuoraErrorEnvelope {
    return { success: false, processId: processId(), requestId: randomUUID(), reasons: this.reasons };
  }
}

export const processId = () => randomBytes(8).toString('hex').toUpperCase();

// Shorthands for the common refusals.
export const notFound = (what: string, key: string, resource: number = Resource.Unknown) =>
  new ZuoraError(ErrorCategory.NotFound, `Cannot find a ${what} instance with id or number ${key}.`, { resource });
export const invalidValue = (message: string, resource?: number) =>
  new ZuoraError(ErrorCategory.InvalidValue, message, { resource });
export const missingField = (field: string, resource?: number) =>
  new ZuoraError(ErrorCategory.MissingField, `'${field}' is required.`, { resource });
export const ruleViolation = (message: string, resource?: number) =>
  new ZuoraError(ErrorCategory.BusinessRule, message, { resource });
export const permissionDenied = (message: string, resource?: number) =>
  new ZuoraError(ErrorCategory.Permission, message, { resource });
export const unauthenticated = () =>
  new ZuoraError(ErrorCategory.Authentication, 'this resource is protected, please sign in first', {
    resource: 900000,
    status: 401,
  });
