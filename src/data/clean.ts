import { stripControls } from '../util/control-chars.js';
import type { CategoricalColumn, NumericColumn, TextColumn } from '../model/data.js';

/**
 * Cleaning of one column at a time, on typed arrays, after rows are deduplicated. Every change
 * is counted so the data-quality summary can say what was done. Values stay in natural units;
 * the log1p flag only tells the embedder how to scale.
 */

/** Skewness above which a non-negative column is marked for log1p. */
const SKEW_LIMIT = 1;
/** Outlier fences at this many IQRs beyond the quartiles (in log space for skewed columns): ~4.7σ for normal data. */
const FENCE_IQRS = 3;
/** At most this share of values is clipped on each side. */
const CLIP_SHARE = 0.005;
/** Quantiles are estimated on at most this many values (an evenly spaced subsample above it). */
const QUANTILE_SAMPLE = 200_000;
export const MISSING_LEVEL = '(missing)';

export interface NumericCleaning {
  /** Undefined when the column was dropped. */
  column?: NumericColumn;
  dropped?: string;
  missing?: { count: number; filledWith: string };
  clipped?: { count: number; low: number; high: number };
}

/** Impute, flag skew, clip outliers. `values` (NaN = missing) is modified in place and kept. */
export function cleanNumeric(name: string, values: Float64Array, kind: 'numeric' | 'boolean'): NumericCleaning {
  // Exact range in one pass (the sorted values below may be a subsample).
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return { dropped: 'all values are empty' };
  if (min === max) return { dropped: `every value is ${fmtNum(min)}` };
  const sorted = sortedFinite(values);
  const missingCount = values.length - countFinite(values);

  if (kind === 'boolean') {
    const fill = quantile(sorted, 0.5) >= 0.5 ? 1 : 0;
    const original = originalValues(values, -Infinity, Infinity);
    const missing = fillMissing(values, fill);
    return {
      column: { name, values, kind, transform: 'none', ...(original ? { original } : {}) },
      missing: missing ? { count: missing, filledWith: `most common (${fill === 1 ? 'yes' : 'no'})` } : undefined,
    };
  }

  const skewed = min >= 0 && robustSkewness(sorted) > SKEW_LIMIT;
  const transform = skewed ? 'log1p' : 'none';
  const median = quantile(sorted, 0.5);
  const fences = outlierFences(sorted, skewed, min, max);
  const original = originalValues(values, fences?.low ?? -Infinity, fences?.high ?? Infinity);
  let clippedCount = 0;
  if (fences) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v < fences.low) {
        values[i] = fences.low;
        clippedCount++;
      } else if (v > fences.high) {
        values[i] = fences.high;
        clippedCount++;
      }
    }
  }
  fillMissing(values, median);
  return {
    column: { name, values, kind, transform, ...(original ? { original } : {}) },
    missing: missingCount ? { count: missingCount, filledWith: `median (${fmtNum(median)})` } : undefined,
    clipped: clippedCount && fences ? { count: clippedCount, low: fences.low, high: fences.high } : undefined,
  };
}

/**
 * Fences from the quartiles, computed where the data is roughly symmetric (log space when
 * skewed) so a long spending tail is not clipped as "outliers" — and never inside the
 * 0.5%/99.5% quantiles, so a small but real group far from the majority (12% of customers
 * with high return rates) is never flattened: only the rare extreme values are clipped.
 */
export function outlierFences(
  sorted: Float64Array,
  logSpace: boolean,
  min = sorted[0],
  max = sorted[sorted.length - 1],
): { low: number; high: number } | undefined {
  const t = logSpace ? Math.log1p : (x: number) => x;
  const inv = logSpace ? Math.expm1 : (x: number) => x;
  const q1 = t(quantile(sorted, 0.25));
  const q3 = t(quantile(sorted, 0.75));
  const iqr = q3 - q1;
  // Clamped to the data's range so the report never shows a fence no value could reach (age -13).
  const low = Math.max(min, Math.min(inv(q1 - FENCE_IQRS * iqr), quantile(sorted, CLIP_SHARE)));
  const high = Math.min(max, Math.max(inv(q3 + FENCE_IQRS * iqr), quantile(sorted, 1 - CLIP_SHARE)));
  return high > low ? { low, high } : undefined;
}

