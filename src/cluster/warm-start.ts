/**
 * k-means warm-started from a previous Run's centroids (issue 21), so a refresh on data that
 * barely changed lands on the same segments and boundaries instead of a fresh random start.
 *
 * The number of segments is still the new data's: a fresh fit (clusterVectors, k by silhouette
 * unless given) says how many there are now and where. Each fresh centre is then replaced by the
 * previous centroid it pairs with (Hungarian on distance), when that centroid still has customers
 * nearest to it and lies within half the gap to the fresh centre's nearest neighbour; unpaired
 * fresh centres (a split, a new group) start where the fresh fit put them. Lloyd runs from there.
 */
import type { Vectors } from '../model/vectors.js';
import type { ClusterOptions, ClusterResult } from '../model/cluster.js';
import { assignToCentroids, distPointCentre } from './assign.js';
import { clusterVectors } from './cluster.js';
import { hungarian } from './hungarian.js';
import { lloyd } from './kmeans.js';
import { matchLabels } from './metrics.js';

export interface PreviousCentroids {
  k: number;
  /** k × dim row-major, in the same vector space as the new vectors. */
  data: Float32Array;
}

/** A previous centroid nearest to fewer than this share of the new customers is not a start. */
const MIN_KEEP_SHARE = 0.01;

/**
 * Labels are in Lloyd's order (not by size): the caller numbers them by identity. Silhouette and
 * k scores are the fresh fit's (same k, nearly the same partition); stability is carried over.
 */
export function warmStartCluster(vectors: Vectors, previous: PreviousCentroids, options: ClusterOptions = {}): ClusterResult & { warmStarts: number } {
  const { n, dim } = vectors;
  const fresh = clusterVectors(vectors, options);
  const k = fresh.k;

  const nearest = assignToCentroids(vectors, previous.data, previous.k);
  const counts = new Array<number>(previous.k).fill(0);
  for (const l of nearest) counts[l]++;
  const kept = counts.map((c, i) => (c >= Math.max(1, MIN_KEEP_SHARE * n) ? i : -1)).filter((i) => i >= 0);

  const prev64 = Float64Array.from(previous.data);
  const fresh64 = Float64Array.from(fresh.centroids);
  const d2 = (a: Float64Array, i: number, b: Float64Array, j: number) => {
    let s = 0;
    for (let t = 0; t < dim; t++) s += (a[i * dim + t] - b[j * dim + t]) ** 2;
    return s;
  };
  const cost = Array.from({ length: k }, (_, j) => kept.map((i) => d2(fresh64, j, prev64, i)));
  const pair = kept.length ? hungarian(cost) : new Int32Array(k).fill(-1);
  const initial = new Float64Array(fresh64);
  let warmStarts = 0;
  for (let j = 0; j < k; j++) {
    if (pair[j] < 0) continue;
    let gap = Infinity;
    for (let o = 0; o < k; o++) if (o !== j) gap = Math.min(gap, d2(fresh64, j, fresh64, o));
    // Squared distances: within half the gap ⇔ d² < gap² / 4.
    if (cost[j][pair[j]] < gap / 4) {
      initial.set(prev64.subarray(kept[pair[j]] * dim, kept[pair[j]] * dim + dim), j * dim);
      warmStarts++;
    }
  }

  const fit = lloyd(vectors, initial, k, { maxIterations: options.maxIterations ?? 300 });
  // Everyone by the same nearest-centroid pass as a fresh Run, so labels follow from centroids.
  const labels = assignToCentroids(vectors, fit.centroids, k);
  const c64 = Float64Array.from(fit.centroids);
  let inertia = 0;
  for (let i = 0; i < n; i++) inertia += distPointCentre(vectors.data, i * dim, c64, labels[i] * dim, dim);

  // Stability was measured on the fresh segments: carry it over through the best label match.
  const { mapping } = matchLabels(fresh.labels, labels);
  const stability = fresh.stability.length ? Array.from(mapping, (m) => (m >= 0 ? fresh.stability[m] : 0)) : [];
  return { ...fresh, labels, centroids: fit.centroids, inertia, iterations: fit.iterations, stability, warmStarts };
}
