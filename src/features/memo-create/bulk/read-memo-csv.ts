import type { MemoKind } from '../../../lib/memo-kind.ts';
import { columnsFor } from './csv-columns.ts';
import { parseCsv } from './parse-csv.ts';

// Step 1 of a bulk upload: text → header check → rows keyed by column name. A file whose header is
// wrong is refused as a whole (every row would be misread), with the columns it should have.

export interface CsvRow {
  line: number;
  cells: Record<string, string>;
}

export interface ReadResult {
  fileErrors: string[];
  rows: CsvRow[];
}

export function readMemoCsv(text: string, kind: MemoKind): ReadResult {
  const parsed = parseCsv(text);
  if (parsed.error) return { fileErrors: [parsed.error], rows: [] };
  const [header, ...body] = parsed.records;
  if (!header) return { fileErrors: ['The file is empty.'], rows: [] };

  const known = new Map(columnsFor(kind).map((c) => [c.name.toLowerCase(), c.name]));
  const names = header.fields.map((f) => f.trim());
  const errors: string[] = [];
  const unknown = names.filter((n) => n !== '' && !known.has(n.toLowerCase()));
  if (unknown.length) {
    errors.push(
      `Unknown column${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}. The columns are: ${[...known.values()].join(', ')}.`,
    );
  }
  const canonical = names.map((n) => known.get(n.toLowerCase()) ?? '');
  const dupes = canonical.filter((n, i) => n && canonical.indexOf(n) !== i);
  if (dupes.length) errors.push(`Column${dupes.length > 1 ? 's' : ''} given twice: ${[...new Set(dupes)].join(', ')}.`);
  for (const col of columnsFor(kind).filter((c) => c.required)) {
    if (!canonical.includes(col.name)) errors.push(`Missing column: ${col.name}.`);
  }
  if (!canonical.includes('productRatePlanChargeId') && !canonical.includes('chargeNumber')) {
    errors.push('Missing column: productRatePlanChargeId or chargeNumber.');
  }
  if (errors.length) return { fileErrors: errors, rows: [] };
  if (body.length === 0) return { fileErrors: ['The file has a header but no rows.'], rows: [] };

  const rows = body.map((record) => {
    const cells: Record<string, string> = {};
    canonical.forEach((name, i) => {
      if (name) cells[name] = (record.fields[i] ?? '').trim();
    });
    if (record.fields.length > names.length && record.fields.slice(names.length).some((f) => f.trim() !== '')) {
      cells.__extra = 'true';
    }
    return { line: record.line, cells };
  });
  return { fileErrors: [], rows };
}
