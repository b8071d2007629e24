import { describe, expect, it } from 'vitest';
import { csvCell, parseCsv } from './parse-csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, escaped quotes and line breaks', () => {
    const { records, error } = parseCsv('a,b,c\n"x, y","say ""hi""","two\nlines"\n');
    expect(error).toBeUndefined();
    expect(records).toEqual([
      { line: 1, fields: ['a', 'b', 'c'] },
      { line: 2, fields: ['x, y', 'say "hi"', 'two\nlines'] },
    ]);
  });

  it('strips a UTF-8 BOM so the first header is not "\\uFEFFmemoRef"', () => {
    const { records } = parseCsv('\uFEFFmemoRef,amount\r\nM-1,10\r\n');
    expect(records[0].fields[0]).toBe('memoRef');
    expect(records[1].fields).toEqual(['M-1', '10']);
  });

  it('handles CRLF, LF and lone CR line ends, and keeps line numbers', () => {
    const { records } = parseCsv('h1,h2\r\na,b\nc,d\re,f');
    expect(records.map((r) => [r.line, ...r.fields])).toEqual([
      [1, 'h1', 'h2'],
      [2, 'a', 'b'],
      [3, 'c', 'd'],
      [4, 'e', 'f'],
    ]);
  });

  it('skips empty lines and lines with only separators, counting them for line numbers', () => {
    const { records } = parseCsv('h1,h2\n\n , \na,b\n\n');
    expect(records).toEqual([
      { line: 1, fields: ['h1', 'h2'] },
      { line: 4, fields: ['a', 'b'] },
    ]);
  });

  it('counts line breaks inside quotes so the next record has its true line number', () => {
    const { records } = parseCsv('h\r\n"a\r\nb"\r\nc\r\n');
    expect(records.map((r) => r.line)).toEqual([1, 2, 4]);
    expect(records[1].fields[0]).toBe('a\nb');
  });

  it('keeps empty trailing cells', () => {
    expect(parseCsv('a,b,\n').records[0].fields).toEqual(['a', 'b', '']);
  });

  it('reports an unterminated quote with its line', () => {
    const r = parseCsv('h\nok\n"never closed\nmore');
    expect(r.error).toBe('Line 3: a quoted field is not closed.');
  });

  it('quotes cells for writing only when needed', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(parseCsv(`${csvCell('x\ny')},z`).records[0].fields).toEqual(['x\ny', 'z']);
  });
});
