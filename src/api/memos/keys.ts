import type { MemoKind } from '../../lib/memo-kind.ts';

// The one query-key factory for memos, general to specific, so one mutation can invalidate exactly
// what it changed (`invalidate.ts`). Everything about one memo shares the prefix `memo(kind, id)`.
export const memoKeys = {
  all: ['memos'] as const,
  kind: (kind: MemoKind) => [...memoKeys.all, kind] as const,
  lists: (kind: MemoKind) => [...memoKeys.kind(kind), 'list'] as const,
  list: (kind: MemoKind, params: object) => [...memoKeys.lists(kind), params] as const,
  memo: (kind: MemoKind, id: string) => [...memoKeys.kind(kind), 'memo', id] as const,
  detail: (kind: MemoKind, id: string) => [...memoKeys.memo(kind, id), 'detail'] as const,
  items: (kind: MemoKind, id: string) => [...memoKeys.memo(kind, id), 'items'] as const,
  applications: (kind: MemoKind, id: string) => [...memoKeys.memo(kind, id), 'applications'] as const,
  files: (kind: MemoKind, id: string) => [...memoKeys.memo(kind, id), 'files'] as const,
  history: (kind: MemoKind, id: string) => [...memoKeys.memo(kind, id), 'history'] as const,
};
