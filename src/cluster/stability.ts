/**
 * Per-segment bootstrap stability (Hennig 2007, "Cluster-wise assessment of cluster
 * stability"): re-fit k-means on B bootstrap resamples, extend each re-fit to every reference
 * point by nearest centroid, and score each reference cluster by the Jaccard similarity of its
 * best-matching bootstrap cluster, averaged over resamples. Hennig's reading: below 0.6 the
 * cluster dissolves, 0.75–0.85 it is stable, above 0.85 highly stable.
 *
 * "Best-matching" is the maximum Jaccard per cluster (as clusterboot does), not a one-to-one
 * matching: a reference cluster that a resample splits or merges scores low on its own,
 * whatever happens to the others.
 */
import { createRng } from '../util/random.js';
import type { Vectors } from '../model/vectors.js';
import { assignToCentroids, takeRows } from './assign.js';
import { kmeans } from './kmeans.js';

export interface StabilityOptions {
  bootstraps: number;
  seed: number;
  /** k-means restarts per resample (default 2: resamples are many, each needs only a decent fit). */
  restarts?: number;
  maxIterations?: number;
  /** Called after each k-means run (restarts × bootstraps in all), for a progress count. */
  onFit?: () => void;
}

/** The k-means runs bootstrapStability makes, for a progress total. */
export const stabilityFits = (options: Pick<StabilityOptions, 'bootstraps' | 'restarts'>) => Math.max(0, options.bootstraps) * (options.restarts ?? 2);

/** Jaccard of reference cluster c with its best-matching cluster of `other`, for every c. */
export function bestJaccard(reference: Int32Array, k: number, other: Int32Array, kOther: number): number[] {
  const inter = new Float64Array(k * kOther);
  const sizeRef = new Float64Array(k);
  const sizeOther = new Float64Array(kOther);
  for (let i = 0; i < reference.length; i++) {
    inter[reference[i] * kOther + other[i]]++;
    sizeRef[reference[i]]++;
    sizeOther[other[i]]++;
  }
  const out = new Array<number>(k).fill(0);
  for (let c = 0; c < k; c++) {
    let best = 0;
    for (let d = 0; d < kOther; d++) {
      const x = inter[c * kOther + d];
      if (x === 0) continue;
      const j = x / (sizeRef[c] + sizeOther[d] - x);
      if (j > best) best = j;
    }
    out[c] = best;
  }
  return out;
}

/**
 * Mean best-match Jaccard of each of the k reference clusters (labels of `points`) over
 * `bootstraps` resamples of `points`. A cluster with no member among `points` scores 0.
 * Empty when bootstraps ≤ 0 (not measured).
 */
export function bootstrapStability(points: Vectors, reference: Int32Array, k: number, options: StabilityOptions): number[] {
  const B = options.bootstraps;
  if (B <= 0) return [];
  const totals = new Array<number>(k).fill(0);
  const rng = createRng(options.seed);
  const m = points.n;
  const idx = new Int32Array(m);
  for (let b = 0; b < B; b++) {
    for (let i = 0; i < m; i++) idx[i] = Math.floor(rng() * m);
    const resample = takeRows(points, idx);
    let fit;
    try {
      fit = kmeans(resample, k, { seed: Math.floor(rng() * 2 ** 31), restarts: options.restarts ?? 2, maxIterations: options.maxIterations, onFit: options.onFit });
    } catch {
      // A resample can hold fewer distinct points than k (tiny or duplicate-heavy data): such a
      // resample cannot reproduce any cluster split, so it counts as 0 for every cluster.
      continue;
    }
    const labels = assignToCentroids(points, fit.centroids, k);
    const scores = bestJaccard(reference, k, labels, k);
    for (let c = 0; c < k; c++) totals[c] += scores[c];
  }
  return totals.map((t) => t / B);
}
