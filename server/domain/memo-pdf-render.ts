import PDFDocument from 'pdfkit';
import { formatMoney, money } from '../../src/lib/money.ts';

// Lays out a memo as a PDF with pdfkit's standard (WinAnsi) fonts. Everything user-typed goes through
// pdfText(): pdfkit never interprets markup, so "<script>" or "'; drop table" print as the characters
// they are; characters the standard fonts cannot draw become "?" rather than garbage glyphs.

export interface MemoPdfData {
  kind: 'CreditMemo' | 'DebitMemo';
  number: string;
  status: string;
  memoDate: string;
  dueDate: string | null;
  postedOn: string | null;
  createdDate: string;
  currency: string;
  amount: string;
  taxAmount: string;
  appliedAmount: string;
  refundAmount: string;
  balance: string;
  reasonCode: string | null;
  comment: string | null;
  account: { name: string; accountNumber: string };
  billTo: { name: string; email: string | null; lines: string[] } | null;
  items: { skuName: string; sku: string | null; servicePeriod: string; amount: string; description: string | null }[];
  taxes: { name: string; rate: string; jurisdiction: string | null; taxAmount: string }[];
}

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

/** Text the standard PDF fonts can draw: control characters become spaces, unsupported ones "?". */
export function pdfText(value: string | null | undefined): string {
  if (!value) return '';
  let out = '';
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += ' ';
    else if (code <= 0xff || WIN_ANSI_EXTRA.has(ch)) out += ch;
    else out += '?';
  }
  return out;
}

const MARGIN = 50;
const COLS = { item: 250, period: 150 };

export function renderMemoPdf(data: MemoPdfData, opts: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    compress: opts.compress ?? true,
    info: {
      Title: `${kindLabel(data.kind)} ${data.number}`,
      Producer: 'credit-debit-memos sandbox',
      Creator: 'credit-debit-memos sandbox',
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const m = (v: string) => pdfText(formatMoney(v, data.currency, 'en-US'));
  const width = doc.page.width - MARGIN * 2;
  const amountWidth = width - COLS.item - COLS.period;

  header(doc, data);
  parties(doc, data);

  section(doc, 'Items');
  row(doc, ['Item', 'Service period', 'Amount'], [COLS.item, COLS.period, amountWidth], true);
  for (const item of data.items) {
    const name = item.sku ? `${item.skuName} (${item.sku})` : item.skuName;
    const label = item.description ? `${name}\n${item.description}` : name;
    row(doc, [pdfText(label), pdfText(item.servicePeriod), m(item.amount)], [COLS.item, COLS.period, amountWidth]);
  }
  if (data.items.length === 0) row(doc, ['No items', '', ''], [COLS.item, COLS.period, amountWidth]);

  if (data.taxes.length > 0) {
    section(doc, 'Taxation items');
    row(doc, ['Tax', 'Rate', 'Amount'], [COLS.item, COLS.period, amountWidth], true);
    for (const t of data.taxes) {
      const label = t.jurisdiction ? `${t.name} (${t.jurisdiction})` : t.name;
      row(doc, [pdfText(label), pdfText(t.rate), m(t.taxAmount)], [COLS.item, COLS.period, amountWidth]);
    }
  }

  section(doc, 'Totals');
  const totals: [string, string][] = [
    ['Amount without tax', m(money(data.amount).minus(money(data.taxAmount)).toString())],
    ['Tax', m(data.taxAmount)],
    ['Total', m(data.amount)],
  ];
  if (data.kind === 'DebitMemo') totals.push(['Applied', m(data.appliedAmount)], ['Balance', m(data.balance)]);
  else
    totals.push(['Applied', m(data.appliedAmount)], ['Refunded', m(data.refundAmount)], ['Unapplied', m(data.balance)]);
  for (const [label, value] of totals)
    row(doc, ['', label, value], [COLS.item, COLS.period, amountWidth], label === 'Total');

  if (data.reasonCode || data.comment) {
    section(doc, 'Notes');
    if (data.reasonCode)
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Reason: ${pdfText(data.reasonCode)}`, MARGIN, doc.y, { width });
    if (data.comment)
      doc
        .font('Helvetica')
        .fontSize(10)
        .text(`Comment: ${pdfText(data.comment)}`, MARGIN, doc.y, { width });
  }
  doc.end();
  return done;
}

const kindLabel = (kind: MemoPdfData['kind']) => (kind === 'CreditMemo' ? 'Credit Memo' : 'Debit Memo');

function header(doc: PDFKit.PDFDocument, d: MemoPdfData) {
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .text(`${kindLabel(d.kind)} ${pdfText(d.number)}`, MARGIN, MARGIN);
  doc.font('Helvetica').fontSize(10).moveDown(0.3);
  const line = (facts: (string | null)[]) => doc.text(facts.filter((x): x is string => x !== null).join('    '));
  line([
    `Status: ${pdfText(d.status)}`,
    `${kindLabel(d.kind)} date: ${d.memoDate}`,
    d.dueDate ? `Due date: ${d.dueDate}` : null,
    `Currency: ${pdfText(d.currency)}`,
  ]);
  line([`Created: ${d.createdDate}`, d.postedOn ? `Posted on: ${d.postedOn}` : null]);
}

function parties(doc: PDFKit.PDFDocument, d: MemoPdfData) {
  const top = doc.y + 12;
  doc.font('Helvetica-Bold').fontSize(11).text('Account', MARGIN, top);
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(pdfText(d.account.name))
    .text(`Account number: ${pdfText(d.account.accountNumber)}`);
  const leftBottom = doc.y;
  doc
    .font('Helvetica-Bold')
    .fontSize(11)
    .text('Bill to', MARGIN + 270, top);
  doc.font('Helvetica').fontSize(10);
  if (!d.billTo) doc.text('No bill-to contact', MARGIN + 270);
  else
    for (const line of [d.billTo.name, ...d.billTo.lines, d.billTo.email ?? ''])
      if (line) doc.text(pdfText(line), MARGIN + 270);
  doc.x = MARGIN;
  doc.y = Math.max(leftBottom, doc.y);
}

function section(doc: PDFKit.PDFDocument, title: string) {
  ensureRoom(doc, 40);
  doc.moveDown(1);
  doc.font('Helvetica-Bold').fontSize(12).text(title, MARGIN, doc.y);
  doc.moveDown(0.2);
}

/** One table row; the last column is right-aligned (amounts). Starts a new page when it would not fit. */
function row(doc: PDFKit.PDFDocument, cells: string[], widths: number[], bold = false) {
  doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(10);
  const height = Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i] - 6 })));
  ensureRoom(doc, height + 4);
  const y = doc.y;
  let x = MARGIN;
  cells.forEach((cell, i) => {
    doc.text(cell, x, y, { width: widths[i] - 6, align: i === cells.length - 1 ? 'right' : 'left' });
    x += widths[i];
  });
  doc.x = MARGIN;
  doc.y = y + height + 4;
}

function ensureRoom(doc: PDFKit.PDFDocument, needed: number) {
  if (doc.y + needed > doc.page.height - MARGIN) {
    doc.addPage();
    doc.y = MARGIN;
  }
}
