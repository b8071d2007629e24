// Zuora's limit on the `comment` of a memo, a settlement and a write-off: string 0..255
// (docs/zuora/api-digest.md §3.1, §4.3–4.5, §4.13). Forms count against it; the server refuses above it.
export const COMMENT_MAX = 255;
