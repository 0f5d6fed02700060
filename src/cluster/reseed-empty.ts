import { distPointCentre } from './assign.js';

/**
 * An empty cluster takes the point farthest from its own centre (scikit-learn's rule): that
 * point is the worst-served, and moving it can only lower the inertia. Updates labels, counts
 * and the per-cluster sums in place; returns whether any cluster was empty, so a kernel that
 * keeps distance bounds knows to reset them.
 */
export function reseedEmptyClusters(
  data: Float32Array,
  dim: number,
  centers: Float64Array,
  labels: Int32Array,
  counts: Int32Array,
  sums: Float64Array,
): boolean {
  const k = counts.length;
  const n = labels.length;
  let anyEmpty = false;
  for (let j = 0; j < k; j++) if (counts[j] === 0) anyEmpty = true;
  if (!anyEmpty) return false;
  const taken = new Uint8Array(n);
  for (let j = 0; j < k; j++) {
    if (counts[j] !== 0) continue;
    let far = -1;
    let farD = -1;
    for (let i = 0, o = 0; i < n; i++, o += dim) {
      if (taken[i] || counts[labels[i]] <= 1) continue;
      const d = distPointCentre(data, o, centers, labels[i] * dim, dim);
      if (d > farD) {
        farD = d;
        far = i;
      }
    }
    if (far < 0) continue; // nothing can be moved (n ≤ k); the cluster stays empty
    const from = labels[far];
    const o = far * dim;
    taken[far] = 1;
    labels[far] = j;
    counts[from]--;
    counts[j]++;
    for (let t = 0; t < dim; t++) {
      sums[from * dim + t] -= data[o + t];
      sums[j * dim + t] = data[o + t];
    }
  }
  return true;
}
