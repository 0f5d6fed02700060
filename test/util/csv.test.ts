import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { csvCell, toCsv } from '../../src/util/csv.js';
import { readAssignments } from '../../src/vectors/assignments.js';

describe('csvCell', () => {
  it('neutralises cells a spreadsheet would run as formulas', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+cmd')).toBe("'+cmd");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(csvCell('＠SUM(A1)')).toBe("'＠SUM(A1)");
  });
  it('an id that already starts with an apostrophe and a formula character reads back exactly', () => {
    expect(csvCell("'=x")).toBe("''=x");
    const dir = mkdtempSync(join(tmpdir(), 'csv-'));
    const ids = ["'=x", '=x', "''+y", 'plain', "'quoted", '-3.5', '＝z'];
    writeFileSync(join(dir, 'assignments.csv'), toCsv(['id', 'segment'], ids.map((id) => [id, 1])));
    expect(readAssignments(dir).ids).toEqual(ids);
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
