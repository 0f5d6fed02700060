/**
 * Choice of k: fit k-means for every k in [kMin, kMax] on one seeded sample (≤ 3,000 points)
 * and score each fit by its mean silhouette on that sample (distances computed once).
 *
 * The best silhouette wins; no parsimony rule. A "smallest k within 0.01 of the best" rule
 * was measured on planted data (test/cluster/planted-report.ts, 6 configurations × 3 seeds):
 * it chose too few segments in 2 of 18 runs (8 groups → 7, ARI 0.85; 6 → 5, ARI 0.65) and
 * fixed none. With silhouettes computed in the signal subspace (subspace.ts) the true k
 * usually wins by 0.03–0.07; where it wins by less than 0.01 (many groups, noisy columns) the
 * rule merged two real groups.
 * TIE_TOLERANCE stays as a named constant (0) so the rule can be restored in one place.
 */
import type { Vectors } from '../model/vectors.js';
import type { KScore } from '../model/cluster.js';
import { kmeans, type KMeansResult } from './kmeans.js';
import { TooFewDistinctPointsError } from './kmeans-pp.js';
import { pairwiseDistances, silhouetteFromDistances, type DistanceMatrix } from './silhouette.js';

export const TIE_TOLERANCE = 0;

export interface ChooseKOptions {
  kMin: number;
  kMax: number;
  seed: number;
  restarts: number;
  maxIterations?: number;
  /**
   * A k whose smallest cluster holds less than this share of the sample is not chosen (unless
   * no k qualifies): such a segment would fall under the minimum segment size.
   */
  minClusterShare?: number;
  /** The sample's pairwise distances, when the caller already has them. */
  distances?: DistanceMatrix;
}

export interface ChooseKResult {
  k: number;
  scores: KScore[];
  /** The fit of every scored k on the sample. */
  fits: Map<number, KMeansResult>;
}

/** Pick k by silhouette on `sample` (the caller draws the sample). */
export function chooseK(sample: Vectors, options: ChooseKOptions): ChooseKResult {
  const dist = options.distances ?? pairwiseDistances(sample);
  const m = sample.n;
  const scores: KScore[] = [];
  const fits = new Map<number, KMeansResult>();
  const eligible: KScore[] = [];
  for (let k = options.kMin; k <= options.kMax; k++) {
    let fit: KMeansResult;
    try {
      fit = kmeans(sample, k, { seed: options.seed + k, restarts: options.restarts, maxIterations: options.maxIterations });
    } catch (err) {
      if (err instanceof TooFewDistinctPointsError) break; // no larger k can work either
      throw err;
    }
    const score: KScore = { k, silhouette: silhouetteFromDistances(dist, fit.labels, k), inertia: fit.inertia };
    scores.push(score);
    fits.set(k, fit);
    const sizes = new Int32Array(k);
    for (let i = 0; i < m; i++) sizes[fit.labels[i]]++;
    const smallest = Math.min(...sizes);
    if (smallest > 0 && smallest / m >= (options.minClusterShare ?? 0)) eligible.push(score);
  }
  if (scores.length === 0) throw new TooFewDistinctPointsError(1, options.kMin);
  const pool = eligible.length > 0 ? eligible : scores;
  const best = Math.max(...pool.map((s) => s.silhouette));
  const k = pool.find((s) => s.silhouette >= best - TIE_TOLERANCE)!.k;
  return { k, scores, fits };
}
