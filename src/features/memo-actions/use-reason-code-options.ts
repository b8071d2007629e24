import { useReasonCodes, type ReasonCodeTransactionType } from '../../api/reason-codes.ts';

/** The props of the form kit's ReasonCodeField for one transaction type: the tenant's active codes. */
export function useReasonCodeOptions(transactionType: ReasonCodeTransactionType) {
  const codes = useReasonCodes(transactionType);
  return {
    options: codes.data?.map((c) => c.name),
    loadError: codes.isError ? 'Reason codes could not be loaded' : undefined,
  };
}
