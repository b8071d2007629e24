import { z } from 'zod';

// Zuora's error envelope and categories (docs/zuora/api-digest.md §2.3). A code is RRRRRRCC: a 6-digit resource
// code and a 2-digit category. The sandbox emits integers; clients accept strings too (A20).

export const ErrorCategory = {
  Permission: 10,
  Authentication: 11,
  InvalidValue: 20,
  UnknownField: 21,
  MissingField: 22,
  MissingQueryParameter: 23,
  BusinessRule: 30,
  NotFound: 40,
  Unsupported: 45,
  LockingContention: 50,
  Internal: 60,
  Temporary: 61,
  RateLimit: 70,
  Malformed: 90,
} as const;
export type ErrorCategory = (typeof ErrorCategory)[keyof typeof ErrorCategory];

export const zuoraReasonSchema = z.object({
  code: z.union([z.number(), z.string()]).transform((c) => Number(c)),
  message: z.string(),
});

export const zuoraErrorEnvelopeSchema = z.object({
  success: z.literal(false),
  processId: z.string().optional(),
  requestId: z.string().optional(),
  reasons: z.array(zuoraReasonSchema).min(1),
});
export type ZuoraErrorEnvelope = z.infer<typeof zuoraErrorEnvelopeSchema>;

/** Default HTTP status for a category (docs/zuora/api-digest.md A1). Real Zuora may answer 200 with success:false. */
export function httpStatusFor(category: number): number {
  switch (category) {
    case 10:
      return 403;
    case 11:
      return 401;
    case 40:
      return 404;
    case 45:
      return 405;
    case 50:
      return 409;
    case 60:
      return 500;
    case 61:
      return 503;
    case 70:
      return 429;
    default:
      return 400;
  }
}
