import type { SegmentProfile } from '../../src/model/profile.js';
import { citedNumbers, type Cited } from './numbers.js';

/**
 * Which numbers a text may cite about a segment: the evals' own list, read off the profile
 * object itself (every number in it, wherever it sits) rather than off the forms the writer
 * formats — a writer that learns a new way to cite a fact is judged on the fact, not on the
 * eval having learnt the same format.
 *   plain:   every number of the profile, and the customer count (size / share)
 *   percent: every value in 0..1.5 times 100 (shares, rates, flags), and the values of
 *            rate-like columns as they are ("discount_pct" 18 → "18%")
 *   ratio:   every ratio of the profile (lifts), and mean / overall mean of each feature
 * Strings of the profile with digits in them (feature names, levels such as "25-34", terms) are
 * names, not citations: they are taken out of the text before its numbers are read. So is a
 * quoted span that names a column of the profile — 「近12个月订单数（orders_12m）」, "Orders in
 * 12 months (orders_12m)": a label spelled out in the text's language carries the column's
 * window, and its digits are the column's name, not a figure about the segment.
 */
export interface NumberPool {
  plain: number[];
  percent: number[];
  ratio: number[];
  names: string[];
  /** The profile's column names (numeric features and categorical columns). */
  columns: string[];
}

const PERCENT_COLUMN = /pct|percent|rate|share|ratio|%/i;
// Windows the predicted traits are stated over (`segmenta predict`: "buy within 30 days").
const PREDICTION_WINDOWS = [30];

export function numberPool(profile: SegmentProfile): NumberPool {
  const plain: number[] = [];
  const names: string[] = [];
  walk(profile, (v) => plain.push(v), (s) => /\d/.test(s) && names.push(s));
  if (profile.share > 0) plain.push(Math.round(profile.size / profile.share));
  if (profile.predicted) plain.push(...PREDICTION_WINDOWS);
  const percent = plain.filter((v) => Math.abs(v) <= 1.5).map((v) => v * 100);
  const ratio: number[] = [];
  for (const f of profile.numeric) {
    if (PERCENT_COLUMN.test(f.feature)) percent.push(f.mean, f.median, f.overallMean);
    ratio.push(f.lift);
    if (f.overallMean !== 0) ratio.push(f.mean / f.overallMean);
  }
  for (const c of profile.categories) {
    ratio.push(c.lift);
    if (c.overallShare > 0) ratio.push(c.share / c.overallShare);
  }
  const finite = (xs: number[]) => xs.filter(Number.isFinite);
  const columns = [...new Set([...profile.numeric.map((f) => f.feature), ...profile.categories.map((c) => c.column)])];
  return { plain: finite(plain), percent: finite(percent), ratio: finite(ratio), names: [...new Set(names)].sort((a, b) => b.length - a.length), columns };
}

// Representatives are scrubbed member snippets: their numbers are one member's, not the segment's.
const SKIP = new Set(['representatives', 'id']);

function walk(x: unknown, num: (v: number) => void, str: (s: string) => void, key = ''): void {
  if (SKIP.has(key)) return;
  if (typeof x === 'number') num(x);
  else if (typeof x === 'string') str(x);
  else if (Array.isArray(x)) for (const v of x) walk(v, num, str);
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) walk(v, num, str, k);
}

// A span in quotation marks: 「…」, “…”, "…", «…».
const QUOTED = /「[^」]*」|“[^”]*”|"[^"]*"|«[^»]*»/g;

/** Does a cited number match a value of the pool, within the rounding it was written at? */
function fits(n: Cited, pool: number[]): boolean {
  // The sign is the wording's job ("below everyone", "z −0.6"); the digits are what is checked.
  const x = Math.abs(n.value);
  return pool.some((v) => Math.abs(x - Math.abs(v)) <= n.slack + 1e-9 * Math.max(1, Math.abs(v)));
}

/**
 * The numbers of `text` that are no number of the profile. `allow` lists numbers the user gave
 * (an offer's "20% off"), which the copy may repeat.
 */
export function ungroundedNumbers(text: string, pool: NumberPool, allow: number[] = []): Cited[] {
  let rest = text.replace(QUOTED, (span) => (pool.columns.some((c) => span.includes(c)) ? ' ' : span));
  for (const name of pool.names) rest = rest.split(name).join(' ');
  return citedNumbers(rest).filter((n) => {
    if (allow.some((a) => Math.abs(Math.abs(a) - Math.abs(n.value)) <= n.slack + 1e-9)) return false;
    if (n.kind === 'percent') return !fits(n, pool.percent);
    if (n.kind === 'ratio') return !fits(n, pool.ratio);
    return !fits(n, [...pool.plain, ...pool.ratio]);
  });
}
