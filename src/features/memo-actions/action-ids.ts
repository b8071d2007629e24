// The shared action ids (URL contract `?action=<id>`): one list so the menu, the dialog registry and
// the URL parser agree on spelling.
export const MEMO_ACTION_IDS = [
  'post',
  'unpost',
  'cancel',
  'delete',
  'email',
  'viewPdf',
  'regeneratePdf',
  'edit',
  'editItem',
  'apply',
  'unapply',
  'refund',
  'writeOffCredit',
  'reverse',
  'writeOffDebit',
  'collect',
  'uploadFile',
] as const;
export type MemoActionId = (typeof MEMO_ACTION_IDS)[number];

export function isMemoActionId(value: string | null | undefined): value is MemoActionId {
  return typeof value === 'string' && (MEMO_ACTION_IDS as readonly string[]).includes(value);
}
