import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { adminToken, apiGet } from './support/sandbox-api.ts';
import { signInAs } from './support/sign-in.ts';

// Walkthroughs on the memo detail page: the lifecycle of a debit memo (post, email, PDF,
// unpost), cancel and delete of a credit memo, what the Viewer and the Clerk may not do (and why),
// keyboard-only use, axe on the page, and the upload dialog.

test.describe.configure({ timeout: 180_000 });

type Row = { id: string; number: string; amount: number; currency: string; status: string } & Record<string, unknown>;

async function memoWith(
  request: APIRequestContext,
  kind: 'CreditMemo' | 'DebitMemo',
  status: string,
  pick: (m: Row) => boolean = () => true,
  exclude: string[] = [],
): Promise<Row> {
  const token = await adminToken(request);
  const [path, key] = kind === 'CreditMemo' ? ['/v1/credit-memos', 'creditmemos'] : ['/v1/debit-memos', 'debitmemos'];
  for (let page = 1; page <= 20; page++) {
    const body = await apiGet<Record<string, unknown>>(
      request,
      token,
      `${path}?status=${status}&pageSize=40&page=${page}`,
    );
    const hit = (body[key] as Row[]).find((m) => pick(m) && !exclude.includes(m.id));
    if (hit) return hit;
    if (!body.nextPage) break;
  }
  throw new Error(`no ${status} ${kind} matches`);
}

