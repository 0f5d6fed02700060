/**
 * The evals' own reading of the numbers a text cites (issue 14: a grounding check that parses
 * numbers with the writer's parser only checks that the writer and its parser agree). Written
 * apart from src/write/: it reads the forms a marketer (or an LLM) may write, not the forms
 * the offline writer happens to use —
 *   "1,623" · "1 623" (thousands) · "1.234,50" · "12,5 %" (European decimals) · "38%" · "6 days" ·
 *   "€1.2k" · "$3.4m" · "2.1×" · "2.1x" · "2.1倍" · "平均消费412.50元" (Arabic digits in Chinese).
 * A number glued to a Latin letter or an underscore is part of a word ("orders_12m", "v2",
 * "3rd"), not a citation. Chinese numerals (三成) are not read: a text citing only those cites
 * nothing this parser sees.
 */
export type NumberKind = 'plain' | 'percent' | 'ratio';

export interface Cited {
  /** As written, for the scorecard. */
  raw: string;
  value: number;
  /** Half a unit of the last digit written: "412.50" ±0.005, "34%" ±0.5, "1,200" ±50, "1.2k" ±50. */
  slack: number;
  kind: NumberKind;
}

// Letters that glue to a number and make it part of a word. Han, kana and Hangul do not:
// Chinese writes numbers between characters.
const GLUE = '\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}_';
const BODY = [
  '\\d{1,3}(?:\\.\\d{3})+,\\d+', // 1.234,50 (European, thousands and decimals)
  '\\d{1,3}(?:\\.\\d{3}){2,}', // 1.234.567 (European thousands)
  '\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?', // 1,623 · 1,623.40
  '\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d.,]\\d)', // 1 623 (spaced thousands)
  '\\d+,\\d{1,2}(?!\\d)', // 12,5 (European decimal comma; three digits after a comma are thousands)
  '\\d+(?:\\.\\d+)?', // 412.50 · 38
].join('|');
const NUMBER = new RegExp(
  `(?<![${GLUE}\\p{N}.,])([-−–]?)([€$£¥￥])?\\s?(${BODY})\\s?(%|％|[×x](?![\\p{L}\\p{N}])|倍|[kK](?![\\p{L}\\p{N}])|[mM](?![\\p{L}\\p{N}])|万|亿)?(?![${GLUE}\\p{N}])`,
  'gu',
);

export function citedNumbers(text: string): Cited[] {
  const out: Cited[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [raw, sign, , body, suffix = ''] = m;
    const { value, decimals, wholeDigits } = parseBody(body);
    let slack = decimals > 0 ? 0.5 * 10 ** -decimals : 0.5 * 10 ** trailingZeros(wholeDigits);
    const scale = SCALES[suffix] ?? 1;
    slack *= scale;
    const kind: NumberKind = suffix === '%' || suffix === '％' ? 'percent' : suffix === '×' || suffix === 'x' || suffix === '倍' ? 'ratio' : 'plain';
    out.push({ raw: raw.trim(), value: (sign ? -1 : 1) * value * scale, slack, kind });
  }
  return out;
}

const SCALES: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, 万: 1e4, 亿: 1e8 };

/** The value of a matched number body, and how precisely it was written. */
function parseBody(body: string): { value: number; decimals: number; wholeDigits: string } {
  let whole: string;
  let frac = '';
  if (/^\d{1,3}(?:\.\d{3})+,\d+$/.test(body) || /^\d+,\d{1,2}$/.test(body)) {
    [whole, frac] = body.split(',');
    whole = whole.replace(/\./g, '');
  } else if (/^\d{1,3}(?:\.\d{3}){2,}$/.test(body)) {
    whole = body.replace(/\./g, '');
  } else {
    [whole, frac = ''] = body.replace(/[, \u00a0\u202f]/g, '').split('.');
  }
  return { value: Number(`${whole}${frac ? `.${frac}` : ''}`), decimals: frac.length, wholeDigits: whole };
}

// "1,200" is read as rounded to the hundred; "38" and "105" as exact. Under 100 a trailing zero
// ("30 days", "20%") is a value, not a rounding.
function trailingZeros(digits: string): number {
  if (Number(digits) < 100) return 0;
  return digits.match(/0+$/)?.[0].length ?? 0;
}
