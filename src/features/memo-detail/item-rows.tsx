import Button from '@mui/material/Button';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type {
  CreditMemoItem,
  CreditMemoTaxationItem,
  DebitMemoItem,
  DebitMemoTaxationItem,
} from '../../contract/memos.ts';
import { LocalDate } from '../../components/local-date.tsx';
import { Money } from '../../components/money.tsx';
import { money, sum } from '../../lib/money.ts';
import type { MemoOfKind } from '../../api/memos/detail.ts';
import { itemEditRefusal } from '../memo-actions/index.ts';

type Item = CreditMemoItem | DebitMemoItem;
type TaxItem = CreditMemoTaxationItem | DebitMemoTaxationItem;

/** What is still open: a debit memo's balance, a credit memo's unapplied amount. */
const openOf = (kind: MemoOfKind['kind'], x: Item | TaxItem): number =>
  kind === 'DebitMemo'
    ? (x as DebitMemoItem | DebitMemoTaxationItem).balance
    : (x as CreditMemoItem | CreditMemoTaxationItem).unappliedAmount;

/** One item row, then one indented row per taxation item. */
export function ItemRows({
  memo,
  item,
  showEdit,
  canEdit,
  onEdit,
}: {
  memo: MemoOfKind;
  item: Item;
  showEdit: boolean;
  canEdit: boolean;
  onEdit: () => void;
}) {
  const cur = memo.memo.currency;
  const taxes = (item.taxationItems?.data ?? []) as TaxItem[];
  const tax = sum(taxes.map((t) => t.taxAmount));
  const refusal = itemEditRefusal(item);
  const f = item.financeInformation;
  const codes = [
    ['Deferred revenue', f?.deferredRevenueAccountingCode],
    ['Recognized revenue', f?.recognizedRevenueAccountingCode],
    ['On-account', f?.onAccountAccountingCode],
    ['Rev. rec. rule', f?.revenueRecognitionRuleName],
  ].filter(([, v]) => v);
  const hasTaxRows = taxes.length > 0;
  return (
    <>
      <TableRow sx={hasTaxRows ? { '& > td': { borderBottom: 'none' } } : undefined}>
        <TableCell>
          <Typography variant="body2" sx={{ fontWeight: 500 }}>
            {item.skuName}
          </Typography>
          {item.description && (
            <Typography variant="caption" color="text.secondary" component="p">
              {item.description}
            </Typography>
          )}
          {item.taxMode === 'TaxInclusive' && (
            <Typography variant="caption" color="text.secondary" component="p">
              Tax inclusive
            </Typography>
          )}
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>
          {item.serviceStartDate || item.serviceEndDate ? (
            <>
              <LocalDate value={item.serviceStartDate} /> – <LocalDate value={item.serviceEndDate} />
            </>
          ) : (
            <span aria-label="none">—</span>
          )}
        </TableCell>
        <TableCell align="right">
          <Money value={item.amount} currency={cur} />
        </TableCell>
        <TableCell align="right">
          <Money value={tax} currency={cur} />
        </TableCell>
        <TableCell align="right">
          {/* Zuora's item amount excludes tax on tax-exclusive items and includes it on tax-inclusive ones. */}
          <Money
            value={item.taxMode === 'TaxInclusive' ? money(item.amount) : money(item.amount).plus(tax)}
            currency={cur}
          />
        </TableCell>
        <TableCell align="right">
          <Money value={openOf(memo.kind, item)} currency={cur} />
        </TableCell>
        <TableCell sx={{ minWidth: 180, maxWidth: 260 }}>
          {codes.length ? (
            codes.map(([label, v]) => (
              <Typography key={label} variant="caption" component="p">
                <Typography component="span" variant="inherit" color="text.secondary">
                  {label}:
                </Typography>{' '}
                {v}
              </Typography>
            ))
          ) : (
            <span aria-label="none">—</span>
          )}
        </TableCell>
        {showEdit && (
          <TableCell align="right">
            <Button
              size="small"
              onClick={onEdit}
              disabled={!canEdit || Boolean(refusal)}
              aria-label={`Edit item ${item.skuName}`}
            >
              Edit
            </Button>
            {refusal && (
              <Typography variant="caption" color="text.secondary" component="p">
                {refusal}
              </Typography>
            )}
          </TableCell>
        )}
      </TableRow>
      {taxes.map((t, i) => (
        <TableRow key={t.id} sx={i < taxes.length - 1 ? { '& > td': { borderBottom: 'none' } } : undefined}>
          <TableCell colSpan={3} sx={{ pl: 4 }}>
            <Typography variant="body2" color="text.secondary">
              Tax: {t.name}
              {t.taxRateType === 'Percentage' && t.taxRate != null
                ? ` (${money(t.taxRate).times(100).toString()}%)`
                : ''}
              {t.jurisdiction ? ` · ${t.jurisdiction}` : ''}
            </Typography>
          </TableCell>
          <TableCell align="right">
            <Money value={t.taxAmount} currency={cur} />
          </TableCell>
          <TableCell />
          <TableCell align="right">
            <Money value={openOf(memo.kind, t)} currency={cur} />
          </TableCell>
          <TableCell>
            {t.financeInformation?.salesTaxPayableAccountingCode ? (
              <Typography variant="caption" component="p">
                <Typography component="span" variant="inherit" color="text.secondary">
                  Sales tax payable:
                </Typography>{' '}
                {t.financeInformation.salesTaxPayableAccountingCode}
              </Typography>
            ) : null}
          </TableCell>
          {showEdit && <TableCell />}
        </TableRow>
      ))}
    </>
  );
}
