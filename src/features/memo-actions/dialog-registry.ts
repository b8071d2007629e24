import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MemoActionId } from './action-ids.ts';
import type { MemoDialogProps } from './dialog-types.ts';

// Action id → lazily loaded dialog (one chunk each). The detail page renders the dialog named by
// `?action=<id>`; the menu prefetches the chunks of its enabled actions when it opens, so a click
// shows the dialog at once. To add a dialog, add one line to LOADERS (default export, MemoDialogProps).

type Loader = () => Promise<{ default: ComponentType<MemoDialogProps> }>;

const LOADERS: Partial<Record<MemoActionId, Loader>> = {
  post: () => import('./post-dialog.tsx'),
  unpost: () => import('./unpost-dialog.tsx'),
  cancel: () => import('./cancel-dialog.tsx'),
  delete: () => import('./delete-dialog.tsx'),
  edit: () => import('./edit-memo-dialog.tsx'),
  editItem: () => import('./edit-item-dialog.tsx'),
  email: () => import('./email-dialog.tsx'),
  uploadFile: () => import('./upload-file-dialog.tsx'),
  regeneratePdf: () => import('./regenerate-pdf-dialog.tsx'),
  apply: () => import('./apply/apply-dialog.tsx'),
  unapply: () => import('./unapply/unapply-dialog.tsx'),
  refund: () => import('./refund/refund-dialog.tsx'),
  writeOffCredit: () => import('./write-off-credit/write-off-credit-dialog.tsx'),
  reverse: () => import('./reverse/reverse-dialog.tsx'),
  collect: () => import('./collect/collect-dialog.tsx'),
  writeOffDebit: () => import('./write-off-debit/write-off-debit-dialog.tsx'),
};

type DialogModule = Awaited<ReturnType<Loader>>;

// Dialog modules that have arrived. React.lazy suspends on a component's first render even when its
// module is in memory (import() always answers later), and React 19 keeps a Suspense fallback up for
// at least 300 ms: a prefetched dialog opened ~350 ms after the click. Handing lazy() a thenable that
// calls back at once makes it render in the same pass.
const loaded: Partial<Record<MemoActionId, DialogModule>> = {};

function load(id: MemoActionId): Promise<DialogModule> {
  return LOADERS[id]!().then((m) => (loaded[id] = m));
}

function loadNowOrLater(id: MemoActionId): Promise<DialogModule> {
  const mod = loaded[id];
  if (!mod) return load(id);
  const immediate = { then: (onLoaded: (m: DialogModule) => unknown) => onLoaded(mod) };
  return immediate as unknown as Promise<DialogModule>; // lazy() only calls then()
}

// Built once at module load: a lazy component must keep its identity across renders.
export const MEMO_DIALOGS = Object.fromEntries(
  Object.keys(LOADERS).map((id) => [id, lazy(() => loadNowOrLater(id as MemoActionId))]),
) as Partial<Record<MemoActionId, LazyExoticComponent<ComponentType<MemoDialogProps>>>>;

/** Starts loading the chunks of these actions' dialogs. */
export function prefetchDialogs(ids: readonly MemoActionId[]): void {
  for (const id of ids) if (LOADERS[id] && !loaded[id]) void load(id).catch(() => undefined);
}
