import { expect as baseExpect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { signInAs } from './support/sign-in.ts';
import { adminToken, apiGet, findPostedMemo } from './support/sandbox-api.ts';

// Settlement walkthroughs: apply a credit memo to an invoice and a debit memo, unapply part,
// refund part, write off a credit memo and open the debit memo it created.
test.describe.configure({ timeout: 240_000 });
const expect = baseExpect.configure({ timeout: 15_000 });
const usd = (n: number) => new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(n);
const cents = (n: number) => Math.round(n * 100); // comparison of two-decimal values read back from the API

interface Doc {
  id: string;
  documentNumber: string;
  documentType: string;
  balance: number;
}

async function creditMemoWithTargets(request: APIRequestContext, token: string) {
  for (let page = 1; page <= 10; page++) {
    const body = await apiGet<{
      creditmemos: {
        id: string;
        number: string;
        accountId: string;
        currency: string;
        unappliedAmount: number;
        appliedAmount: number;
      }[];
    }>(request, token, `/v1/credit-memos?status=Posted&pageSize=40&page=${page}`);
    for (const cm of body.creditmemos) {
      if (cm.currency !== 'USD' || cm.unappliedAmount < 5) continue;
      const docs = (
        await apiGet<{ documents: Doc[] }>(
          request,
          token,
          `/v1/billing-documents?accountId=${cm.accountId}&status=Posted&pageSize=40`,
        )
      ).documents.filter((d) => d.balance > 2);
      const inv = docs.find((d) => d.documentType === 'Invoice');
      const dm = docs.find((d) => d.documentType === 'DebitMemo');
      if (inv && dm) return { cm, inv, dm };
    }
  }
  throw new Error('no credit memo with an open invoice and debit memo on its account');
}

async function openAction(page: Page, name: string | RegExp) {
  await page.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name }).click();
}

test('apply to an invoice and a debit memo, unapply part, refund part', async ({ page, request }) => {
  const token = await adminToken(request);
  const { cm, inv, dm } = await creditMemoWithTargets(request, token);
  await signInAs(page, 'Billing Admin', `/credit-memos/${cm.id}`);

  await openAction(page, /^Apply/);
  const apply = page.getByRole('dialog', { name: 'Apply Credit Memo' });
  await apply.getByLabel(`Amount to apply to ${inv.documentNumber}`).fill('1.50');
  await apply.getByLabel(`Amount to apply to ${dm.documentNumber}`).fill('2.25');
  await expect(apply.getByRole('status')).toContainText('Total to apply: $3.75');
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: test.info().outputPath('apply-dialog.png') });
  await apply.getByRole('button', { name: 'Apply' }).click();
  await expect(apply).toBeHidden();
  await expect(page.getByText(`Applied $3.75 of ${cm.number} to 2 documents.`)).toBeVisible();
  await expect(page.getByRole('link', { name: dm.documentNumber }).first()).toBeVisible();

  // Both balances went down: the debit memo on its page, the invoice as the sandbox reports it.
  const invAfter = await apiGet<{ balance: number }>(request, token, `/v1/invoices/${inv.id}`);
  expect(cents(invAfter.balance)).toBe(cents(inv.balance) - 150);
  await page.getByRole('link', { name: dm.documentNumber }).first().click();
  await expect(page).toHaveURL(new RegExp(`/debit-memos/${dm.id}$`));
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: new RegExp(`^\\${usd((cents(dm.balance) - 225) / 100)}$`) })
      .first(),
  ).toBeVisible();
  await page.goBack();

  // Unapply part of what was applied to the debit memo.
  await openAction(page, 'Unapply This Credit Memo');
  const unapply = page.getByRole('dialog', { name: 'Unapply Credit Memo' });
  const rows = unapply.getByRole('row').filter({ hasText: dm.documentNumber });
  await rows.getByLabel(/Amount to unapply/).fill('1.00');
  await unapply.getByRole('button', { name: 'Unapply' }).click();
  await expect(unapply).toBeHidden();
  // The Applied To section refreshes: $3.75 applied, $1.00 of the debit memo's $2.25 taken back.
  await expect(page.getByRole('row', { name: new RegExp(`^${dm.documentNumber} Debit Memo \\$1\\.25`) })).toBeVisible();
  const dmAfter = await apiGet<{ balance: number }>(request, token, `/v1/debit-memos/${dm.id}`);
  expect(cents(dmAfter.balance)).toBe(cents(dm.balance) - 125);

  // Refund part of the unapplied amount.
  await openAction(page, 'Refund This Credit Memo');
  const refund = page.getByRole('dialog', { name: 'Refund Credit Memo' });
  await refund.getByLabel(/Amount to Refund/).fill('2.00');
  await refund.getByLabel('Comment').fill('Partial refund by check');
  await page.screenshot({ path: test.info().outputPath('refund-dialog.png') });
  await refund.getByRole('button', { name: 'Refund' }).click();
  const confirmRefund = page.getByRole('dialog', { name: 'Confirm Refund' });
  await expect(confirmRefund).toContainText('Refund $2.00 of');
  await confirmRefund.getByRole('button', { name: 'Refund' }).click();
  await expect(confirmRefund).toBeHidden();
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: /^\$2\.00$/ })
      .first(),
  ).toBeVisible(); // Refund Amount
  const cmAfter = await apiGet<{ unappliedAmount: number; refundAmount: number }>(
    request,
    token,
    `/v1/credit-memos/${cm.id}`,
  );
  expect(cents(cmAfter.unappliedAmount)).toBe(cents(cm.unappliedAmount) - 375 + 100 - 200);
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: usd(cmAfter.unappliedAmount) })
      .first(),
  ).toBeVisible();
});

