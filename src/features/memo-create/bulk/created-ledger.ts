// The memos a bulk upload created, by memo key (idempotency-keys.ts), kept in this browser for 30 days:
// uploading the file again, after fixing a bad row, shows them as already created instead of sending
// them again (the batches, and so their Idempotency-Keys, differ once a memo joins them).

export interface CreatedMemo {
  id: string;
  number: string;
  status: string;
}

export interface CreatedLedger {
  get(key: string): CreatedMemo | undefined;
  add(key: string, memo: CreatedMemo): void;
}

const STORAGE_KEY = 'cdm.bulk-created';
const KEEP_MS = 30 * 24 * 3600 * 1000;

type Stored = Record<string, CreatedMemo & { at: number }>;

export function localLedger(
  storage: Pick<Storage, 'getItem' | 'setItem'> | undefined = globalThis.localStorage,
  now = () => Date.now(),
): CreatedLedger {
  const read = (): Stored => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(STORAGE_KEY) ?? '{}');
      return parsed && typeof parsed === 'object' ? (parsed as Stored) : {};
    } catch {
      return {};
    }
  };
  return {
    get: (key) => {
      const hit = read()[key];
      return hit && now() - hit.at < KEEP_MS ? { id: hit.id, number: hit.number, status: hit.status } : undefined;
    },
    add: (key, memo) => {
      const kept = Object.fromEntries(Object.entries(read()).filter(([, v]) => now() - v.at < KEEP_MS));
      try {
        storage?.setItem(STORAGE_KEY, JSON.stringify({ ...kept, [key]: { ...memo, at: now() } }));
      } catch {
        /* storage full or blocked: the server's key replay still covers an exact re-run */
      }
    },
  };
}

/** For tests and for a browser without storage. */
export function memoryLedger(): CreatedLedger {
  const map = new Map<string, CreatedMemo>();
  return { get: (k) => map.get(k), add: (k, m) => void map.set(k, m) };
}
