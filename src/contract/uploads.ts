// The largest file a memo accepts, 4 MB (docs/zuora/api-digest.md §4.19, docs/memo-documents.md): the upload form
// refuses a larger one at the field, the server with Zuora's envelope.
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024;
