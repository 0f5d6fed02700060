/**
 * Mean silhouette (Rousseeuw 1987) on a seeded sample. The choice of k scores every candidate
 * k on the same sample, so the sample's pairwise distances are computed once
 * (`pairwiseDistances`, m² / 2 distances, 18 MB of Float32 at the default m = 3,000) and each
 * k then costs only O(m²) additions (`silhouetteFromDistances`).
 */
import { createRng, sampleIndices } from '../util/random.js';
import type { Vectors } from '../model/vectors.js';
import { rowSquaredNorms } from './assign.js';

/** Largest sample silhouette is computed on by default. */
export const SILHOUETTE_SAMPLE = 3000;

/** x_a · x_b for two rows of one Float32 matrix (4-way unrolled). */
function dotRows(x: Float32Array, a: number, b: number, dim: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let t = 0;
  const end4 = dim - (dim & 3);
  for (; t < end4; t += 4) {
    s0 += x[a + t] * x[b + t];
    s1 += x[a + t + 1] * x[b + t + 1];
    s2 += x[a + t + 2] * x[b + t + 2];
    s3 += x[a + t + 3] * x[b + t + 3];
  }
  for (; t < dim; t++) s0 += x[a + t] * x[b + t];
  return s0 + s1 + (s2 + s3);
}

/**
 * Distances between all pairs of m points, as the condensed upper triangle: pair (i, j), i < j,
 * at index i·m − i(i+1)/2 + (j − i − 1). Written row by row, so memory is touched in order;
 * the full symmetric matrix (written twice, one of them strided) was 2–3× slower at m = 3,000.
 */
export interface DistanceMatrix {
  m: number;
  condensed: Float32Array;
}

export function pairwiseDistances(vectors: Vectors): DistanceMatrix {
  const { n: m, dim, data } = vectors;
  const norms = rowSquaredNorms(data, m, dim);
  const condensed = new Float32Array((m * (m - 1)) / 2);
  let p = 0;
  for (let i = 0; i < m; i++) {
    const o = i * dim;
    const ni = norms[i];
    for (let j = i + 1; j < m; j++) {
      const d2 = ni + norms[j] - 2 * dotRows(data, o, j * dim, dim);
      condensed[p++] = d2 > 0 ? Math.sqrt(d2) : 0;
    }
  }
  return { m, condensed };
}

/**
 * Mean silhouette of `labels` (0..k−1, one per point of the distance matrix). A point alone
 * in its cluster scores 0, as in scikit-learn. Returns 0 when fewer than 2 clusters are present.
 */
export function silhouetteFromDistances(dist: DistanceMatrix, labels: ArrayLike<number>, k: number): number {
  const { m, condensed } = dist;
  const sizes = new Int32Array(k);
  for (let i = 0; i < m; i++) sizes[labels[i]]++;
  let present = 0;
  for (let j = 0; j < k; j++) if (sizes[j] > 0) present++;
  if (present < 2) return 0;
  // sums[i·k + c] = Σ distance from i to the members of c, accumulated pair by pair.
  const sums = new Float64Array(m * k);
  let p = 0;
  for (let i = 0; i < m; i++) {
    const li = labels[i];
    const row = i * k;
    for (let j = i + 1; j < m; j++) {
      const d = condensed[p++];
      sums[row + labels[j]] += d;
      sums[j * k + li] += d;
    }
  }
  let total = 0;
  for (let i = 0; i < m; i++) {
    const own = labels[i];
    if (sizes[own] <= 1) continue;
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) {
      if (c === own || sizes[c] === 0) continue;
      const mean = sums[i * k + c] / sizes[c];
      if (mean < b) b = mean;
    }
    const denom = a > b ? a : b;
    if (denom > 0) total += (b - a) / denom;
  }
  return total / m;
}

export interface SilhouetteOptions {
  /** Points scored (a seeded sample of this size; default 3,000). */
  sampleSize?: number;
  seed?: number;
}

/** Mean silhouette of a labeling of `vectors`, on a seeded sample of at most `sampleSize` points. */
export function silhouette(vectors: Vectors, labels: ArrayLike<number>, options: SilhouetteOptions = {}): number {
  if (labels.length !== vectors.n) throw new RangeError(`labels (${labels.length}) and vectors (${vectors.n}) differ in length`);
  const m = Math.min(vectors.n, options.sampleSize ?? SILHOUETTE_SAMPLE);
  const idx = m === vectors.n ? Int32Array.from({ length: m }, (_, i) => i) : sampleIndices(vectors.n, m, createRng(options.seed ?? 42));
  const { dim } = vectors;
  const data = new Float32Array(m * dim);
  const sub = new Int32Array(m);
  let k = 0;
  for (let r = 0; r < m; r++) {
    const i = idx[r];
    data.set(vectors.data.subarray(i * dim, i * dim + dim), r * dim);
    sub[r] = labels[i];
    if (labels[i] + 1 > k) k = labels[i] + 1;
  }
  return silhouetteFromDistances(pairwiseDistances({ n: m, dim, data }), sub, k);
}
