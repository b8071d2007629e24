// The largest file a memo attachment may be (Zuora's file upload limit, docs/zuora/api-digest.md §4.19): the
// upload form refuses it at the field and the server refuses it with category 20.
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
