/**
 * Block weighting. Each block is multiplied by one number so that its total variance (the mean
 * squared distance of its rows to their mean, which is what k-means spends its distance budget
 * on) equals importance² — whatever the block's width or units. Without this, 40 one-hot
 * columns or 16 text dimensions would outvote 6 numeric columns by sheer count.
 *
 * Importances: numeric 1, categorical 0.8, text 0.8 — behaviour (spend, frequency, recency,
 * rates) is what a campaign acts on; categories and words describe it. Measured with
 * test/cluster/planted-report.ts (6 planted configurations × 3 seeds = 18 runs; wrong k / 18,
 * then mean ARI of the 6-group configuration):
 *   categorical/text 0.8/0.8: 1, 0.986     0.6/0.6: 4, 0.982     1.0/1.0: 2, 0.979
 *                    0.6/1.0: 3, 0.987     1.0/0.6: 7, 0.966     0.5/0.8: 4, 0.987
 *                    0.8/0.5: 8, 0.976     0.4/0.4: 13, 0.931    1.3/1.3: 5, 0.966
 * Too little weight and a block's group directions sink under the noise threshold of the
 * signal subspace (cluster/subspace.ts); too much and its within-group noise swamps the
 * numeric behaviour.
 */
import type { BlockInfo } from '../model/vectors.js';

export const BLOCK_IMPORTANCE: Record<BlockInfo['kind'], number> = {
  numeric: 1,
  categorical: 0.8,
  text: 0.8,
};

/** Total variance of an n × width block: Σ over dimensions of the variance (population). */
export function totalVariance(data: Float32Array, n: number, width: number): number {
  if (n === 0 || width === 0) return 0;
  const mean = new Float64Array(width);
  for (let i = 0; i < n; i++) for (let c = 0; c < width; c++) mean[c] += data[i * width + c];
  for (let c = 0; c < width; c++) mean[c] /= n;
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let c = 0; c < width; c++) {
      const d = data[i * width + c] - mean[c];
      s += d * d;
    }
  }
  return s / n;
}

/** The multiplier that gives a block of this total variance the total variance importance². 0 for a constant block. */
export function blockMultiplier(variance: number, importance: number): number {
  return variance > 0 ? importance / Math.sqrt(variance) : 0;
}

/**
 * Structure of each feature, measured on the data: segments are groups of customers who
 * differ on several columns at once, so a column that carries group structure depends on the
 * other columns, and a column that is noise — a random score, a region drawn independently of
 * behaviour — depends on none. Each feature (a numeric column, a categorical column, a text
 * dimension) is binned (quantiles of its rank, or its levels), every pair is tested for
 * independence with the G-test (2·n·mutual information ~ χ² with (a−1)(b−1) degrees of
 * freedom), and a feature independent of every other at p ≥ 0.01 (Bonferroni over the pairs)
 * gets weight 0: it would only pull segments apart along noise. A nonlinear test on purpose:
 * in the mall file income and spending score are uncorrelated (r ≈ 0) yet strongly dependent
 * (five groups in an X). Hand-written because no npm library does the G-test on binned columns
 * in typed arrays; the χ² tail uses the Wilson–Hilferty normal approximation, accurate to a
 * few per cent of the p-value at these tail levels, which is far below what decides a column.
 */
export const STRUCTURE_ALPHA = 0.01;
/** Rows the dependence tests run on (seeded sample): enough power for a 0.02-nat dependence. */
export const STRUCTURE_SAMPLE = 5000;
/** Fewer features than this: nothing to compare with, every feature is kept. */
const MIN_FEATURES = 2;

export interface FeatureColumn {
  /** What the scorecard and the data report call it: "age", "region", "review (svd3)". */
  name: string;
  /** A bin per row, 0..bins−1. */
  bins: Int32Array;
  count: number;
  /** Features of one group (the dimensions of one text block) are not tested against each other: they are one column's views. */
  group?: string;
}

