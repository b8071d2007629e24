// How Zuora's enum-like values read to a person. The wire keeps Zuora's spelling (`AdhocFromPrpc`,
// `CreditCardReferenceTransaction`, `effectiveDate`); the screen never shows it. Values this table does
// not know (a newer tenant) are spelled out from their camel case rather than shown raw.

const SOURCES: Record<string, string> = {
  BillRun: 'Bill run',
  API: 'API',
  ApiSubscribe: 'API subscription',
  ApiAmend: 'API amendment',
  AdhocFromPrpc: 'Ad hoc, from product charges',
  AdhocFromInvoice: 'Ad hoc, from an invoice',
};

const REFUND_METHODS: Record<string, string> = {
  ACH: 'ACH',
  PayPal: 'PayPal',
  CreditCardReferenceTransaction: 'Credit card (reference transaction)',
};

const SOURCE_TYPES: Record<string, string> = {
  CreditMemo: 'Credit memo',
  DebitMemo: 'Debit memo',
};

/** History field names as the forms label them. */
const FIELDS: Record<string, string> = {
  effectiveDate: 'memo date',
  creditMemoDate: 'memo date',
  debitMemoDate: 'memo date',
  dueDate: 'due date',
  reasonCode: 'reason code',
  comment: 'comment',
  comments: 'comment',
  autoPay: 'auto-pay',
  transferredToAccounting: 'transferred to accounting',
  invoiceGroupNumber: 'invoice group number',
  items: 'items',
};

/** `CreditCardReference` → `Credit card reference`; `billToContactId` → `bill to contact id`. */
export function spellOut(value: string): string {
  const words = value
    .replace(/__c$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const sourceLabel = (source: string) => SOURCES[source] ?? spellOut(source);
export const refundMethodLabel = (method: string) => REFUND_METHODS[method] ?? spellOut(method);
export const sourceTypeLabel = (type: string) => SOURCE_TYPES[type] ?? spellOut(type);
export const fieldLabel = (field: string) => FIELDS[field] ?? spellOut(field).toLowerCase();
