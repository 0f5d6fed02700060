/**
 * CSV *writing* (reading is DuckDB's job). Cells that a spreadsheet would run as a formula
 * (starting with = + - @, tab or carriage return) are neutralised with a leading apostrophe,
 * as OWASP recommends for CSV injection; plain numbers such as -3.5 are left alone.
 */
// Full-width ＝＋－＠ too: Japanese-locale spreadsheets turn them into the ASCII operators.
export const FORMULA_START = /^[=+\-@\t\r＝＋－＠]/;
/** A cell that already starts with apostrophes before a formula character gets one more, so reading it back (one off) is exact. */
const QUOTED_FORMULA_START = /^'+[=+\-@\t\r＝＋－＠]/;
const PLAIN_NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = String(value);
  if ((FORMULA_START.test(s) && !PLAIN_NUMBER.test(s)) || QUOTED_FORMULA_START.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(cells: (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

export function toCsv(header: string[], rows: Iterable<(string | number | boolean | null | undefined)[]>): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return lines.join('\n') + '\n';
}
