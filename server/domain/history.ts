import type { Tx } from '../db/transaction.ts';
import type { Caller } from '../caller.ts';

/** Every event on a memo's timeline. */
export type MemoEvent =
  | 'created'
  | 'edited'
  | 'posted'
  | 'unposted'
  | 'canceled'
  | 'deleted'
  | 'applied'
  | 'unapplied'
  | 'refunded'
  | 'writtenOff'
  | 'reversed'
  | 'collected'
  | 'emailed'
  | 'pdfGenerated'
  | 'fileUploaded'
  | 'received';

/** Appends one event to a memo's history, in the caller's transaction. */
export async function recordEvent(
  tx: Tx,
  memoId: string,
  event: MemoEvent,
  caller: Pick<Caller, 'userId' | 'name'> | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await tx
    .insertInto('memo_events')
    .values({
      memo_id: memoId,
      event,
      detail: JSON.stringify(detail),
      user_id: caller?.userId ?? null,
      user_name: caller?.name ?? 'System',
    })
    .execute();
}
