import type { SegmentProfile } from '../model/profile.js';
import { zhLabelOf } from './labels-zh.js';

/** A problem found by a plain-code check: which field, and what is wrong with it (never a PII value). */
export interface CheckProblem {
  field: string;
  problem: string;
}

export interface GroundingProblem extends CheckProblem {
  /** The number as written in the text. */
  value: string;
}

export interface CitedNumber {
  raw: string;
  value: number;
  /** How far off the true value may be and still round to what was written. */
  tolerance: number;
  kind: 'plain' | 'percent' | 'lift';
}

// A number standing alone: not part of a word or identifier ("orders_90d", "v2", "3rd"). Only
// alphabetic letters glue to a number: Chinese writes numbers between Han characters
// ("平均消费412.50元", "高出2.1倍"), and 倍 is the Chinese lift suffix.
const NUMBER = /(?<![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}_.])([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(\s?%|\s?[×x](?![\p{L}\p{N}])|\s?倍|k(?![\p{L}\p{N}]))?(?![\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}_])/gu;

/**
 * The numbers a text cites, with the rounding they were written at: "412.50" is ±0.005,
 * "34%" ±0.5 points, "1,200" ±50 (trailing zeros of a whole number ≥ 100 read as rounding).
 */
export function numbersIn(text: string): CitedNumber[] {
  const out: CitedNumber[] = [];
  for (const m of text.matchAll(NUMBER)) {
    const [raw, sign, whole, frac, suffix] = m;
    let value = Number(whole.replace(/,/g, '') + (frac ? `.${frac}` : ''));
    let tolerance: number;
    if (frac) tolerance = 0.5 * 10 ** -frac.length;
    else {
      const digits = whole.replace(/,/g, '');
      const zeros = value >= 100 ? (digits.match(/0+$/)?.[0].length ?? 0) : 0;
      tolerance = 0.5 * 10 ** zeros;
    }
    const s = (suffix ?? '').trim();
    if (s === 'k') {
      value *= 1000;
      tolerance *= 1000;
    }
    if (sign) value = -value;
    out.push({ raw: raw.trim(), value, tolerance, kind: s === '%' ? 'percent' : s === '×' || s === 'x' || s === '倍' ? 'lift' : 'plain' });
  }
  return out;
}

const PERCENT_UNITS = /pct|percent|rate|share|ratio/i;

interface Candidates {
  plain: number[];
  percent: number[];
  lift: number[];
  /** Profile strings with digits in them (feature names, levels, terms): their digits are not claims. */
  labels: string[];
}

/** Every number a text may cite from a profile, in the forms format.ts writes them. */
export function profileNumbers(profile: SegmentProfile): Candidates {
  const plain: number[] = [profile.size, profile.stability];
  const percent: number[] = [profile.share * 100, profile.stability * 100];
  const lift: number[] = [];
  const labels: string[] = [];
  if (profile.share > 0) plain.push(Math.round(profile.size / profile.share));
  for (const f of profile.numeric) {
    plain.push(f.mean, f.median, f.overallMean, f.lift, f.z);
    lift.push(f.lift);
    // Rates and flags are written as percentages; a column already in percent units
    // ("discount_pct" 18) as itself. Other values are not percentages of anything.
    for (const v of [f.mean, f.median, f.overallMean]) {
      if (Math.abs(v) <= 1.5) percent.push(v * 100);
      if (PERCENT_UNITS.test(f.feature)) percent.push(v);
    }
    labels.push(f.feature);
  }
  // A column named by its Chinese reading (近30天浏览量 for page_views_30d, labels-zh.ts): its digits are the name's.
  for (const name of [...profile.numeric.map((f) => f.feature), ...profile.categories.map((c) => c.column), ...profile.terms.map((t) => t.column)]) {
    const zh = zhLabelOf(name);
    if (zh && /\d/.test(zh)) labels.push(zh);
  }
  for (const c of profile.categories) {
    plain.push(c.share, c.overallShare, c.lift);
    percent.push(c.share * 100, c.overallShare * 100);
    lift.push(c.lift);
    labels.push(c.column, c.level);
  }
  for (const t of profile.terms) {
    plain.push(t.share, t.score);
    percent.push(t.share * 100);
    labels.push(t.column, t.term);
  }
  for (const share of Object.values(profile.rfm)) {
    plain.push(share ?? 0);
    percent.push((share ?? 0) * 100);
  }
  const pr = profile.predicted;
  if (pr) {
    // As describePredicted writes them: shares as percentages, value per customer, the windows in days.
    plain.push(30, pr.clvDays, pr.clv ?? NaN, pr.overall.clv ?? NaN);
    for (const v of [pr.buy30, pr.churnRisk, pr.pAlive, pr.overall.buy30, pr.overall.churnRisk, pr.overall.pAlive]) percent.push(v * 100);
  }
  return {
    plain: plain.filter(Number.isFinite),
    percent: percent.filter(Number.isFinite),
    lift: lift.filter(Number.isFinite),
    labels: labels.filter((l) => /\d/.test(l)).sort((a, b) => b.length - a.length),
  };
}

function matches(n: CitedNumber, pool: number[]): boolean {
  // Signs are the wording's job ("below everyone"); the check is about the digits.
  const x = Math.abs(n.value);
  return pool.some((c) => Math.abs(x - Math.abs(c)) <= n.tolerance + 1e-9 * Math.max(1, Math.abs(c)));
}

/**
 * Every number in `text` must be a number of the profile, within the rounding it was written
 * at: plain numbers match values (means, medians, sizes, shares, lifts), percentages match
 * shares × 100 (or values already in percent), "2.1×" matches lifts. `allow` lists numbers
 * the user gave (an offer's "20% off"). Returns the numbers that match nothing.
 */
export function checkGrounding(
  text: string,
  profile: SegmentProfile,
  options: { field?: string; allow?: number[] } = {},
): GroundingProblem[] {
  const field = options.field ?? 'text';
  const c = profileNumbers(profile);
  let rest = text;
  for (const label of c.labels) rest = rest.split(label).join(' ');
  const problems: GroundingProblem[] = [];
  for (const n of numbersIn(rest)) {
    if (options.allow?.some((a) => Math.abs(Math.abs(a) - Math.abs(n.value)) <= n.tolerance + 1e-9)) continue;
    const pool = n.kind === 'percent' ? c.percent : n.kind === 'lift' ? c.lift : [...c.plain, ...c.lift];
    if (!matches(n, pool)) problems.push({ field, value: n.raw, problem: `cites ${n.raw}, which is not a number of segment ${profile.id}'s profile` });
  }
  return problems;
}
