/**
 * Numeric block: each column is transformed (log1p when cleaning chose it), robust-scaled
 * (minus the median, divided by the interquartile range) and clipped to its fences, so a few
 * extreme customers cannot stretch the space. Parameters are fitted once and saved: assigning
 * new customers reuses them unchanged.
 */
import type { NumericColumn } from '../model/data.js';
import type { EmbeddingModel } from '../model/vectors.js';
import { select } from '../util/select.js';

export type NumericParams = EmbeddingModel['numeric'][number];

/** Tukey's "far out" fences: 3 IQR beyond the quartiles (cleaning already clipped the gross outliers). */
const FENCE_IQR = 3;
/** IQR of a normal distribution in standard deviations: turns a standard deviation into an IQR-like scale. */
const NORMAL_IQR = 1.349;

function applyTransform(x: number, transform: NumericParams['transform']): number {
  // log1p only for non-negative data (cleaning guarantees it); guard anyway.
  return transform === 'log1p' ? Math.log1p(x > 0 ? x : 0) : x;
}

/**
 * Quantiles by linear interpolation (numpy's default) between the order statistics they need,
 * found by selection (values is reordered): the sort of every column this replaced was ~0.9 s of
 * the embed stage at a million customers (bench/). Gives the sorted array's values exactly.
 * All three quartiles come from one orderStatistics call: six separate selections over the whole
 * column were 1.7 s of the embed stage at 1M customers (cpu-prof, 8 numeric columns); one
 * selection over the column and two over its halves give the same values for a third of that.
 */
function quantiles(values: Float64Array, ps: number[]): number[] {
  if (values.length === 0) return ps.map(() => 0);
  const last = values.length - 1;
  const positions = ps.map((p) => {
    const h = last * p;
    const lo = Math.floor(h);
    return { h, lo, hi: Math.min(last, lo + 1) };
  });
  const stats = orderStatistics(values, [...new Set(positions.flatMap((q) => [q.lo, q.hi]))].sort((a, b) => a - b));
  return positions.map(({ h, lo, hi }) => {
    const a = stats.get(lo)!;
    const b = stats.get(hi)!;
    return a + (h - lo) * (b - a);
  });
}

/**
 * The k-th smallest value for every k of `ks` (ascending, distinct), as
 * `values.slice().sort()[k]` would give them (values is reordered). After select() every value
 * left of k is ≤ the k-th and every value right of it ≥, so the other order statistics are
 * those of the two sides: the middle k is selected over the range, the rest within their side;
 * a range's own minimum or maximum is one scan. Selection is a three-way quickselect (ties are
 * common: counts, flags, rounded amounts). A typed sort puts -0 before 0, a comparison does not
 * tell them apart: a zero result gets the sorted sign.
 */
function orderStatistics(values: Float64Array, ks: number[]): Map<number, number> {
  const found = new Map<number, number>();
  const within = (from: number, to: number, want: number[]) => {
    if (want.length === 0) return;
    const mid = want.length >> 1;
    const k = want[mid];
    let v: number;
    if (k === from || k === to - 1) {
      // The range's minimum (or maximum): what select() would return there, in one scan.
      v = values[from];
      if (k === from) for (let i = from + 1; i < to; i++) v = values[i] < v ? values[i] : v;
      else for (let i = from + 1; i < to; i++) v = values[i] > v ? values[i] : v;
      // Put it in place, so the sides are still ≤ / ≥ it.
      const at = values.subarray(from, to).indexOf(v) + from;
      const swap = k === from ? from : to - 1;
      values[at] = values[swap];
      values[swap] = v;
    } else {
      v = select(values.subarray(from, to), k - from);
    }
    found.set(k, v);
    within(from, k, want.slice(0, mid));
    within(k + 1, to, want.slice(mid + 1));
  };
  within(0, values.length, ks);
  let signs: { negative: number; negativeZero: number } | undefined;
  for (const [k, v] of found) {
    if (v !== 0) continue;
    if (!signs) {
      signs = { negative: 0, negativeZero: 0 };
      for (let i = 0; i < values.length; i++) {
        if (values[i] < 0) signs.negative++;
        else if (Object.is(values[i], -0)) signs.negativeZero++;
      }
    }
    found.set(k, k < signs.negative + signs.negativeZero ? -0 : 0);
  }
  return found;
}

export function fitNumericColumn(column: NumericColumn): NumericParams {
  // Cleaning promises finite values; should one slip through, it must not poison the quantiles.
  const values = column.values;
  let t = new Float64Array(values.length);
  let n = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (Number.isFinite(x)) t[n++] = applyTransform(x, column.transform);
  }
  if (n < t.length) t = t.slice(0, n);
  let mean = 0;
  for (let i = 0; i < n; i++) mean += t[i];
  mean = n > 0 ? mean / n : 0;
  if (column.kind === 'boolean') {
    // 0/1: the IQR is 0 or 1 depending on the share, which would make a 10 % flag count 1 or
    // ∞; use unit scale, centred on the share, fences at the two values.
    return { name: column.name, transform: column.transform, center: mean, scale: 1, low: -mean, high: 1 - mean };
  }
  const work = t.slice();
  const [q1, median, q3] = quantiles(work, [0.25, 0.5, 0.75]);
  let scale = q3 - q1;
  if (!(scale > 0)) {
    // A column with more than half its values equal (counts that are mostly 0): fall back to
    // the standard deviation, expressed as a normal IQR; a constant column gets scale 1 (all 0).
    let v = 0;
    for (let i = 0; i < n; i++) v += (t[i] - mean) ** 2;
    const sd = n > 1 ? Math.sqrt(v / (n - 1)) : 0;
    scale = sd > 0 ? sd * NORMAL_IQR : 1;
  }
  return {
    name: column.name,
    transform: column.transform,
    center: median,
    scale,
    low: (q1 - FENCE_IQR * scale - median) / scale,
    high: (q3 + FENCE_IQR * scale - median) / scale,
  };
}

/** The scaled value of one natural-unit value: transform, centre, scale, clip. Non-finite → 0 (the median). */
export function scaleNumeric(x: number, p: NumericParams): number {
  if (!Number.isFinite(x)) return 0;
  const z = (applyTransform(x, p.transform) - p.center) / p.scale;
  return z < p.low ? p.low : z > p.high ? p.high : z;
}

/** Write the block (n × params.length) for the given columns, in params order. */
export function numericBlock(params: NumericParams[], columns: NumericColumn[], n: number): Float32Array {
  const width = params.length;
  const out = new Float32Array(n * width);
  params.forEach((p, c) => {
    const values = columns[c].values;
    for (let i = 0; i < n; i++) out[i * width + c] = scaleNumeric(values[i], p);
  });
  return out;
}
