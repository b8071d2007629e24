import { useId, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import type { Permission } from '../../contract/permissions.ts';
import { permissionReason } from '../../contract/permissions.ts';
import { useMemoBatch } from '../../api/memos/batch-mutations.ts';
import { memoKindLabel, type MemoKind } from '../../lib/memo-kind.ts';
import { cancelMemo, deleteMemo, emailMemo, postMemo } from '../../api/memos/lifecycle-mutations.ts';
import type { MemoRow } from '../../api/memos/list.ts';
import { ConfirmDialog } from '../../components/confirm-dialog.tsx';
import { PostConfirmDialog } from '../../components/post-confirm-dialog.tsx';
import { BulkResultsDialog } from './bulk-results-dialog.tsx';
import { runBulk, type BulkOutcome } from './run-bulk.ts';

type BulkAction = 'post' | 'cancel' | 'delete' | 'email';

const ACTIONS: Record<
  BulkAction,
  {
    label: string;
    done: string;
    permission: Permission;
    destructive?: boolean;
    run: (kind: MemoKind, id: string) => Promise<unknown>;
  }
> = {
  post: { label: 'Post', done: 'Posted', permission: 'memo.post', run: postMemo },
  cancel: { label: 'Cancel', done: 'Canceled', permission: 'memo.cancel', destructive: true, run: cancelMemo },
  delete: { label: 'Delete', done: 'Deleted', permission: 'memo.delete', destructive: true, run: deleteMemo },
  // The template's setting decides the recipients (the bill-to contact), as Zuora's own bulk email does.
  email: {
    label: 'Email',
    done: 'Emailed',
    permission: 'memo.email',
    run: (kind, id) => emailMemo(kind, id, { useEmailTemplateSetting: true }),
  },
};

interface Props {
  kind: MemoKind;
  selected: MemoRow[];
  permissions: ReadonlySet<Permission>;
  onFinished: () => void;
}

/** Post / Cancel / Delete / Email the selected rows, then show every row's outcome. */
export function BulkActions({ kind, selected, permissions, onFinished }: Props) {
  const batch = useMemoBatch<BulkOutcome[]>(kind);
  // The targets are fixed when the action is chosen: once posted or deleted, rows leave the view.
  const [pending, setPending] = useState<{ action: BulkAction; targets: MemoRow[] } | null>(null);
  const [progress, setProgress] = useState(0);
  const [outcomes, setOutcomes] = useState<{ action: BulkAction; list: BulkOutcome[] } | null>(null);
  const count = pending?.targets.length ?? selected.length;
  const reasonsId = useId();
  const refused = (Object.keys(ACTIONS) as BulkAction[]).filter((a) => !permissions.has(ACTIONS[a].permission));
  const noun = `${memoKindLabel(kind).toLowerCase()}${count === 1 ? '' : 's'}`;

  const progressText = progress > 0 && (
    <Typography variant="body2" role="status" sx={{ mt: 1 }}>
      {progress} of {count} done…
    </Typography>
  );

  async function run(a: BulkAction, targets: MemoRow[]) {
    setProgress(0);
    const def = ACTIONS[a];
    const list = await batch.mutateAsync({
      operation: a,
      run: () => runBulk(targets, (row) => def.run(kind, row.id), { onProgress: setProgress }),
      changed: (outcomes) => outcomes.filter((o) => o.ok).map((o) => o.id),
    });
    setPending(null);
    setOutcomes({ action: a, list });
    onFinished();
  }

  return (
    <>
      {selected.length > 0 && (
        <Box
          sx={{ display: 'flex', gap: 1, alignItems: 'center', flexWrap: 'wrap', mb: 1 }}
          role="group"
          aria-label="Bulk actions"
        >
          <Typography variant="body2" sx={{ mr: 1 }}>
            {selected.length} selected
          </Typography>
          {(Object.keys(ACTIONS) as BulkAction[]).map((a) => {
            const allowed = permissions.has(ACTIONS[a].permission);
            return (
              <Button
                key={a}
                size="small"
                variant="outlined"
                color={ACTIONS[a].destructive ? 'error' : 'primary'}
                disabled={selected.length === 0 || !allowed}
                aria-describedby={allowed ? undefined : reasonsId}
                onClick={() => setPending({ action: a, targets: selected })}
              >
                {ACTIONS[a].label} selected
              </Button>
            );
          })}
          {refused.length > 0 && (
            // In words on the page, as everywhere else: a disabled button shows no tooltip.
            <Typography id={reasonsId} variant="caption" color="text.secondary">
              {refused.map((a) => `${ACTIONS[a].label}: ${permissionReason(ACTIONS[a].permission)}`).join(' · ')}
            </Typography>
          )}
        </Box>
      )}
      {pending?.action === 'post' && (
        <PostConfirmDialog
          title={`Post ${count} ${noun}?`}
          kind={kind}
          what={`these ${noun}: ${pending.targets.map((r) => r.number).join(', ')}`}
          cancelLabel="Back"
          onConfirm={() => run('post', pending.targets)}
          onClose={() => setPending(null)}
        >
          {progressText}
        </PostConfirmDialog>
      )}
      {pending && pending.action !== 'post' && (
        <ConfirmDialog
          open
          title={`${ACTIONS[pending.action].label} ${count} ${noun}?`}
          confirmLabel={ACTIONS[pending.action].label}
          cancelLabel="Back"
          destructive={ACTIONS[pending.action].destructive}
          onConfirm={() => run(pending.action, pending.targets)}
          onClose={() => setPending(null)}
        >
          <Typography variant="body2">{pending.targets.map((r) => r.number).join(', ')}</Typography>
          {progressText}
        </ConfirmDialog>
      )}
      <BulkResultsDialog
        title={outcomes ? `${ACTIONS[outcomes.action].label}: results` : ''}
        doneLabel={outcomes ? ACTIONS[outcomes.action].done : ''}
        outcomes={outcomes?.list ?? null}
        onClose={() => setOutcomes(null)}
      />
    </>
  );
}
