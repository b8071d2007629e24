import type { Database } from '../db/connect.ts';
import type { MemoRow } from '../db/types.ts';
import { ErrorCategory, Resource, ZuoraError } from '../errors.ts';
import { writeOffCreditLockReason } from '../../src/contract/write-off.ts';

// The credit memo of a debit memo write-off stays applied to that debit memo (src/contract/write-off.ts):
// unapply, refund, reverse and write-off of it are refused before anything else is looked at.

export async function refuseWriteOffCredit(tx: Database, cm: MemoRow, verb: string): Promise<void> {
  if (cm.origin !== 'DebitMemoWriteOff') return;
  const dm = cm.written_off_memo_id
    ? await tx.selectFrom('memos').select('number').where('id', '=', cm.written_off_memo_id).executeTakeFirst()
    : undefined;
  throw new ZuoraError(
    ErrorCategory.BusinessRule,
    `Cannot ${verb} ${cm.number}: ${writeOffCreditLockReason(dm?.number)}.`,
    {
      resource: Resource.CreditMemo,
    },
  );
}
