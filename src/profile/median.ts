import { select } from '../util/select.js';

/**
 * Median by quickselect (three-way partition, so columns full of ties — counts, flags —
 * stay linear). Sorting a million values per column would cost several times more.
 * Reorders `a` in place.
 */
export function medianInPlace(a: Float64Array): number {
  const n = a.length;
  if (n === 0) return NaN;
  const hi = select(a, n >> 1);
  if (n % 2 === 1) return hi;
  // After selection every value left of n/2 is <= a[n/2]; the lower middle is their max.
  let lo = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (a[i] > lo) lo = a[i];
  return (lo + hi) / 2;
}
