import { defaultReasonCode, useReasonCodes } from '../../api/reason-codes.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';

/** The props of the form kit's ReasonCodeField on a create page: the kind's codes, starting on its default. */
export function useMemoReasonCodes(kind: MemoKind) {
  const codes = useReasonCodes(kind);
  return {
    options: codes.data?.map((c) => c.name),
    initial: defaultReasonCode(codes.data),
    loadError: codes.isError ? 'Reason codes could not be loaded; Zuora uses the default.' : undefined,
  };
}
