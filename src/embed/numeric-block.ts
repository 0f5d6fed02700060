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
 * Quantile by linear interpolation (numpy's default) between the order statistics it needs,
 * found by selection (values is reordered): the sort of every column this replaced was ~0.9 s of
 * the embed stage at a million customers (bench/). Gives the sorted array's values exactly.
 */
function quantile(values: Float64Array, p: number): number {
  if (values.length === 0) return 0;
  const h = (values.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(values.length - 1, lo + 1);
  const a = orderStatistic(values, lo);
  const b = orderStatistic(values, hi);
  return a + (h - lo) * (b - a);
}

/**
 * The k-th smallest value, as `values.slice().sort()[k]` would give it (values is reordered):
 * a three-way quickselect (ties are common: counts, flags, rounded amounts). A typed sort puts
 * -0 before 0, a comparison does not tell them apart: a zero result gets the sorted sign.
 */
function orderStatistic(values: Float64Array, k: number): number {
  const found = select(values, k);
  if (found !== 0) return found;
  let negative = 0;
  let negativeZero = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] < 0) negative++;
    else if (Object.is(values[i], -0)) negativeZero++;
  }
  return k < negative + negativeZero ? -0 : 0;
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
  const q1 = quantile(work, 0.25);
  const median = quantile(work, 0.5);
  const q3 = quantile(work, 0.75);
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
