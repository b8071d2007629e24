// A Zuora object id: 32 lowercase hex characters (docs/zuora/api-digest.md §0, "IDs"). A key that is not
// one is a document number (a memo's `CM00000001`, an account's number, a product's SKU).
export const ZUORA_ID_RE = /^[0-9a-f]{32}$/;

export const isZuoraId = (key: string): boolean => ZUORA_ID_RE.test(key);
