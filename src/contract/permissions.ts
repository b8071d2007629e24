// Permissions of the sandbox's demo users, named after Zuora's billing permissions (docs/zuora/ui-inventory.md §5).
// Shared by the server (which enforces them, category 10) and the SPA (which disables actions with a reason).
export const PERMISSIONS = [
  'memo.view',
  'memo.create',
  'memo.edit',
  'memo.post',
  'memo.unpost',
  'memo.cancel',
  'memo.delete',
  'memo.email',
  'memo.pdf', // Regenerate PDF
  'memo.upload', // Modify Debit Memo: upload files
  'creditmemo.apply',
  'creditmemo.unapply',
  'creditmemo.refund',
  'creditmemo.reverse',
  'creditmemo.writeoff',
  'debitmemo.writeoff', // the tenant's "enhanced write-off permission"
  'debitmemo.collect',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const PERMISSION_LABELS: Record<Permission, string> = {
  'memo.view': 'View memos',
  'memo.create': 'Create memos',
  'memo.edit': 'Edit memos',
  'memo.post': 'Post memos',
  'memo.unpost': 'Unpost memos',
  'memo.cancel': 'Cancel memos',
  'memo.delete': 'Delete memos',
  'memo.email': 'Email memos',
  'memo.pdf': 'Regenerate PDF',
  'memo.upload': 'Modify Debit Memo (upload files)',
  'creditmemo.apply': 'Apply Credit Memo',
  'creditmemo.unapply': 'Unapply Credit Memo',
  'creditmemo.refund': 'Refund Credit Memo',
  'creditmemo.reverse': 'Reverse Credit Memo',
  'creditmemo.writeoff': 'Write Off Credit Memo',
  'debitmemo.writeoff': 'the enhanced write-off permission',
  'debitmemo.collect': 'Collect Debit Memo',
};

export type DemoRole = 'admin' | 'clerk' | 'viewer';

export const ROLE_PERMISSIONS: Record<DemoRole, readonly Permission[]> = {
  admin: PERMISSIONS,
  clerk: [
    'memo.view',
    'memo.create',
    'memo.edit',
    'memo.post',
    'memo.unpost',
    'memo.cancel',
    'memo.email',
    'memo.pdf',
    'memo.upload',
    'creditmemo.apply',
    'creditmemo.unapply',
    'debitmemo.collect',
  ],
  viewer: ['memo.view'],
};

/** The `scope` string of a token lists its permissions, space-delimited (OAuth style). */
export const scopeOf = (perms: readonly Permission[]) => perms.join(' ');
export const permissionsOfScope = (scope: string): Permission[] =>
  scope.split(/\s+/).filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p));

/** Why an action is refused to a user without its permission, in the words the UI shows. */
export function permissionReason(permission: Permission): string {
  const label = PERMISSION_LABELS[permission];
  return label.startsWith('the ') ? `Requires ${label}` : `Requires the “${label}” permission`;
}
