import type { MemoStatus } from '../../contract/common.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { memoKindLabel } from '../../lib/memo-kind.ts';
import { statusLabel } from '../../components/status-label.ts';
import { permissionReason, type Permission } from '../../contract/permissions.ts';
import { isPositive } from '../../lib/money.ts';
import type { MemoActionId } from './action-ids.ts';

// Which actions a memo offers, and why a disabled one is disabled: one pure function of (memo,
// permissions, what the page knows about its applications). The rules mirror the sandbox's refusals
// (docs/zuora/api-digest.md §4.9–4.22, §6.7–6.20, docs/zuora/ui-inventory.md §2.4, §4.2) so a user learns "why not" before clicking.

export interface ActionContext {
  /** Numbers of the documents linked by applications: a CM's targets, or what is applied to a DM. */
  linkedDocuments?: readonly string[];
  /** Number of items, when loaded (collect refuses more than 10). */
  itemCount?: number;
  /** A PDF version exists (from the files list; `latestPDFFileId` also counts). */
  hasPdf?: boolean;
}

export interface AvailableAction {
  id: MemoActionId;
  label: string;
  /** Header button or the "More actions" menu. Edit/Edit item live in their sections. */
  placement: 'primary' | 'menu' | 'section';
  /** A primary action that belongs to this status is a header button; others go to the menu's end. */
  relevant: boolean;
  enabled: boolean;
  /** Why it is disabled, in words a billing clerk understands. */
  reason?: string;
}

const COLLECT_MAX_ITEMS = 10;

interface Rule {
  id: MemoActionId;
  label: (kind: MemoOfKind['kind']) => string;
  placement: AvailableAction['placement'];
  kinds: readonly MemoOfKind['kind'][];
  permission: Permission;
  /** Verb for "Cannot <verb>: ..." */
  verb: string;
  statuses: readonly MemoStatus[];
  /** Extra refusal beyond status and permission; returns the reason's tail, or null when allowed. */
  check?: (m: MemoOfKind, ctx: ActionContext, permissions: ReadonlySet<Permission>) => string | null;
}

const BOTH = ['CreditMemo', 'DebitMemo'] as const;

function listDocs(docs: readonly string[] | undefined): string | null {
  if (!docs || docs.length === 0) return null;
  return docs.length <= 2 ? docs.join(' and ') : `${docs.slice(0, 2).join(', ')} and ${docs.length - 2} more`;
}

const hasPdf = (m: MemoOfKind, ctx: ActionContext) => Boolean(ctx.hasPdf || m.memo.latestPDFFileId);
/** Without a PDF, View PDF generates one first, for a user who may (Regenerate PDF's rule). */
const canGeneratePdf = (m: MemoOfKind, permissions: ReadonlySet<Permission>) =>
  permissions.has('memo.pdf') && (m.memo.status === 'Draft' || m.memo.status === 'Posted');

