// Zuora's two ways of failing (an HTTP 4xx/5xx, or a 200 with success:false) end as this one error; the API client
// throws it and every screen shows it. It lives below the API so presentational components can read it too.

export interface ZuoraReason {
  code: number;
  message: string;
}

/** The category of a Zuora error code: a code is RRRRRRCC, the last two digits (docs/zuora/api-digest.md §2.3). */
export function categoryOf(code: number): number {
  return code % 100;
}

export class ZuoraApiError extends Error {
  readonly status: number;
  readonly reasons: ZuoraReason[];
  /** Zuora's category: the last two digits of the first reason code (10 permission, 30 business rule...). */
  readonly category: number;

  constructor(status: number, reasons: ZuoraReason[]) {
    super(reasons.map((r) => r.message).join(' ') || `Request failed with HTTP ${status}`);
    this.name = 'ZuoraApiError';
    this.status = status;
    this.reasons = reasons;
    this.category = reasons.length > 0 ? categoryOf(reasons[0].code) : 0;
  }
}

/**
 * A write Zuora answered with 2xx and `success: true` whose body the schema could not read in full (a tenant on
 * another version, a field this UI does not know). The write happened: it counts as done, the UI reloads or opens
 * the document by `documentId`, and it is never sent again with a new Idempotency-Key (docs/architecture.md
 * "Money is decimal" and "Mutations that create").
 */
export class UnreadableSuccessError extends ZuoraApiError {
  /** The id of the document the answer names at its top level, when it has one. */
  readonly documentId: string | null;

  constructor(status: number, detail: string, documentId: string | null) {
    super(status, [
      {
        code: 0,
        message: `Zuora answered that this was done, but its answer could not be read in full (${detail}). It was not sent again.`,
      },
    ]);
    this.name = 'UnreadableSuccessError';
    this.documentId = documentId;
  }
}
