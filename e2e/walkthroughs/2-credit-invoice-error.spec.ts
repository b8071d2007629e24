import { expect as baseExpect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, apiGet } from '../support/sandbox-api.ts';
import { step } from '../support/step.ts';
import { MODES, signIn, titled } from '../support/walkthrough.ts';

// Walkthrough 2: a customer was overcharged on one invoice line. Create a credit memo from that
// invoice for the overcharge only, post it and apply it to the invoice.
test.describe.configure({ timeout: 120_000 });
const expect = baseExpect.configure({ timeout: 15_000 });
const used: string[] = [];

interface Invoice {
  id: string;
  number: string;
  balance: number;
  accountName: string;
  accountNumber: string;
}

/** A Posted USD invoice with something left to pay, of a customer other specs do not use (not Acme). */
async function openInvoice(request: APIRequestContext): Promise<Invoice> {
  const token = await adminToken(request);
  const { accounts } = await apiGet<{
    accounts: { id: string; name: string; accountNumber: string; currency: string }[];
  }>(request, token, '/v1/accounts?pageSize=40');
  for (const a of accounts.filter((x) => x.currency === 'USD' && !x.name.startsWith('Acme'))) {
    const { documents } = await apiGet<{
      documents: { id: string; documentNumber: string; documentType: string; balance: number }[];
    }>(request, token, `/v1/billing-documents?accountId=${a.id}&status=Posted&pageSize=40`);
    const inv = documents.find((d) => d.documentType === 'Invoice' && d.balance >= 50 && !used.includes(d.id));
    if (inv)
      return {
        id: inv.id,
        number: inv.documentNumber,
        balance: inv.balance,
        accountName: a.name,
        accountNumber: a.accountNumber,
      };
  }
  throw new Error('no open USD invoice');
}

for (const mode of MODES) {
  test(titled('Credit a customer for an invoice error and apply the credit', mode), async ({ page, request }) => {
    const inv = await openInvoice(request);
    used.push(inv.id);
    const d = await signIn(page, mode, 'Billing Admin', '/credit-memos');

    await step(page, 'Create Credit Memo → From Invoice', async () => {
      await d.menu(
        page.getByRole('button', { name: 'Create Credit Memo' }),
        page.getByRole('menuitem', { name: 'From Invoice' }),
      );
      await expect(page).toHaveURL(/\/credit-memos\/new\/from-invoice$/);
    });

    await step(page, `Choose the customer, ${inv.accountName}`, async () => {
      await d.autocomplete(
        page.getByRole('combobox', { name: 'Account' }),
        inv.accountName,
        page.getByRole('option', { name: new RegExp(inv.accountName) }),
      );
      // The account is picked, not only typed: the field shows the suggestion's label.
      await expect(page.getByRole('combobox', { name: 'Account' })).toHaveValue(
        `${inv.accountName} (${inv.accountNumber})`,
      );
    });

    const items = page.getByRole('table', { name: 'Invoice items' });
    await step(page, `Pick the invoice with the error, ${inv.number}: its items are listed to credit`, async () => {
      await d.select(
        page.getByRole('combobox', { name: 'Invoice' }),
        page.getByRole('option', { name: new RegExp(inv.number) }),
      );
      await expect(items).toBeVisible();
    });

    await step(page, 'Credit only the wrong line, for the $10.00 overcharged (its tax follows)', async () => {
      await d.toggle(items.getByRole('checkbox', { name: 'Select all invoice items' }));
      await d.toggle(items.getByRole('checkbox', { name: /^Include line 1:/ }));
      await d.fill(items.getByRole('textbox', { name: /^Credit Amount, line 1:/ }), '10.00');
      await expect(page.getByRole('status', { name: 'Totals' })).toContainText('$10.00');
    });

    await step(page, 'Save: the credit memo is created as a Draft, for Correcting Invoice Error', async () => {
      await d.press(page.getByRole('button', { name: 'Save' }));
      await expect(page).toHaveURL(/\/credit-memos\/[0-9a-f]{32}$/);
      await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
      await expect(page.getByText('Correcting Invoice Error')).toBeVisible();
    });
    const cmId = page.url().split('/').pop()!;
    const token = await adminToken(request);
    const cm = await apiGet<{ number: string; amount: number }>(request, token, `/v1/credit-memos/${cmId}`);
    const amount = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(cm.amount);

    await step(page, `Post credit memo ${cm.number}`, async () => {
      await d.press(page.getByRole('button', { name: 'Post', exact: true }));
      await d.press(page.getByRole('dialog', { name: 'Post Credit Memo' }).getByRole('button', { name: 'Post' }));
      await expect(page.getByRole('alert').filter({ hasText: `Posted credit memo ${cm.number}` })).toBeVisible();
    });

    const apply = page.getByRole('dialog', { name: 'Apply Credit Memo' });
    await step(page, `More actions → Apply: the customer's open invoice ${inv.number} is offered`, async () => {
      await d.menu(page.getByRole('button', { name: 'More actions' }), page.getByRole('menuitem', { name: /^Apply/ }));
      await expect(apply.getByRole('textbox', { name: `Amount to apply to ${inv.number}` })).toBeVisible();
    });

    await step(page, `Apply the whole credit, ${amount}, to ${inv.number}`, async () => {
      await d.fill(apply.getByRole('textbox', { name: `Amount to apply to ${inv.number}` }), String(cm.amount));
      await d.press(apply.getByRole('button', { name: 'Apply' }));
      await expect(apply).toBeHidden();
      await expect(page.getByText(`Applied ${amount} of ${cm.number} to 1 document.`)).toBeVisible();
      await expect(page.getByRole('table', { name: 'Documents this credit memo is applied to' })).toContainText(
        inv.number,
      );
    });

    const after = await apiGet<{ balance: number }>(request, token, `/v1/invoices/${inv.id}`);
    expect(Math.round(after.balance * 100)).toBe(Math.round(inv.balance * 100) - Math.round(cm.amount * 100));
  });
}
