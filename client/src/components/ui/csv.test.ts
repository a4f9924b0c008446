import { describe, expect, it } from 'vitest';
import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends', () => {
    expect(toCsv(['Name', 'Deals'], [['Ada', 3], ['Bob', 0]])).toBe('Name,Deals\r\nAda,3\r\nBob,0');
  });

  it('quotes fields holding commas, quotes or line breaks, doubling the quotes', () => {
    expect(toCsv(['Note'], [['Acme, Inc.'], ['He said "hi"'], ['two\nlines'], ['cr\rhere']])).toBe(
      'Note\r\n"Acme, Inc."\r\n"He said ""hi"""\r\n"two\nlines"\r\n"cr\rhere"',
    );
  });

  it('writes empty fields for null and undefined, and true/false for booleans', () => {
    expect(toCsv(['a', 'b', 'c', 'd'], [[null, undefined, true, false]])).toBe('a,b,c,d\r\n,,true,false');
  });

  it('writes numbers as they are, negatives and decimals included, and leaves non-finite ones empty', () => {
    expect(toCsv(['n'], [[-12.5], [0.1], [Number.NaN], [Number.POSITIVE_INFINITY]])).toBe('n\r\n-12.5\r\n0.1\r\n\r\n');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(toCsv(['x'], [['=SUM(A1:A9)'], ['+1'], ['-2'], ['@cmd'], ['\tx'], ['a=b']])).toBe(
      "x\r\n'=SUM(A1:A9)\r\n'+1\r\n'-2\r\n'@cmd\r\n'\tx\r\na=b",
    );
  });

  it('quotes a defused formula that also holds a comma', () => {
    expect(toCsv(['x'], [['=HYPERLINK("http://x", "y")']])).toBe('x\r\n"\'=HYPERLINK(""http://x"", ""y"")"');
  });

  it('keeps text in any script as it is', () => {
    expect(toCsv(['Name'], [['Zażółć Łódź'], ['東京']])).toBe('Name\r\nZażółć Łódź\r\n東京');
  });

  it('writes just the header when there are no rows', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b');
  });
});