async function expectNoAxeViolations(page: Page) {
  const r = await new AxeBuilder({ page }).analyze();
  expect(r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const snackbar = (page: Page) => page.getByRole('alert').filter({ hasText: /.+/ }).last();
const moreActions = (page: Page) => page.getByRole('button', { name: 'More actions' });
const usedIds: string[] = [];

test('post a Draft debit memo, email it, view its PDF, then unpost it', async ({ page, request }) => {
  const dm = await memoWith(request, 'DebitMemo', 'Draft', (m) => m.currency === 'USD', usedIds);
  usedIds.push(dm.id);
  await signInAs(page, 'Billing Admin', `/debit-memos/${dm.id}`);
  await expect(page.getByRole('heading', { level: 1, name: `Debit Memo ${dm.number}` })).toBeVisible();
  await expect(page.getByRole('table', { name: `Items of ${dm.number}` })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Post', exact: true }).click();
  const post = page.getByRole('dialog', { name: 'Post Debit Memo' });
  await expect(post).toContainText(dm.number);
  await expect(page).toHaveURL(/\?action=post$/);
  await post.getByRole('button', { name: 'Post' }).click();
  await expect(snackbar(page)).toContainText(`Posted debit memo ${dm.number}`);
  await expect(page).not.toHaveURL(/action=/);
  await expect(page.getByText('Posted', { exact: true }).first()).toBeVisible();

  await page.getByRole('button', { name: 'Email Debit Memo' }).click();
  const email = page.getByRole('dialog', { name: 'Email Debit Memo' });
  await expect(email.getByLabel('Debit Memo Email Address')).not.toHaveValue('');
  await expect(email).toContainText('It has no PDF yet: Send generates one first and attaches it.');
  await email.getByLabel('Debit Memo Email Address').fill('ap@example.com');
  await email.getByRole('button', { name: 'Send' }).click();
  await expect(snackbar(page)).toContainText('Emailed debit memo');
  const history = page.getByRole('region', { name: 'History' });
  await expect(history.getByText('Emailed')).toBeVisible();
  await expect(history.getByText('to ap@example.com')).toBeVisible();

  // The email generated version 1 and sent it; View PDF opens it; Regenerate PDF makes version 2.
  await expect(history.getByText('PDF generated')).toBeVisible();
  await expect(page.getByRole('region', { name: 'Files' }).getByText('Version 1')).toBeVisible();
  const popup = page.waitForEvent('popup');
  await page.getByRole('button', { name: 'View PDF' }).click();
  const tab = await popup;
  await expect.poll(() => tab.url()).toMatch(/^blob:/);
  await tab.close();
  await expect(page.getByRole('region', { name: 'Files' }).getByText('Version 1')).toBeVisible();
  await moreActions(page).click();
  await page.getByRole('menuitem', { name: 'Regenerate PDF' }).click();
  await page.getByRole('dialog', { name: 'Regenerate PDF' }).getByRole('button', { name: 'Regenerate' }).click();
  await expect(page.getByRole('region', { name: 'Files' }).getByText('Version 2')).toBeVisible();

  await moreActions(page).click();
  await page.getByRole('menuitem', { name: 'Cancel Post' }).click();
  await page.getByRole('dialog', { name: 'Cancel Post' }).getByRole('button', { name: 'Unpost' }).click();
  await expect(snackbar(page)).toContainText(`Unposted debit memo ${dm.number}`);
  await expect(page.getByRole('button', { name: 'Post', exact: true })).toBeEnabled();
  await expect(history.getByText('Unposted (returned to Draft)')).toBeVisible();
});

test('cancel and delete a Draft credit memo', async ({ page, request }) => {
  const cm = await memoWith(request, 'CreditMemo', 'Draft', () => true, usedIds);
  usedIds.push(cm.id);
  await signInAs(page, 'Billing Admin', `/credit-memos/${cm.id}`);
  await page.getByRole('button', { name: 'Cancel', exact: true }).click();
  await page.getByRole('dialog', { name: 'Cancel Credit Memo' }).getByRole('button', { name: 'Cancel memo' }).click();
  await expect(snackbar(page)).toContainText(`Canceled credit memo ${cm.number}`);

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const del = page.getByRole('dialog', { name: 'Delete Credit Memo' });
  await expect(del).toContainText(`Delete credit memo ${cm.number} for`);
  await expect(del).toContainText('This cannot be undone.');
  await del.getByRole('button', { name: 'Delete' }).click();
  await expect(page).toHaveURL(/\/credit-memos$/);
  await expect(page.getByRole('alert').filter({ hasText: `Deleted credit memo ${cm.number}` })).toBeVisible();
  await page.goto(`/credit-memos/${cm.id}`);
  await expect(page.getByText(`There is no credit memo ${cm.id}`)).toBeVisible();
});

test('the Viewer sees every action disabled with its reason', async ({ page, request }) => {
  const cm = await memoWith(request, 'CreditMemo', 'Posted', (m) => Number(m.unappliedAmount) > 0);
  await signInAs(page, 'Viewer', `/credit-memos/${cm.id}`);
  await expect(page.getByRole('button', { name: 'Email Credit Memo' })).toBeDisabled();
  await expect(page.getByText('Email Credit Memo: Requires the “Email memos” permission')).toBeVisible();
  await expect(
    page.getByRole('region', { name: 'Basic Information' }).getByRole('button', { name: 'Edit' }),
  ).toBeDisabled();
  await expect(page.getByText('Requires the “Edit memos” permission')).toBeVisible();
  await moreActions(page).click();
  const reasons: Record<string, string> = {
    'Cancel Post': 'Requires the “Unpost memos” permission',
    Apply: 'Requires the “Apply Credit Memo” permission',
    'Unapply This Credit Memo': 'Requires the “Unapply Credit Memo” permission',
    'Refund This Credit Memo': 'Requires the “Refund Credit Memo” permission',
    'Write Off Credit Memo': 'Requires the “Write Off Credit Memo” permission',
    'Reverse Credit Memo': 'Requires the “Reverse Credit Memo” permission',
    'Regenerate PDF': 'Requires the “Regenerate PDF” permission',
    Post: 'Requires the “Post memos” permission',
    Cancel: 'Requires the “Cancel memos” permission',
    Delete: 'Requires the “Delete memos” permission',
  };
  for (const [label, reason] of Object.entries(reasons)) {
    const item = page.getByRole('menuitem', { name: label, exact: true });
    await expect(item).toBeDisabled();
    await expect(item).toContainText(reason);
  }
  await expectNoAxeViolations(page);
  await page.keyboard.press('Escape');
  await page.goto(`/credit-memos/${cm.id}?action=refund`);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('the Clerk sees both write-offs disabled, with the reason', async ({ page, request }) => {
  const dm = await memoWith(request, 'DebitMemo', 'Posted', (m) => Number(m.balance) > 0);
  await signInAs(page, 'Billing Clerk', `/debit-memos/${dm.id}`);
  await moreActions(page).click();
  const writeOff = page.getByRole('menuitem', { name: 'Write Off Debit Memo' });
  await expect(writeOff).toBeDisabled();
  await expect(writeOff).toContainText('Requires the enhanced write-off permission');
  await expect(page.getByRole('menuitem', { name: 'Collect' })).toBeEnabled();
  await page.keyboard.press('Escape');

  const cm = await memoWith(
    request,
    'CreditMemo',
    'Posted',
    (m) => Number(m.unappliedAmount) > 0 && Number(m.appliedAmount) === 0,
  );
  await page.goto(`/credit-memos/${cm.id}`);
  await moreActions(page).click();
  const cmWriteOff = page.getByRole('menuitem', { name: 'Write Off Credit Memo' });
  await expect(cmWriteOff).toBeDisabled();
  await expect(cmWriteOff).toContainText('Requires the “Write Off Credit Memo” permission');
});

test('keyboard only: open the menu, read a reason, edit basic information, escape a dialog', async ({
  page,
  request,
}) => {
  const dm = await memoWith(request, 'DebitMemo', 'Draft', (m) => m.currency === 'USD', usedIds);
  usedIds.push(dm.id);
  await signInAs(page, 'Billing Admin', `/debit-memos/${dm.id}`);
  await expect(page.getByRole('table', { name: `Items of ${dm.number}` })).toBeVisible();

  await moreActions(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  // Disabled items stay focusable, so their reason is read out too.
  await expect(page.getByRole('menuitem', { name: 'Cancel Post' })).toBeFocused();
  await expect(page.getByRole('menuitem', { name: 'Cancel Post' })).toHaveAccessibleDescription(
    'Cannot unpost: the memo is Draft',
  );
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Write Off Debit Memo' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(moreActions(page)).toBeFocused();

  const edit = page.getByRole('region', { name: 'Basic Information' }).getByRole('button', { name: 'Edit' });
  await edit.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Edit Basic Information' });
  const comments = dialog.getByLabel('Comments');
  await comments.focus();
  await page.keyboard.type('Typed with the keyboard');
  await page.keyboard.press('Tab'); // Transferred to Accounting
  await page.keyboard.press('Tab'); // Auto-Pay
  await page.keyboard.press('Tab'); // Cancel
  await page.keyboard.press('Tab'); // Save
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(snackbar(page)).toContainText(`Saved debit memo ${dm.number}`);
  await expect(
    page.getByRole('region', { name: 'Basic Information' }).getByText('Typed with the keyboard'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Cancel', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Cancel Debit Memo' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByText('Draft', { exact: true }).first()).toBeVisible();
});

// axe in every lifecycle dialog is the accessibility gate's (e2e/a11y.spec.ts, "every memo dialog").
test('the upload dialog refuses a non-PDF in the browser, then uploads a PDF to a Draft debit memo', async ({
  page,
  request,
}) => {
  const draft = await memoWith(request, 'DebitMemo', 'Draft', (m) => m.currency === 'USD', usedIds);
  usedIds.push(draft.id);
  await signInAs(page, 'Billing Admin', `/debit-memos/${draft.id}?action=uploadFile`);
  const upload = page.getByRole('dialog', { name: 'Upload File' });
  await upload
    .getByLabel('PDF file')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(upload.getByText('notes.txt is not a PDF: only PDF files can be uploaded')).toBeVisible();
  await upload
    .getByLabel('PDF file')
    .setInputFiles({ name: 'signed.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
  await upload.getByRole('button', { name: 'Upload' }).click();
  await expect(snackbar(page)).toContainText(`Uploaded signed.pdf to debit memo ${draft.number}`);
  await expect(page.getByRole('region', { name: 'Files' }).getByText('Uploaded: signed.pdf')).toBeVisible();
});