test('write off a credit memo and open the debit memo it created', async ({ page, request }) => {
  const token = await adminToken(request);
  const cm = await findPostedMemo(
    request,
    token,
    'CreditMemo',
    (m) => m.currency === 'USD' && Number(m.appliedAmount) === 0 && Number(m.unappliedAmount) > 0,
  );
  await signInAs(page, 'Billing Admin', `/credit-memos/${cm.id}`);
  await openAction(page, 'Write Off Credit Memo');
  const dialog = page.getByRole('dialog', { name: 'Write Off Credit Memo' });
  await dialog.getByLabel('Comment').fill('Stranded credit');
  await page.screenshot({ path: test.info().outputPath('write-off-credit-dialog.png') });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(new RegExp(`${cm.number} written off by debit memo DM`))).toBeVisible();
  await page.getByRole('link', { name: /^Open DM/ }).click();
  await expect(page).toHaveURL(/\/debit-memos\/[0-9a-f]{32}$/);
  await expect(page.getByRole('link', { name: cm.number }).first()).toBeVisible(); // applied by the credit memo
  await expect(
    page
      .getByRole('definition')
      .filter({ hasText: /^\$0\.00$/ })
      .first(),
  ).toBeVisible();
});

test('collect clears a debit memo: the result stays on screen, then the page shows the balance settled', async ({
  page,
  request,
}) => {
  const token = await adminToken(request);
  // A posted USD debit memo whose account holds enough unapplied credit to clear it.
  let target: { id: string; number: string; balance: number } | undefined;
  for (let p = 1; p <= 10 && !target; p++) {
    const body = await apiGet<{
      debitmemos: { id: string; number: string; accountId: string; currency: string; balance: number }[];
      nextPage?: string;
    }>(request, token, `/v1/debit-memos?status=Posted&openBalance=true&currency=USD&pageSize=40&page=${p}`);
    for (const dm of body.debitmemos) {
      const cms = await apiGet<{ creditmemos: { unappliedAmount: number; currency: string }[] }>(
        request,
        token,
        `/v1/credit-memos?accountId=${dm.accountId}&status=Posted&currency=USD&pageSize=40`,
      );
      const credit = cms.creditmemos.reduce((s, c) => s + cents(c.unappliedAmount), 0);
      if (dm.balance > 0 && credit >= cents(dm.balance)) {
        target = dm;
        break;
      }
    }
    if (!body.nextPage) break;
  }
  if (!target) throw new Error('no debit memo whose account has enough unapplied credit');
  await signInAs(page, 'Billing Admin', `/debit-memos/${target.id}`);
  await openAction(page, 'Collect');
  await page.getByRole('dialog', { name: 'Collect Debit Memo' }).getByRole('button', { name: 'Collect' }).click();
  const result = page.getByRole('dialog', { name: `Collected for ${target.number}` });
  await expect(result.getByRole('list', { name: 'Credit memos applied' }).getByRole('link').first()).toBeVisible();
  await result.getByRole('button', { name: 'Done' }).click();
  await expect(result).toBeHidden();
  await expect(page.getByText(`Collected ${usd(target.balance)} for ${target.number}.`)).toBeVisible();
  await expect(page).not.toHaveURL(/action=/);
  const after = await apiGet<{ balance: number }>(request, token, `/v1/debit-memos/${target.id}`);
  expect(after.balance).toBe(0);
});
