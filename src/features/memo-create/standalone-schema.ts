import { z } from 'zod';
import type { MemoKind } from '../../lib/memo-kind.ts';
import { isBefore, today } from '../../lib/dates.ts';
import { amountProblem } from '../../contract/amount.ts';
import { COMMENT_MAX } from '../../contract/comment.ts';
import { CUSTOM_FIELD_RE } from '../../contract/memo-requests.ts';
import { MAX_ACCOUNTING_CODE, MAX_CHARGES, MEMO_NUMBER, dateProblem, quantityProblem } from './field-rules.ts';

// The standalone ("from charges") form: its values are the strings the inputs hold, and this schema
// mirrors Zuora's rules for POST /v1/{credit|debit}-memos (docs/zuora/api-digest.md §4.3, §6.3) so that the form
// refuses what the server would refuse, with the message next to the field.

export const pickedAccountSchema = z.object({
  id: z.string(),
  accountNumber: z.string(),
  name: z.string(),
  currency: z.string(),
});
export type PickedAccount = z.infer<typeof pickedAccountSchema>;

const financeSchema = z.object({
  recognizedRevenueAccountingCode: z.string().max(MAX_ACCOUNTING_CODE, `At most ${MAX_ACCOUNTING_CODE} characters.`),
  deferredRevenueAccountingCode: z.string().max(MAX_ACCOUNTING_CODE, `At most ${MAX_ACCOUNTING_CODE} characters.`),
  onAccountAccountingCode: z.string().max(MAX_ACCOUNTING_CODE, `At most ${MAX_ACCOUNTING_CODE} characters.`),
  revenueRecognitionRuleName: z.string().max(MAX_ACCOUNTING_CODE, `At most ${MAX_ACCOUNTING_CODE} characters.`),
});
export type FinanceValues = z.infer<typeof financeSchema>;

export const chargeLineSchema = z.object({
  productRatePlanChargeId: z.string().min(1),
  chargeName: z.string(),
  productName: z.string(),
  ratePlanName: z.string(),
  chargeType: z.enum(['OneTime', 'Recurring', 'Usage']),
  uom: z.string(),
  amount: z.string(),
  quantity: z.string(),
  description: z.string().max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`),
  serviceStartDate: z.string(),
  serviceEndDate: z.string(),
  financeInformation: financeSchema,
});
export type ChargeLine = z.infer<typeof chargeLineSchema>;

const customFieldSchema = z.object({ name: z.string(), value: z.string() });

export const standaloneFormSchema = z
  .object({
    kind: z.enum(['CreditMemo', 'DebitMemo']),
    account: pickedAccountSchema.nullable(),
    effectiveDate: z.string(),
    dueDate: z.string(),
    currency: z.string(),
    reasonCode: z.string(),
    comment: z.string().max(COMMENT_MAX, `At most ${COMMENT_MAX} characters.`),
    autoPay: z.boolean(),
    excludeFromAutoApplyRules: z.boolean(),
    autoPost: z.boolean(),
    number: z.string(),
    customFields: z.array(customFieldSchema),
    charges: z.array(chargeLineSchema).max(MAX_CHARGES, `A memo holds at most ${MAX_CHARGES} charges.`),
  })
  .superRefine((v, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if (!v.account) issue(['account'], 'Choose an account.');
    const memoDate = dateProblem(v.effectiveDate, true);
    if (memoDate) issue(['effectiveDate'], memoDate);
    if (v.kind === 'DebitMemo') {
      const due = dateProblem(v.dueDate, false);
      if (due) issue(['dueDate'], due);
      else if (v.dueDate && !memoDate && isBefore(v.dueDate, v.effectiveDate))
        issue(['dueDate'], 'The due date cannot be before the memo date.');
    }
    if (!/^[A-Z]{3}$/.test(v.currency)) issue(['currency'], 'Choose a currency.');
    if (v.number !== '' && !MEMO_NUMBER.test(v.number)) {
      issue(['number'], 'Use at most 32 letters, digits, "-" or "_".');
    }
    const seen = new Set<string>();
    v.customFields.forEach((f, i) => {
      if (!CUSTOM_FIELD_RE.test(f.name))
        issue(['customFields', i, 'name'], 'A custom field name ends in __c (or __NS for NetSuite), e.g. Region__c.');
      else if (seen.has(f.name)) issue(['customFields', i, 'name'], 'This custom field is already set.');
      seen.add(f.name);
    });
    // Zuora's own message for an empty list is "Product rate plan charge id list is blank." (docs/zuora/ui-inventory.md §6).
    if (v.charges.length === 0) issue(['charges'], 'Add at least one charge.');
    v.charges.forEach((c, i) =>
      chargeIssues(c, v.currency, (field, message) => issue(['charges', i, ...field], message)),
    );
  });

export type StandaloneFormValues = z.infer<typeof standaloneFormSchema>;

function chargeIssues(c: ChargeLine, currency: string, issue: (field: string[], message: string) => void) {
  const amount = amountProblem(c.amount, currency, { least: 'zero' });
  if (amount) issue(['amount'], amount);
  const quantity = quantityProblem(c.quantity, c.chargeType === 'Usage');
  if (quantity) issue(['quantity'], quantity);
  const start = dateProblem(c.serviceStartDate, false);
  if (start) issue(['serviceStartDate'], start);
  const end = dateProblem(c.serviceEndDate, false);
  if (end) issue(['serviceEndDate'], end);
  if (!start && !end && c.serviceStartDate && c.serviceEndDate && isBefore(c.serviceEndDate, c.serviceStartDate)) {
    issue(['serviceEndDate'], 'The service end date cannot be before the start date.');
  }
}

export function standaloneDefaults(kind: MemoKind, now = today()): StandaloneFormValues {
  return {
    kind,
    account: null,
    effectiveDate: now,
    dueDate: '',
    currency: '',
    reasonCode: '',
    comment: '',
    autoPay: true,
    excludeFromAutoApplyRules: false,
    autoPost: false,
    number: '',
    customFields: [],
    charges: [],
  };
}