const RULES: readonly Rule[] = [
  {
    id: 'post',
    label: () => 'Post',
    placement: 'primary',
    kinds: BOTH,
    permission: 'memo.post',
    verb: 'post',
    statuses: ['Draft'],
  },
  {
    id: 'cancel',
    label: () => 'Cancel',
    placement: 'primary',
    kinds: BOTH,
    permission: 'memo.cancel',
    verb: 'cancel',
    statuses: ['Draft'],
  },
  {
    id: 'delete',
    label: () => 'Delete',
    placement: 'primary',
    kinds: BOTH,
    permission: 'memo.delete',
    verb: 'delete',
    statuses: ['Canceled'],
  },
  {
    id: 'email',
    label: (k) => `Email ${memoKindLabel(k)}`,
    placement: 'primary',
    kinds: BOTH,
    permission: 'memo.email',
    verb: 'email',
    statuses: ['Posted'],
  },
  {
    id: 'viewPdf',
    label: () => 'View PDF',
    placement: 'primary',
    kinds: BOTH,
    permission: 'memo.view',
    verb: 'view the PDF',
    statuses: ['Draft', 'Posted', 'Canceled', 'Error', 'PendingForTax', 'Generating', 'CancelInProgress'],
    check: (m, ctx, permissions) =>
      hasPdf(m, ctx) || canGeneratePdf(m, permissions) ? null : 'no PDF has been generated yet',
  },
  {
    id: 'unpost',
    label: () => 'Cancel Post',
    placement: 'menu',
    kinds: BOTH,
    permission: 'memo.unpost',
    verb: 'unpost',
    statuses: ['Posted'],
    check: (m, ctx) => {
      const docs = listDocs(ctx.linkedDocuments);
      if (m.kind === 'CreditMemo') {
        if (isPositive(m.memo.appliedAmount)) return docs ? `applied to ${docs}` : 'the memo has been applied';
        if (isPositive(m.memo.refundAmount)) return 'the memo has been refunded';
        return null;
      }
      if (isPositive(m.memo.beAppliedAmount))
        return docs ? `${docs} applied to it` : 'payments or credit memos are applied to it';
      return null;
    },
  },
  {
    id: 'apply',
    label: () => 'Apply',
    placement: 'menu',
    kinds: ['CreditMemo'],
    permission: 'creditmemo.apply',
    verb: 'apply',
    statuses: ['Posted'],
    check: (m) => (m.kind === 'CreditMemo' && !isPositive(m.memo.unappliedAmount) ? 'nothing is left to apply' : null),
  },
  {
    id: 'unapply',
    label: () => 'Unapply This Credit Memo',
    placement: 'menu',
    kinds: ['CreditMemo'],
    permission: 'creditmemo.unapply',
    verb: 'unapply',
    statuses: ['Posted'],
    check: (m) =>
      m.kind === 'CreditMemo' && !isPositive(m.memo.appliedAmount) ? 'the memo is not applied to any document' : null,
  },
  {
    id: 'refund',
    label: () => 'Refund This Credit Memo',
    placement: 'menu',
    kinds: ['CreditMemo'],
    permission: 'creditmemo.refund',
    verb: 'refund',
    statuses: ['Posted'],
    check: (m) =>
      m.kind === 'CreditMemo' && !isPositive(m.memo.unappliedAmount) ? 'no unapplied amount is left to refund' : null,
  },
  {
    id: 'writeOffCredit',
    label: () => 'Write Off Credit Memo',
    placement: 'menu',
    kinds: ['CreditMemo'],
    permission: 'creditmemo.writeoff',
    verb: 'write off',
    statuses: ['Posted'],
    check: (m, ctx) => {
      if (m.kind !== 'CreditMemo') return null;
      if (isPositive(m.memo.appliedAmount))
        return `only a fully unapplied credit memo can be written off (applied to ${listDocs(ctx.linkedDocuments) ?? 'a document'})`;
      if (!isPositive(m.memo.unappliedAmount)) return 'no unapplied amount is left';
      return null;
    },
  },
  {
    id: 'reverse',
    label: () => 'Reverse Credit Memo',
    placement: 'menu',
    kinds: ['CreditMemo'],
    permission: 'creditmemo.reverse',
    verb: 'reverse',
    statuses: ['Posted'],
    check: (m, ctx) => {
      if (m.kind !== 'CreditMemo') return null;
      if (m.memo.reversed) return 'the memo is already reversed';
      if (isPositive(m.memo.appliedAmount))
        return `applied to ${listDocs(ctx.linkedDocuments) ?? 'a document'}; unapply it first`;
      return null;
    },
  },
  {
    id: 'writeOffDebit',
    label: () => 'Write Off Debit Memo',
    placement: 'menu',
    kinds: ['DebitMemo'],
    permission: 'debitmemo.writeoff',
    verb: 'write off',
    statuses: ['Posted'],
    check: (m) => (m.kind === 'DebitMemo' && !isPositive(m.memo.balance) ? 'the memo has no open balance' : null),
  },
  {
    id: 'collect',
    label: () => 'Collect',
    placement: 'menu',
    kinds: ['DebitMemo'],
    permission: 'debitmemo.collect',
    verb: 'collect',
    statuses: ['Posted'],
    check: (m, ctx) => {
      if (m.kind !== 'DebitMemo') return null;
      if (!isPositive(m.memo.balance)) return 'the memo has no open balance';
      if ((ctx.itemCount ?? 0) > COLLECT_MAX_ITEMS)
        return `Zuora collects debit memos of at most ${COLLECT_MAX_ITEMS} items`;
      return null;
    },
  },
  {
    id: 'uploadFile',
    label: () => 'Upload File',
    placement: 'menu',
    kinds: ['DebitMemo'],
    permission: 'memo.upload',
    verb: 'upload a file',
    statuses: ['Draft', 'Posted'],
  },
  {
    id: 'regeneratePdf',
    label: () => 'Regenerate PDF',
    placement: 'menu',
    kinds: BOTH,
    permission: 'memo.pdf',
    verb: 'regenerate the PDF',
    statuses: ['Draft', 'Posted'],
  },
  // A Posted memo keeps its comment and Transferred to Accounting editable (the sandbox's update rule).
  {
    id: 'edit',
    label: () => 'Edit',
    placement: 'section',
    kinds: BOTH,
    permission: 'memo.edit',
    verb: 'edit',
    statuses: ['Draft', 'Posted'],
  },
  {
    id: 'editItem',
    label: () => 'Edit item',
    placement: 'section',
    kinds: BOTH,
    permission: 'memo.edit',
    verb: 'edit items',
    statuses: ['Draft'],
    check: (m) =>
      m.kind === 'CreditMemo' && m.memo.sourceType === 'Subscription'
        ? 'items of a bill-run credit memo are never editable'
        : null,
  },
];

/** Every action of the memo's type, in display order, each enabled or disabled with a reason. */
export function availableActions(
  m: MemoOfKind,
  permissions: ReadonlySet<Permission>,
  ctx: ActionContext = {},
): AvailableAction[] {
  const status = m.memo.status;
  return RULES.filter((r) => r.kinds.includes(m.kind)).map((r) => {
    const relevant = r.statuses.includes(status);
    const base = { id: r.id, label: r.label(m.kind), placement: r.placement, relevant };
    // Permission first: a viewer should learn that the action is not theirs, whatever the status.
    if (!permissions.has(r.permission)) return { ...base, enabled: false, reason: permissionReason(r.permission) };
    if (!relevant) return { ...base, enabled: false, reason: `Cannot ${r.verb}: the memo is ${statusLabel(status)}` };
    const refusal = r.check?.(m, ctx, permissions) ?? null;
    if (refusal) return { ...base, enabled: false, reason: `Cannot ${r.verb}: ${refusal}` };
    return { ...base, enabled: true };
  });
}

/** Convenience lookup for one action (sections ask "may I edit?"). */
export function actionOf(actions: readonly AvailableAction[], id: MemoActionId): AvailableAction | undefined {
  return actions.find((a) => a.id === id);
}
