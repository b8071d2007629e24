import { useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { ZuoraApiError } from '../../../lib/zuora-error.ts';
import { accountDetailQuery } from '../../../api/account-detail.ts';
import { catalogProductsQuery } from '../../../api/catalog.ts';
import { bulkCreateStandaloneMemos } from '../../../api/memos/create-mutations.ts';
import { useMemoBatch } from '../../../api/memos/batch-mutations.ts';
import type { MemoKind } from '../../../lib/memo-kind.ts';
import { today } from '../../../lib/dates.ts';
import { localLedger } from './created-ledger.ts';
import { memoKey } from './idempotency-keys.ts';
import { readMemoCsv } from './read-memo-csv.ts';
import { knownOutcomes, sendMemos, type BulkEntry, type Outcome } from './send-memos.ts';
import {
  validateMemoRows,
  type AccountInfo,
  type ChargeInfo,
  type MemoDraft,
  type RowResult,
} from './validate-memo-rows.ts';

// The bulk upload's flow: read → look up what rows refer to → validate → preview → send → outcomes.

export type BulkState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'refused'; fileName: string; errors: string[] }
  | {
      step: 'preview' | 'sending' | 'done';
      fileName: string;
      rows: RowResult[];
      memos: MemoDraft[];
      /** The valid memos with their keys. */
      entries: BulkEntry[];
      /** Before sending: the memos already created by an earlier upload; then every memo's outcome. */
      outcomes: Outcome[];
    };

async function lookupAccounts(qc: QueryClient, numbers: string[]): Promise<Map<string, AccountInfo | null>> {
  const entries = await Promise.all(
    numbers.map(async (n): Promise<[string, AccountInfo | null]> => {
      try {
        const a = await qc.fetchQuery(accountDetailQuery(n));
        return [n, { id: a.basicInfo.id, currency: a.billingAndPayment?.currency ?? '' }];
      } catch (err) {
        if (err instanceof ZuoraApiError && (err.status === 404 || err.category === 40)) return [n, null];
        throw err;
      }
    }),
  );
  return new Map(entries);
}

async function lookupCharges(qc: QueryClient): Promise<Map<string, ChargeInfo>> {
  const products = await qc.fetchQuery(catalogProductsQuery());
  const map = new Map<string, ChargeInfo>();
  for (const c of products.flatMap((p) => p.productRatePlans.flatMap((pl) => pl.productRatePlanCharges))) {
    const info = { id: c.id, type: c.type, model: c.model, number: c.productRatePlanChargeNumber ?? undefined };
    map.set(c.id, info);
    if (info.number) map.set(info.number, info);
  }
  return map;
}

export function useBulkUpload(kind: MemoKind) {
  const qc = useQueryClient();
  const [state, setState] = useState<BulkState>({ step: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const batch = useMemoBatch<Outcome[]>(kind);

  async function load(file: File) {
    setError(null);
    setState({ step: 'reading', fileName: file.name });
    try {
      const text = await file.text();
      const read = readMemoCsv(text, kind);
      if (read.fileErrors.length) return setState({ step: 'refused', fileName: file.name, errors: read.fileErrors });
      const numbers = [...new Set(read.rows.map((r) => r.cells.accountNumber).filter(Boolean))];
      const [accounts, charges] = await Promise.all([lookupAccounts(qc, numbers), lookupCharges(qc)]);
      const result = validateMemoRows(
        read.rows,
        kind,
        { account: (n) => accounts.get(n), charge: (k) => charges.get(k) },
        today(),
      );
      const entries = await entriesOf(kind, result.memos);
      setState({
        step: 'preview',
        fileName: file.name,
        ...result,
        entries,
        outcomes: knownOutcomes(entries, localLedger()),
      });
    } catch (err) {
      setError(err);
      setState({ step: 'idle' });
    }
  }

  async function send() {
    if (state.step !== 'preview') return;
    setState({ ...state, step: 'sending' });
    const outcomes = await batch.mutateAsync({
      operation: 'create',
      run: () =>
        sendMemos(
          state.entries,
          localLedger(),
          async (body, key) => {
            const { results, replayed } = await bulkCreateStandaloneMemos(kind, [body], key);
            return { result: results[0], replayed };
          },
          (o) => setState((s) => (s.step === 'sending' ? { ...s, outcomes: o } : s)),
        ),
      changed: (all) => all.flatMap((o) => (o.state === 'created' ? [o.id] : [])),
    });
    setState({ ...state, step: 'done', outcomes });
  }

  return { state, error, load, send, reset: () => setState({ step: 'idle' }) };
}

function entriesOf(kind: MemoKind, memos: MemoDraft[]): Promise<BulkEntry[]> {
  return Promise.all(
    memos.flatMap(({ memoRef, body, source }) =>
      body ? [memoKey(kind, memoRef, source).then((key) => ({ memoRef, body, key }))] : [],
    ),
  );
}
