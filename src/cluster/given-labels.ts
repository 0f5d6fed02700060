import { SegmentaError } from '../errors.js';
import type { ClusterResult } from '../model/cluster.js';
import type { Vectors } from '../model/vectors.js';
import { distPointCentre } from './assign.js';
import { silhouette } from './silhouette.js';

/**
 * A segmentation the user already has (labels from a CRM, a previous model, a hand rule),
 * turned into the same ClusterResult k-means gives: centroids are the members' means, so
 * `assign` and `lookalike` work on such a Run too. Labels may be any integers or strings;
 * segment 1 is the largest, as everywhere.
 */
export function clusterFromLabels(vectors: Vectors, given: ArrayLike<string | number>, seed = 42): ClusterResult {
  const { n, dim, data } = vectors;
  if (given.length !== n) {
    throw new SegmentaError('input', `${given.length} labels were given for ${n} customers; give one label per customer, in the file's order`);
  }
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) counts.set(String(given[i]), (counts.get(String(given[i])) ?? 0) + 1);
  // Largest first; ties by the label's own order so the numbering is reproducible.
  const order = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([l]) => l);
  const rank = new Map(order.map((l, r) => [l, r]));
  const k = order.length;
  const labels = new Int32Array(n);
  const sums = new Float64Array(k * dim);
  for (let i = 0; i < n; i++) {
    const s = rank.get(String(given[i]))!;
    labels[i] = s;
    for (let d = 0; d < dim; d++) sums[s * dim + d] += data[i * dim + d];
  }
  const centroids = new Float32Array(k * dim);
  for (let s = 0; s < k; s++) for (let d = 0; d < dim; d++) centroids[s * dim + d] = sums[s * dim + d] / counts.get(order[s])!;
  const c64 = Float64Array.from(centroids);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distPointCentre(data, i * dim, c64, labels[i] * dim, dim);
  return {
    k,
    labels,
    centroids,
    dim,
    inertia,
    iterations: 0,
    silhouette: k < 2 ? 0 : silhouette(vectors, labels, { seed }),
    kScores: [],
    stability: [],
    seed,
  };
}
