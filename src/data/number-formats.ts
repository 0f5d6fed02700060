/**
 * Numbers as spreadsheets and shop systems export them: thousands separators, currency
 * symbols, percent signs, and decimal commas (`352,88`, `1.234,56`). A column is read one way
 * throughout (decided from its sample in infer-schema.ts), by SQL that DuckDB runs: the value
 * must match the whole pattern (so a stray `1.5` in a decimal-comma column is a bad cell, not
 * silently 15), then the separators and symbols are removed and the rest is cast.
 */

/** No-break and narrow no-break spaces, French and Swiss thousands separators (literal: JS and RE2 both read them). */
const NBSP = '\u00a0\u202f';
// Symbols and ISO codes seen in exports; both sides of the number, with or without a space.
const CURRENCY = String.raw`(?:[€$£¥₹]|EUR|USD|GBP|CHF|SEK|NOK|DKK|PLN|kr\.?)`;

/** 1,234,567.89 · $12.50 · 12.5% · -€3 (point decimal, comma or apostrophe thousands). */
const US = String.raw`[+-]?\s*${CURRENCY}?\s*[+-]?(?:\d{1,3}(?:[,']\d{3})+|\d+)(?:\.\d+)?\s*${CURRENCY}?\s*%?`;
/** 1.234.567,89 · 352,88 € · 12,5 % · 1 234,50 (comma decimal; point, space or apostrophe thousands). */
const EU = String.raw`[+-]?\s*${CURRENCY}?\s*[+-]?(?:\d{1,3}(?:[. ${NBSP}']\d{3})+|\d+)(?:,\d+)?\s*${CURRENCY}?\s*%?`;

export const NUMBER_US_RE = new RegExp(`^\\s*${US}\\s*$`);
export const NUMBER_EU_RE = new RegExp(`^\\s*${EU}\\s*$`);
export const CURRENCY_RE = new RegExp(CURRENCY);

function sqlRegex(re: string): string {
  return `'${re.replace(/'/g, "''")}'`;
}

/** A DOUBLE (NULL when the cell does not read) from a text cell written as `format`. */
export function numberFormatSql(q: string, format: 'number_us' | 'number_eu'): string {
  const t = `trim(${q})`;
  const pattern = format === 'number_eu' ? EU : US;
  // Removed: currency, spaces, % and the thousands separator; then the decimal comma becomes a point.
  const stripped =
    format === 'number_eu'
      ? `replace(regexp_replace(${t}, ${sqlRegex(`${CURRENCY}|[\\s${NBSP}%.']`)}, '', 'g'), ',', '.')`
      : `regexp_replace(${t}, ${sqlRegex(`${CURRENCY}|[\\s%,']`)}, '', 'g')`;
  const value = `TRY_CAST(${stripped} AS DOUBLE)`;
  return `CASE WHEN regexp_full_match(${t}, ${sqlRegex(pattern)}) THEN (CASE WHEN contains(${t}, '%') THEN ${value} / 100 ELSE ${value} END) END`;
}