/** Sample skewness of the values winsorised at 1%/99%, so one typo like age 999 does not look like skew. */
export function robustSkewness(sorted: Float64Array): number {
  const lo = quantile(sorted, 0.01);
  const hi = quantile(sorted, 0.99);
  let mean = 0;
  for (const v of sorted) mean += Math.min(hi, Math.max(lo, v));
  mean /= sorted.length;
  let m2 = 0;
  let m3 = 0;
  for (const v of sorted) {
    const d = Math.min(hi, Math.max(lo, v)) - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  m2 /= sorted.length;
  m3 /= sorted.length;
  return m2 > 0 ? m3 / Math.pow(m2, 1.5) : 0;
}

/** Linear-interpolated quantile of sorted values. */
export function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Finite values, sorted (an evenly spaced subsample when there are very many). */
export function sortedFinite(values: Float64Array): Float64Array {
  const n = countFinite(values);
  const step = n > QUANTILE_SAMPLE ? n / QUANTILE_SAMPLE : 1;
  const out = new Float64Array(Math.min(n, QUANTILE_SAMPLE));
  let seen = 0;
  let k = 0;
  let next = 0;
  for (let i = 0; i < values.length && k < out.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (seen >= next) {
      out[k++] = v;
      next += step;
    }
    seen++;
  }
  return out.subarray(0, k).sort();
}

/**
 * The values as read of the rows cleaning is about to change (missing, or outside the fences),
 * so profiles can report true means; undefined when no row changes. Sparse: at most ~1% of
 * rows are clipped, so this costs far less than a second copy of the column.
 */
function originalValues(values: Float64Array, low: number, high: number): { rows: Int32Array; values: Float64Array } | undefined {
  const rows: number[] = [];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!(v >= low && v <= high)) rows.push(i);
  }
  if (rows.length === 0) return undefined;
  const r = Int32Array.from(rows);
  const v = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) v[i] = values[r[i]];
  return { rows: r, values: v };
}

function countFinite(values: Float64Array): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  return n;
}

function fillMissing(values: Float64Array, fill: number): number {
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      values[i] = fill;
      n++;
    }
  }
  return n;
}

export interface CategoricalCleaning {
  column?: CategoricalColumn;
  dropped?: string;
  missing?: { count: number; filledWith: string };
}

/**
 * Missing values become a level of their own; levels are reordered most frequent first (ties
 * by name) so level order, and anything derived from it, does not depend on row order.
 */
export function cleanCategorical(name: string, codes: Int32Array, levels: string[]): CategoricalCleaning {
  const counts = new Float64Array(levels.length);
  let missing = 0;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c < 0) missing++;
    else counts[c]++;
  }
  const present = levels.map((_, i) => i).filter((i) => counts[i] > 0);
  if (present.length === 0) return { dropped: 'all values are empty' };
  if (present.length === 1 && missing === 0) return { dropped: `every value is "${levels[present[0]]}"` };
  present.sort((a, b) => counts[b] - counts[a] || (levels[a] < levels[b] ? -1 : levels[a] > levels[b] ? 1 : 0));
  const remap = new Int32Array(levels.length).fill(-1);
  const outLevels = present.map((old, i) => {
    remap[old] = i;
    return levels[old];
  });
  let missingCode = -1;
  if (missing > 0) {
    missingCode = outLevels.indexOf(MISSING_LEVEL);
    if (missingCode < 0) {
      missingCode = outLevels.length;
      outLevels.push(MISSING_LEVEL);
    }
  }
  const out = new Int32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = codes[i] < 0 ? missingCode : remap[codes[i]];
  return {
    column: { name, levels: outLevels, codes: out },
    missing: missing ? { count: missing, filledWith: `"${MISSING_LEVEL}" level` } : undefined,
  };
}

export interface TextCleaning {
  column: TextColumn;
  missing?: { count: number; filledWith: string };
  /** Cells cut to the cap: how many, and the position (0-based, in `values`) of the first. */
  truncated?: { count: number; first: number };
}

export function cleanText(name: string, values: (string | null)[], cap: number): TextCleaning {
  let missing = 0;
  let truncated = 0;
  let first = -1;
  const out = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null) {
      missing++;
      out[i] = '';
    } else if (v.length > cap) {
      if (truncated++ === 0) first = i;
      out[i] = stripControls(v.slice(0, cap));
    } else out[i] = stripControls(v);
  }
  return {
    column: { name, values: out },
    missing: missing ? { count: missing, filledWith: 'empty text' } : undefined,
    truncated: truncated ? { count: truncated, first } : undefined,
  };
}

/** Rows `keep` of a column (keep holds row positions, ascending). */
export function pickRows<T extends Float64Array | Int32Array>(values: T, keep: Int32Array | undefined): T;
export function pickRows<T>(values: T[], keep: Int32Array | undefined): T[];
export function pickRows(values: Float64Array | Int32Array | unknown[], keep: Int32Array | undefined): Float64Array | Int32Array | unknown[] {
  if (!keep) return values;
  if (values instanceof Float64Array) {
    const out = new Float64Array(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = values[keep[i]];
    return out;
  }
  if (values instanceof Int32Array) {
    const out = new Int32Array(keep.length);
    for (let i = 0; i < keep.length; i++) out[i] = values[keep[i]];
    return out;
  }
  const out = new Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = values[keep[i]];
  return out;
}

export function fmtNum(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}
