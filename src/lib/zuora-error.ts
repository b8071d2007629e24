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
