import { kmeans as mlKmeans } from 'ml-kmeans';
import { SegmentaError } from '../errors.js';
import type { ClusterResult } from '../model/cluster.js';
import type { Vectors } from '../model/vectors.js';
import { clusterFromLabels } from './given-labels.js';

/**
 * k-means by ml-kmeans, the reference implementation, as a Clusterer a library user can pick
 * instead of our kernel (and the one our kernel is checked against in test/cluster). It is not
 * the default: on 100k × 32 points it spent 338 ms per iteration where scikit-learn spent
 * 7.9 ms (shared/DEPENDENCIES.md), so it is for small tables and for cross-checking.
 * Without k, k is the best silhouette over 2…kMax, each fitted by ml-kmeans.
 */
export function clusterWithMlKmeans(vectors: Vectors, options: { k?: number; seed: number; kMax?: number }): ClusterResult {
  const { n, dim, data } = vectors;
  if (n < 3) throw new SegmentaError('input', `only ${n} customer(s); segmentation needs at least 3`);
  const rows = Array.from({ length: n }, (_, i) => Array.from(data.subarray(i * dim, i * dim + dim)));
  const fit = (k: number) => mlKmeans(rows, k, { seed: options.seed, initialization: 'kmeans++', maxIterations: 300 });
  let best: ClusterResult | undefined;
  const ks = options.k ? [options.k] : Array.from({ length: Math.min(options.kMax ?? 8, n - 1) - 1 }, (_, i) => i + 2);
  const kScores: ClusterResult['kScores'] = [];
  for (const k of ks) {
    // Same numbering, centroids and inertia as every other Clusterer (segment 1 the largest).
    const candidate = clusterFromLabels(vectors, fit(k).clusters, options.seed);
    if (!options.k) kScores.push({ k, silhouette: candidate.silhouette, inertia: candidate.inertia });
    if (!best || candidate.silhouette > best.silhouette) best = candidate;
  }
  return { ...best!, kScores };
}
