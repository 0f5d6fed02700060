/**
 * The signal subspace the segmentation runs in. Planted (and real) segments differ along a few
 * directions — at most k − 1 — while the within-segment noise of ~40 dimensions (which words a
 * customer used, which non-favourite category they picked) spreads over all of them. In the
 * covariance spectrum that shows as k − 1 "spikes" above a flat bulk. Measured on our planted
 * data (test/cluster/planted.ts, 4–8 groups, 3 seeds each): every spike was ≥ 2.4 × the median
 * eigenvalue and every bulk eigenvalue ≤ 2.2 ×; e.g. 6 groups: 14.2 10.4 8.3 7.6 4.5 | 2.1 1.6 …
 * Pairwise-distance scores such as the silhouette pay that noise twice per pair, which
 * flattened the silhouette curve until the wrong k won (6 of 18 planted runs); in the subspace
 * the peak is sharp.
 *
 * Centroids found in the subspace are lifted back (μ + Pᵀz). For a centroid on that affine
 * subspace, ‖x − c‖² = ‖P(x − μ) − z‖² + ‖residual of x‖², and the residual term is the same for
 * every centroid — so nearest-centroid in the full space gives exactly the subspace labels, and
 * assignToCentroids(vectors, centroids) reproduces a Run's segments without knowing P.
 */
import type { Vectors } from '../model/vectors.js';
import { symmetricEigen } from '../util/linalg.js';
import { denseOperator, svd } from '../embed/svd.js';

/** A component is signal when its variance exceeds this multiple of the median eigenvalue (see above). */
export const SPIKE_RATIO = 2;
/** Below this many dimensions the median eigenvalue is not a noise estimate: no projection. */
export const MIN_DIM_FOR_SUBSPACE = 16;
/** Above this many dimensions the top components come from the randomized SVD instead of a full eigen-decomposition. */
const FULL_EIGEN_MAX_DIM = 256;

export interface Subspace {
  dim: number;
  /** Number of kept components. */
  m: number;
  mean: Float64Array;
  /** m × dim, orthonormal rows. */
  basis: Float64Array;
  /** Variance along each kept component, and the noise level (median eigenvalue) they were compared with. */
  variances: number[];
  noise: number;
}

/**
 * The components of `sample` whose variance exceeds SPIKE_RATIO × the median eigenvalue, or
 * undefined when the data are too narrow to tell or show no spike (cluster in the full space).
 */
export function signalSubspace(sample: Vectors): Subspace | undefined {
  const { n, dim, data } = sample;
  if (dim < MIN_DIM_FOR_SUBSPACE || n < 3) return undefined;
  const mean = new Float64Array(dim);
  for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) mean[t] += data[i * dim + t];
  for (let t = 0; t < dim; t++) mean[t] /= n;

  let eigenvalues: number[];
  let vectors: (c: number, t: number) => number;
  let noise: number;
  if (dim <= FULL_EIGEN_MAX_DIM) {
    const cov = new Float64Array(dim * dim);
    const row = new Float64Array(dim);
    for (let i = 0; i < n; i++) {
      for (let t = 0; t < dim; t++) row[t] = data[i * dim + t] - mean[t];
      for (let a = 0; a < dim; a++) {
        const x = row[a];
        if (x === 0) continue;
        for (let b = a; b < dim; b++) cov[a * dim + b] += x * row[b];
      }
    }
    for (let a = 0; a < dim; a++) {
      for (let b = a; b < dim; b++) {
        cov[a * dim + b] /= n;
        cov[b * dim + a] = cov[a * dim + b];
      }
    }
    const eig = symmetricEigen(cov, dim);
    eigenvalues = Array.from(eig.values);
    vectors = (c, t) => eig.vectors[t * dim + c];
    const sorted = eigenvalues.slice().sort((a, b) => a - b);
    noise = sorted[Math.floor(dim / 2)];
  } else {
    // Wide data: the top 64 components, and the mean of the remaining eigenvalues as the noise level.
    const top = Math.min(64, n - 1);
    const fit = svd(denseOperator(data, n, dim, mean), top, { seed: 1 });
    eigenvalues = Array.from(fit.singularValues, (s) => (s * s) / n);
    vectors = (c, t) => fit.components[c * dim + t];
    let trace = 0;
    for (let i = 0; i < n; i++) for (let t = 0; t < dim; t++) trace += (data[i * dim + t] - mean[t]) ** 2;
    trace /= n;
    noise = (trace - eigenvalues.reduce((s, e) => s + e, 0)) / Math.max(1, dim - fit.rank);
  }
  if (!(noise > 0)) return undefined;
  let m = 0;
  while (m < eigenvalues.length && eigenvalues[m] > SPIKE_RATIO * noise) m++;
  if (m === 0 || m >= dim) return undefined;
  const basis = new Float64Array(m * dim);
  for (let c = 0; c < m; c++) for (let t = 0; t < dim; t++) basis[c * dim + t] = vectors(c, t);
  return { dim, m, mean, basis, variances: eigenvalues.slice(0, m), noise };
}

/** Coordinates of `vectors` in the subspace (n × m). */
export function project(vectors: Vectors, s: Subspace): Vectors {
  const { n, dim, data } = vectors;
  const out = new Float32Array(n * s.m);
  const row = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < dim; t++) row[t] = data[i * dim + t] - s.mean[t];
    for (let c = 0; c < s.m; c++) {
      let acc = 0;
      for (let t = 0; t < dim; t++) acc += row[t] * s.basis[c * dim + t];
      out[i * s.m + c] = acc;
    }
  }
  return { n, dim: s.m, data: out };
}

/** Subspace points (k × m) back in the full space (k × dim): μ + Pᵀz. */
export function lift(points: Float32Array, k: number, s: Subspace): Float32Array {
  const out = new Float32Array(k * s.dim);
  for (let j = 0; j < k; j++) {
    for (let t = 0; t < s.dim; t++) {
      let acc = s.mean[t];
      for (let c = 0; c < s.m; c++) acc += points[j * s.m + c] * s.basis[c * s.dim + t];
      out[j * s.dim + t] = acc;
    }
  }
  return out;
}

/**
 * The space a Run with k segments clusters in, given the subspace its sample shows: that
 * subspace, unless k was asked for (--k) beyond what it carries — k segments need up to k − 1
 * directions, so such a k runs in the full space. One rule for the Run (cluster.ts) and for the
 * evals' re-fits of its procedure (evals/suites/resample.ts).
 */
export function spaceForK(found: Subspace | undefined, k: number, kGiven: boolean): Subspace | undefined {
  return found && kGiven && k - 1 > found.m ? undefined : found;
}
