import type { QueryClient, QueryKey } from '@tanstack/react-query';
import { memoKeys } from './keys.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

// The one place that says which cached queries an operation changes. Each mutation hook calls
// `invalidateMemoEffects(qc, { operation, kind, id, related })` on success (a batch of writes: useMemoBatch);
// screens do not invalidate, and lint keeps them from importing it (eslint.config.js).

export type MemoOperation =
  | 'create'
  | 'edit'
  | 'editItem'
  | 'post'
  | 'unpost'
  | 'cancel'
  | 'delete'
  | 'email'
  | 'regeneratePdf'
  | 'uploadFile'
  | 'apply'
  | 'unapply'
  | 'refund'
  | 'writeOffCredit'
  | 'writeOffDebit'
  | 'reverse'
  | 'collect';

export interface MemoRef {
  kind: MemoKind;
  id: string;
}

export interface MemoEffect {
  operation: MemoOperation;
  kind: MemoKind;
  /** The memo acted on (absent for a bulk create). */
  id?: string;
  /** Other memos the operation changed: debit memos an apply settled, the memo a write-off created... */
  related?: MemoRef[];
}

type Part = 'list' | 'detail' | 'items' | 'applications' | 'files' | 'history';

/** What each operation changes on the memo it acts on. */
const TOUCHES: Record<MemoOperation, Part[]> = {
  create: ['list'],
  edit: ['list', 'detail', 'history'],
  editItem: ['list', 'detail', 'items', 'history'],
  // Posting can apply the memo (a credit memo set to apply to its invoice upon posting).
  post: ['list', 'detail', 'items', 'applications', 'files', 'history'],
  unpost: ['list', 'detail', 'history'],
  cancel: ['list', 'detail', 'history'],
  delete: ['list'],
  // An email of a memo without a PDF generates one first (its latest PDF id and files change).
  email: ['detail', 'files', 'history'],
  regeneratePdf: ['detail', 'files', 'history'],
  uploadFile: ['files', 'history'],
  apply: ['list', 'detail', 'items', 'applications', 'history'],
  unapply: ['list', 'detail', 'items', 'applications', 'history'],
  refund: ['list', 'detail', 'items', 'applications', 'history'],
  writeOffCredit: ['list', 'detail', 'items', 'applications', 'history'],
  writeOffDebit: ['list', 'detail', 'items', 'applications', 'history'],
  reverse: ['list', 'detail', 'items', 'applications', 'history'],
  collect: ['list', 'detail', 'items', 'applications', 'history'],
};

/** A memo on the other side of a settlement: its balances, items and applications moved. */
const RELATED_TOUCHES: Part[] = ['list', 'detail', 'items', 'applications', 'history'];

function keysOf(kind: MemoKind, id: string | undefined, parts: Part[]): QueryKey[] {
  return parts.flatMap((part): QueryKey[] => {
    if (part === 'list') return [memoKeys.lists(kind)];
    return id ? [memoKeys[part](kind, id)] : [];
  });
}

/** The query keys (prefixes) an operation changes; pure, so it is unit-tested. */
export function memoEffectKeys(effect: MemoEffect): QueryKey[] {
  const keys = [
    ...keysOf(effect.kind, effect.id, TOUCHES[effect.operation]),
    ...(effect.related ?? []).flatMap((r) => keysOf(r.kind, r.id, RELATED_TOUCHES)),
  ];
  const seen = new Set<string>();
  return keys.filter((k) => {
    const s = JSON.stringify(k);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
}

export async function invalidateMemoEffects(
  queryClient: QueryClient,
  effect: MemoEffect | readonly MemoEffect[],
): Promise<void> {
  const effects = Array.isArray(effect) ? effect : [effect as MemoEffect];
  for (const e of effects)
    if (e.operation === 'delete' && e.id) queryClient.removeQueries({ queryKey: memoKeys.memo(e.kind, e.id) });
  // One invalidation per distinct key, so a bulk action over 40 memos refetches the list once.
  const keys = new Map(effects.flatMap(memoEffectKeys).map((k) => [JSON.stringify(k), k]));
  await Promise.all([...keys.values()].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}