/** Quantile bins of a numeric feature by mid-rank (ties share a bin), at most `b` of them. */
export function quantileBins(values: ArrayLike<number>, rows: Int32Array, b: number): { bins: Int32Array; count: number } {
  const m = rows.length;
  const order = Array.from(rows, (_, i) => i).sort((x, y) => values[rows[x]] - values[rows[y]]);
  const bins = new Int32Array(m);
  let i = 0;
  while (i < m) {
    let j = i;
    while (j + 1 < m && values[rows[order[j + 1]]] === values[rows[order[i]]]) j++;
    const mid = (i + j) / 2 / m;
    const bin = Math.min(b - 1, Math.floor(mid * b));
    for (let t = i; t <= j; t++) bins[order[t]] = bin;
    i = j + 1;
  }
  return recodeBins(bins);
}

/** Bins renumbered densely (a tie-heavy column may use fewer bins than asked). */
export function recodeBins(bins: Int32Array): { bins: Int32Array; count: number } {
  const map = new Map<number, number>();
  const out = new Int32Array(bins.length);
  for (let i = 0; i < bins.length; i++) {
    let c = map.get(bins[i]);
    if (c === undefined) map.set(bins[i], (c = map.size));
    out[i] = c;
  }
  return { bins: out, count: map.size };
}

/** Bins per numeric feature for m rows: about 10 expected rows per cell of a pair's table, 3–8 bins. */
export function binsFor(m: number): number {
  return Math.max(5, Math.min(8, Math.floor(Math.sqrt(m / 10))));
}

/** The G-test of independence of two binned features, as a z-score (Wilson–Hilferty). */
export function dependenceZ(a: FeatureColumn, b: FeatureColumn): number {
  const m = a.bins.length;
  const table = new Float64Array(a.count * b.count);
  const ra = new Float64Array(a.count);
  const rb = new Float64Array(b.count);
  for (let i = 0; i < m; i++) {
    table[a.bins[i] * b.count + b.bins[i]]++;
    ra[a.bins[i]]++;
    rb[b.bins[i]]++;
  }
  let g = 0;
  for (let x = 0; x < a.count; x++) {
    for (let y = 0; y < b.count; y++) {
      const o = table[x * b.count + y];
      if (o > 0) g += o * Math.log((o * m) / (ra[x] * rb[y]));
    }
  }
  g *= 2;
  const df = (a.count - 1) * (b.count - 1);
  if (df <= 0) return 0;
  const v = 2 / (9 * df);
  return (Math.cbrt(g / df) - (1 - v)) / Math.sqrt(v);
}

/** The z a G-test must reach for p < alpha/tests (upper normal tail; Abramowitz–Stegun 26.2.23). */
export function criticalZ(alpha: number, tests: number): number {
  const p = Math.max(1e-300, alpha / Math.max(1, tests));
  const t = Math.sqrt(-2 * Math.log(p));
  return t - (2.515517 + 0.802853 * t + 0.010328 * t * t) / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t);
}

export interface FeatureStructure {
  name: string;
  /** Strongest dependence on any other feature (z of the G-test). */
  z: number;
  /** Whether it depends on some other feature beyond chance (kept) or on none (weight 0). */
  kept: boolean;
  /**
   * The feature's factor: 0 at or under the critical z, rising linearly to 1 at twice it. A
   * dependence just past the line is as likely a chance pairing of two noise columns (seen on
   * 1 of 8 mall files: age × gender at z 3.3 against income × score at 5.4) as weak signal,
   * so it gets a little weight, not all of it.
   */
  factor: number;
}

/** Which features carry structure (see above). With fewer than 2 features, all are kept. */
export function measureStructure(features: FeatureColumn[]): { features: FeatureStructure[]; critical: number } {
  const p = features.length;
  const tests = (p * (p - 1)) / 2;
  const critical = criticalZ(STRUCTURE_ALPHA, tests);
  const best = new Array<number>(p).fill(-Infinity);
  for (let a = 0; a < p; a++) {
    for (let b = a + 1; b < p; b++) {
      if (features[a].group !== undefined && features[a].group === features[b].group) continue;
      const z = dependenceZ(features[a], features[b]);
      if (z > best[a]) best[a] = z;
      if (z > best[b]) best[b] = z;
    }
  }
  return {
    critical,
    features: features.map((f, j) => {
      const z = Number.isFinite(best[j]) ? best[j] : 0;
      const factor = p < MIN_FEATURES ? 1 : Math.min(1, Math.max(0, (z - critical) / critical));
      return { name: f.name, z: Math.round(z * 100) / 100, kept: factor > 0, factor: Math.round(factor * 1000) / 1000 };
    }),
  };
}
