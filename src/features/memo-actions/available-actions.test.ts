import { describe, expect, it } from 'vitest';
import { MEMO_STATUSES, type MemoStatus } from '../../contract/common.ts';
import { ROLE_PERMISSIONS, type DemoRole } from '../../contract/permissions.ts';
import type { MemoActionId } from './action-ids.ts';
import { availableActions } from './available-actions.ts';
import { type MemoOfKind } from '../../api/memos/detail.ts';
import { creditMemo, debitMemo } from '../../test/test-memos.ts';

const perms = (role: DemoRole) => new Set(ROLE_PERMISSIONS[role]);
const cm = (status: MemoStatus, over = {}): MemoOfKind => ({ kind: 'CreditMemo', memo: creditMemo(status, over) });
const dm = (status: MemoStatus, over = {}): MemoOfKind => ({ kind: 'DebitMemo', memo: debitMemo(status, over) });
const enabledIds = (m: MemoOfKind, role: DemoRole) =>
  availableActions(m, perms(role))
    .filter((a) => a.enabled)
    .map((a) => a.id)
    .sort();
const reasonOf = (m: MemoOfKind, role: DemoRole, id: MemoActionId, ctx = {}) =>
  availableActions(m, perms(role), ctx).find((a) => a.id === id)?.reason;

// The expected enabled actions for a fresh memo (open balance, nothing applied, a PDF exists), written
// out by hand per memo type × status × role: every cell of the matrix is stated, none computed.
const TRANSIENT = ['viewPdf'];
const EXPECTED: Record<MemoOfKind['kind'], Record<MemoStatus, Record<DemoRole, string[]>>> = {
  CreditMemo: {
    Draft: {
      admin: ['cancel', 'edit', 'editItem', 'post', 'regeneratePdf', 'viewPdf'],
      clerk: ['cancel', 'edit', 'editItem', 'post', 'regeneratePdf', 'viewPdf'],
      viewer: ['viewPdf'],
    },
    Posted: {
      admin: ['apply', 'edit', 'email', 'refund', 'regeneratePdf', 'reverse', 'unpost', 'viewPdf', 'writeOffCredit'],
      clerk: ['apply', 'edit', 'email', 'regeneratePdf', 'unpost', 'viewPdf'],
      viewer: ['viewPdf'],
    },
    Canceled: { admin: ['delete', 'viewPdf'], clerk: ['viewPdf'], viewer: ['viewPdf'] },
    Error: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    PendingForTax: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    Generating: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    CancelInProgress: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
  },
  DebitMemo: {
    Draft: {
      admin: ['cancel', 'edit', 'editItem', 'post', 'regeneratePdf', 'uploadFile', 'viewPdf'],
      clerk: ['cancel', 'edit', 'editItem', 'post', 'regeneratePdf', 'uploadFile', 'viewPdf'],
      viewer: ['viewPdf'],
    },
    Posted: {
      admin: ['collect', 'edit', 'email', 'regeneratePdf', 'unpost', 'uploadFile', 'viewPdf', 'writeOffDebit'],
      clerk: ['collect', 'edit', 'email', 'regeneratePdf', 'unpost', 'uploadFile', 'viewPdf'],
      viewer: ['viewPdf'],
    },
    Canceled: { admin: ['delete', 'viewPdf'], clerk: ['viewPdf'], viewer: ['viewPdf'] },
    Error: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    PendingForTax: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    Generating: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
    CancelInProgress: { admin: TRANSIENT, clerk: TRANSIENT, viewer: TRANSIENT },
  },
};

const CM_ACTIONS = [
  'post',
  'cancel',
  'delete',
  'email',
  'viewPdf',
  'unpost',
  'apply',
  'unapply',
  'refund',
  'writeOffCredit',
  'reverse',
  'regeneratePdf',
  'edit',
  'editItem',
];
const DM_ACTIONS = [
  'post',
  'cancel',
  'delete',
  'email',
  'viewPdf',
  'unpost',
  'writeOffDebit',
  'collect',
  'uploadFile',
  'regeneratePdf',
  'edit',
  'editItem',
];

describe('availableActions: every status × memo type × role', () => {
  const roles: DemoRole[] = ['admin', 'clerk', 'viewer'];
  for (const kind of ['CreditMemo', 'DebitMemo'] as const) {
    for (const status of MEMO_STATUSES) {
      for (const role of roles) {
        it(`${kind} ${status} as ${role}`, () => {
          const m = kind === 'CreditMemo' ? cm(status) : dm(status);
          const actions = availableActions(m, perms(role));
          expect(actions.map((a) => a.id)).toEqual(kind === 'CreditMemo' ? CM_ACTIONS : DM_ACTIONS);
          expect(enabledIds(m, role)).toEqual([...EXPECTED[kind][status][role]].sort());
          // A disabled action always says why; an enabled one never carries a stale reason.
          for (const a of actions) expect(Boolean(a.reason)).toBe(!a.enabled);
        });
      }
    }
  }
});

