import type { NumericColumn } from '../model/data.js';
import type { NumericFact } from '../model/profile.js';
import { rowsOf, type Groups } from './groups.js';
import { medianInPlace } from './median.js';

/**
 * Mean, median, lift and z of one numeric (or 0/1 boolean) column for every segment.
 * One pass over the column for sums, one gather per segment for its median.
 * `scratch` must hold at least the largest segment; it is reused across columns.
 */
export function numericFacts(col: NumericColumn, labels: Int32Array, groups: Groups, scratch: Float64Array): NumericFact[] {
  const { k, n, sizes } = groups;
  const v = col.values;
  const sums = new Float64Array(k);
  // Shifted sums keep the variance exact when values are large and close together.
  const shift = n > 0 ? v[0] : 0;
  let sumSq = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const x = v[i];
    sums[labels[i]] += x;
    const d = x - shift;
    sum += d;
    sumSq += d * d;
  }
  const overallMean = n > 0 ? shift + sum / n : 0;
  const variance = n > 0 ? Math.max(0, sumSq / n - (sum / n) ** 2) : 0;
  const sd = Math.sqrt(variance);

  const facts: NumericFact[] = [];
  for (let s = 0; s < k; s++) {
    const size = sizes[s];
    const mean = size > 0 ? sums[s] / size : overallMean;
    const rows = rowsOf(groups, s);
    const buf = scratch.subarray(0, size);
    for (let j = 0; j < size; j++) buf[j] = v[rows[j]];
    const median = size > 0 ? medianInPlace(buf) : overallMean;
    facts.push({
      feature: col.name,
      kind: col.kind,
      mean,
      median,
      overallMean,
      lift: liftOf(mean, overallMean),
      // A constant column separates nobody: z is 0 rather than a division by zero.
      z: sd > 1e-12 ? (mean - overallMean) / sd : 0,
    });
  }
  return facts;
}

/** mean / overall; 1 when both are 0 (nothing to compare), 0 when only the overall is 0. */
export function liftOf(value: number, overall: number): number {
  if (Math.abs(overall) < 1e-12) return Math.abs(value) < 1e-12 ? 1 : 0;
  return value / overall;
}
