// Zuora's object ids are 32 lowercase hex characters; any other key of a document is its number (or SKU, or
// account number), which the API accepts in the same path segment.
export const ID_RE = /^[0-9a-f]{32}$/;
