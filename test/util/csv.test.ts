import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../src/util/csv.js';

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });
  it('leaves plain numbers and ordinary text alone', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell('-12')).toBe('-12');
    expect(csvCell('c-42')).toBe('c-42');
  });
  it('quotes commas, quotes and newlines', () => {
    expect(toCsv(['id', 'segment'], [['a,b', 1], ['x"y', 2]])).toBe('id,segment\n"a,b",1\n"x""y",2\n');
  });
});
