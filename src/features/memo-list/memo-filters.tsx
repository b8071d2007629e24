import { useQuery } from '@tanstack/react-query';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Typography from '@mui/material/Typography';
import { reasonCodesQuery } from '../../api/reason-codes.ts';
import { useObjectQuerySupport } from '../../api/memos/object-query-support.ts';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { parseAmount } from '../../contract/amount.ts';
import { DebouncedTextField } from './debounced-text-field.tsx';
import { filterAvailability } from './list-query.ts';
import { CURRENCIES, hasActiveFilters, sourceTypesOf, usesClassicList, type ListFilters } from './list-state.ts';
import { SelectFilter } from './select-filter.tsx';
import { StatusFilter } from './status-filter.tsx';
import { sourceTypeLabel } from '../../lib/wire-labels.ts';

const DECIMAL_INPUT = /^-?\d*(\.\d*)?$/;

// An amount filter is a plain decimal, as the API compares it: "1,000", "abc" or "1e308" is refused at the field,
// in one short line (it sits under a narrow field in the filter row).
const amountFilterProblem = (v: string) =>
  v === '' || parseAmount(v) ? undefined : 'Enter a plain number like 1000.50';
// The refusal may run past the narrow field rather than wrap to three lines; a phone wraps it (no sideways scroll).
const AMOUNT_SLOTS = {
  htmlInput: { inputMode: 'decimal', pattern: DECIMAL_INPUT.source },
  formHelperText: { sx: { whiteSpace: { sm: 'nowrap' } } },
} as const;
// Fields line up by their top edge, so a field with a line of helper text below it does not shift its
// neighbours; the controls that are not text fields take a field's height (40 px, size small).
const FIELD_HEIGHT = 40;

/**
 * A date typed with the keyboard passes through years 0002, 0020, 0202 on its way to 2026: the field
 * keeps its own draft (a controlled date input reset to the URL value would wipe the typing), and only
 * a cleared field or a plausible full date reaches the URL.
 */
const isDateFilter = (v: string) => v === '' || (isIsoDate(v) && v >= '1900-01-01');

interface Props {
  kind: MemoKind;
  filters: ListFilters;
  onChange: (patch: Partial<ListFilters>, opts?: { replace?: boolean }) => void;
  onClear: () => void;
}

/** The filter bar: only the filters the view's API can apply (list-query.ts); the others are named with the reason. */
export function MemoFilters({ kind, filters, onChange, onClear }: Props) {
  const objectQuerySupport = useObjectQuerySupport();
  const unavailable = filterAvailability(filters, objectQuerySupport);
  const can = Object.fromEntries(Object.entries(unavailable).map(([k, why]) => [k, why === null])) as Record<
    keyof ListFilters,
    boolean
  >;
  const objectQuery = !usesClassicList(filters, objectQuerySupport);
  const hiddenBecause = [...new Set(Object.values(unavailable).filter((why): why is string => why !== null))];
  const reasonCodes = useQuery({ ...reasonCodesQuery(kind), enabled: can.reasonCode, retry: false });
  const reasonOptions = [
    ...new Set([...(reasonCodes.data ?? []).map((c) => c.name), filters.reasonCode].filter(Boolean)),
  ];
  const commitText = (key: keyof ListFilters) => (v: string) => onChange({ [key]: v }, { replace: true });
  const commitAmount = (key: 'amountFrom' | 'amountTo') => (v: string) => onChange({ [key]: v }, { replace: true });

  return (
    <Box
      component="section"
      aria-label={kind === 'CreditMemo' ? 'Credit memo filters' : 'Debit memo filters'}
      sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', my: 2 }}
    >
      <StatusFilter value={filters.status} multiple={objectQuery} onChange={(status) => onChange({ status })} />
      <DebouncedTextField
        size="small"
        label={objectQuery ? 'Account' : 'Account number'}
        placeholder={objectQuery ? 'Name or number starts with' : undefined}
        value={filters.account}
        onCommit={commitText('account')}
        sx={{ width: 190 }}
      />
      <DebouncedTextField
        size="small"
        label="Memo number"
        value={filters.number}
        onCommit={commitText('number')}
        sx={{ width: 150 }}
      />
      {can.memoDateFrom && (
        <DebouncedTextField
          size="small"
          type="date"
          label="Memo date from"
          value={filters.memoDateFrom}
          onCommit={(v) => isDateFilter(v) && onChange({ memoDateFrom: v })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 165 }}
        />
      )}
      {can.memoDateTo && (
        <DebouncedTextField
          size="small"
          type="date"
          label="Memo date to"
          value={filters.memoDateTo}
          onCommit={(v) => isDateFilter(v) && onChange({ memoDateTo: v })}
          slotProps={{ inputLabel: { shrink: true } }}
          sx={{ width: 160 }}
        />
      )}
      {can.amountFrom && (
        <DebouncedTextField
          size="small"
          label="Amount from"
          value={filters.amountFrom}
          onCommit={commitAmount('amountFrom')}
          problem={amountFilterProblem}
          slotProps={AMOUNT_SLOTS}
          sx={{ width: 145 }}
        />
      )}
      {can.amountTo && (
        <DebouncedTextField
          size="small"
          label="Amount to"
          value={filters.amountTo}
          onCommit={commitAmount('amountTo')}
          problem={amountFilterProblem}
          slotProps={AMOUNT_SLOTS}
          sx={{ width: 130 }}
        />
      )}
      <SelectFilter
        id="currency-filter"
        label="Currency"
        value={filters.currency}
        options={CURRENCIES}
        onChange={(currency) => onChange({ currency })}
        minWidth={130}
      />
      {can.reasonCode &&
        (reasonCodes.isError ? (
          <DebouncedTextField
            size="small"
            label="Reason code"
            value={filters.reasonCode}
            onCommit={commitText('reasonCode')}
            sx={{ width: 160 }}
          />
        ) : (
          <SelectFilter
            id="reason-filter"
            label="Reason code"
            value={filters.reasonCode}
            options={reasonOptions}
            onChange={(reasonCode) => onChange({ reasonCode })}
            minWidth={160}
          />
        ))}
      {can.sourceType && (
        <SelectFilter
          id="source-filter"
          label="Source type"
          value={filters.sourceType}
          options={sourceTypesOf(kind)}
          labelOf={sourceTypeLabel}
          onChange={(sourceType) => onChange({ sourceType })}
          minWidth={150}
        />
      )}
      {can.openBalance && (
        <FormControlLabel
          control={
            <Switch checked={filters.openBalance} onChange={(e) => onChange({ openBalance: e.target.checked })} />
          }
          label="Open balance only"
          sx={{ height: FIELD_HEIGHT }}
        />
      )}
      {hasActiveFilters(filters) && (
        <Button onClick={onClear} size="small" sx={{ height: FIELD_HEIGHT }}>
          Clear filters
        </Button>
      )}
      {(filters.amountFrom || filters.amountTo) && (
        <Typography variant="caption" color="text.secondary" component="p" sx={{ flexBasis: '100%', m: 0 }}>
          An amount range compares each memo’s amount in its own currency: ¥5,000 and $5,000 both pass “from 5000”.
        </Typography>
      )}
      {hiddenBecause.map((why) => (
        <Typography key={why} variant="caption" color="text.secondary" component="p" sx={{ flexBasis: '100%', m: 0 }}>
          {why}
        </Typography>
      ))}
    </Box>
  );
}