describe('availableActions: reasons', () => {
  it('names the status that forbids the action', () => {
    expect(reasonOf(cm('Posted'), 'admin', 'cancel')).toBe('Cannot cancel: the memo is Posted');
    expect(reasonOf(dm('Draft'), 'admin', 'delete')).toBe('Cannot delete: the memo is Draft');
    expect(reasonOf(dm('PendingForTax'), 'admin', 'post')).toBe('Cannot post: the memo is Pending for Tax');
  });

  it('names the documents that block unposting', () => {
    const applied = cm('Posted', { appliedAmount: 40, unappliedAmount: 60 });
    expect(reasonOf(applied, 'admin', 'unpost', { linkedDocuments: ['INV00000012'] })).toBe(
      'Cannot unpost: applied to INV00000012',
    );
    expect(reasonOf(applied, 'admin', 'unpost', { linkedDocuments: ['INV1', 'DM2', 'INV3', 'INV4'] })).toBe(
      'Cannot unpost: applied to INV1, DM2 and 2 more',
    );
    expect(reasonOf(applied, 'admin', 'unpost')).toBe('Cannot unpost: the memo has been applied');
    expect(reasonOf(cm('Posted', { refundAmount: 10, unappliedAmount: 90 }), 'admin', 'unpost')).toBe(
      'Cannot unpost: the memo has been refunded',
    );
    const paid = dm('Posted', { beAppliedAmount: 30, balance: 70 });
    expect(reasonOf(paid, 'admin', 'unpost', { linkedDocuments: ['CM00000003'] })).toBe(
      'Cannot unpost: CM00000003 applied to it',
    );
  });

  it('tells the clerk the write-offs need a permission they lack', () => {
    expect(reasonOf(dm('Posted'), 'clerk', 'writeOffDebit')).toBe('Requires the enhanced write-off permission');
    expect(reasonOf(cm('Posted'), 'clerk', 'writeOffCredit')).toBe('Requires the “Write Off Credit Memo” permission');
    expect(reasonOf(cm('Posted'), 'viewer', 'apply')).toBe('Requires the “Apply Credit Memo” permission');
  });

  it('refuses settlement actions when the amounts do not allow them', () => {
    const used = cm('Posted', { appliedAmount: 100, unappliedAmount: 0 });
    expect(reasonOf(used, 'admin', 'apply')).toBe('Cannot apply: nothing is left to apply');
    expect(reasonOf(used, 'admin', 'refund')).toBe('Cannot refund: no unapplied amount is left to refund');
    expect(reasonOf(used, 'admin', 'writeOffCredit', { linkedDocuments: ['INV00000012'] })).toBe(
      'Cannot write off: only a fully unapplied credit memo can be written off (applied to INV00000012)',
    );
    expect(reasonOf(cm('Posted'), 'admin', 'unapply')).toBe('Cannot unapply: the memo is not applied to any document');
    expect(reasonOf(cm('Posted', { reversed: true }), 'admin', 'reverse')).toBe(
      'Cannot reverse: the memo is already reversed',
    );
    expect(reasonOf(dm('Posted', { balance: 0, beAppliedAmount: 100 }), 'admin', 'writeOffDebit')).toBe(
      'Cannot write off: the memo has no open balance',
    );
    expect(reasonOf(dm('Posted'), 'admin', 'collect', { itemCount: 11 })).toBe(
      'Cannot collect: Zuora collects debit memos of at most 10 items',
    );
  });

  it('keeps the credit memo of a debit memo write-off applied: unapply, refund, reverse and write-off say why', () => {
    const ctx = { createdByWriteOff: { debitMemoNumber: 'DM00000004' } };
    const writeOffCm = cm('Posted', { appliedAmount: 50, unappliedAmount: 0 });
    // Even with something unapplied (a credit memo unapplied before this rule), none of them is offered.
    const partly = cm('Posted', { appliedAmount: 20, unappliedAmount: 30 });
    for (const m of [writeOffCm, partly]) {
      const offered = availableActions(m, perms('admin'), ctx);
      for (const [id, verb] of [
        ['unapply', 'unapply'],
        ['refund', 'refund'],
        ['reverse', 'reverse'],
        ['writeOffCredit', 'write off'],
      ] as const)
        expect(offered.find((a) => a.id === id)).toMatchObject({
          enabled: false,
          reason: `Cannot ${verb}: it was created by writing off DM00000004 and stays applied to it`,
        });
    }
    expect(reasonOf(partly, 'admin', 'unapply')).toBeUndefined();
  });

  it('enables unapply once something is applied, and edits never for bill-run credit memo items', () => {
    expect(enabledIds(cm('Posted', { appliedAmount: 0.01, unappliedAmount: 99.99 }), 'clerk')).toContain('unapply');
    expect(reasonOf(cm('Draft', { sourceType: 'Subscription' }), 'admin', 'editItem')).toBe(
      'Cannot edit items: items of a bill-run credit memo are never editable',
    );
  });

  it('disables View PDF until a PDF exists, unless the user may generate one (Draft or Posted)', () => {
    const noPdf = dm('Posted', { latestPDFFileId: null });
    expect(reasonOf(noPdf, 'viewer', 'viewPdf')).toBe('Cannot view the PDF: no PDF has been generated yet');
    expect(reasonOf(noPdf, 'viewer', 'viewPdf', { hasPdf: true })).toBeUndefined();
    expect(reasonOf(noPdf, 'clerk', 'viewPdf')).toBeUndefined();
    expect(reasonOf(dm('Canceled', { latestPDFFileId: null }), 'admin', 'viewPdf')).toBe(
      'Cannot view the PDF: no PDF has been generated yet',
    );
  });
});
