/**
 * Population stability index (PSI): how far a distribution moved between two snapshots,
 * Σ (b − a) · ln(b / a) over bins, with the usual reading (credit-scoring practice, e.g.
 * Yurdakul 2018): < 0.1 stable, 0.1–0.25 a moderate shift, ≥ 0.25 a significant one.
 * Hand-written: it is ten lines and no maintained package does it on typed arrays.
 */
import type { Vectors } from '../model/vectors.js';

export const PSI_BANDS = { moderate: 0.1, significant: 0.25 } as const;
export type PsiBand = 'stable' | 'moderate' | 'significant';

/** Empty bins get this share, so a bin seen on one side only costs a large but finite term. */
const EPS = 1e-4;

export function psiBand(value: number): PsiBand {
  return value >= PSI_BANDS.significant ? 'significant' : value >= PSI_BANDS.moderate ? 'moderate' : 'stable';
}

/** PSI between two histograms of the same bins (counts or shares; each is normalised). */
export function psi(expected: ArrayLike<number>, actual: ArrayLike<number>): number {
  if (expected.length !== actual.length) throw new RangeError(`psi: ${expected.length} bins vs ${actual.length}`);
  let ta = 0;
  let tb = 0;
  for (let i = 0; i < expected.length; i++) {
    ta += expected[i];
    tb += actual[i];
  }
  if (ta === 0 || tb === 0) return 0;
  let s = 0;
  for (let i = 0; i < expected.length; i++) {
    const a = Math.max(expected[i] / ta, EPS);
    const b = Math.max(actual[i] / tb, EPS);
    s += (b - a) * Math.log(b / a);
  }
  return s;
}

/**
 * PSI of one feature: bins are the deciles of the first sample (ties merged, so a one-hot or
 * boolean feature gets its two values as bins), the second sample is counted in the same bins.
 */
export function featurePsi(a: ArrayLike<number>, b: ArrayLike<number>, bins = 10): number {
  if (a.length === 0 || b.length === 0) return 0;
  const sorted = Float64Array.from(a).sort();
  const edges: number[] = [];
  for (let q = 1; q < bins; q++) {
    const e = sorted[Math.min(sorted.length - 1, Math.floor((q * sorted.length) / bins))];
    if (edges.length === 0 || e > edges[edges.length - 1]) edges.push(e);
  }
  const binOf = (x: number) => {
    // Number of edges strictly below x (edges are few: a linear scan is fine).
    let i = 0;
    while (i < edges.length && edges[i] < x) i++;
    return i;
  };
  const ca = new Float64Array(edges.length + 1);
  const cb = new Float64Array(edges.length + 1);
  for (let i = 0; i < a.length; i++) ca[binOf(a[i])]++;
  for (let i = 0; i < b.length; i++) cb[binOf(b[i])]++;
  return psi(ca, cb);
}

/**
 * Profile drift of one segment between two Runs in the same vector space: the PSI of every
 * feature (dimension) over the segment's members, and the largest — a segment whose members
 * moved on any one feature has moved, even if the others are unchanged.
 */
export function segmentPsi(va: Vectors, rowsA: ArrayLike<number>, vb: Vectors, rowsB: ArrayLike<number>): { psi: number; dim: number; perDim: number[] } {
  if (va.dim !== vb.dim) throw new RangeError(`segmentPsi: dimension ${va.dim} vs ${vb.dim}`);
  const dim = va.dim;
  const perDim: number[] = [];
  const xa = new Float64Array(rowsA.length);
  const xb = new Float64Array(rowsB.length);
  let best = 0;
  let bestDim = -1;
  for (let d = 0; d < dim; d++) {
    for (let i = 0; i < rowsA.length; i++) xa[i] = va.data[rowsA[i] * dim + d];
    for (let i = 0; i < rowsB.length; i++) xb[i] = vb.data[rowsB[i] * dim + d];
    const v = featurePsi(xa, xb);
    perDim.push(v);
    if (v > best) {
      best = v;
      bestDim = d;
    }
  }
  return { psi: best, dim: bestDim, perDim };
}
