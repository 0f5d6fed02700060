import type { Vectors } from '../../model/vectors.js';
import { symmetricEigen } from '../../util/linalg.js';

/**
 * A 2-D projection for the report's map: the top two principal components of a sample of
 * the vectors (covariance dim × dim — dim is small, tens — decomposed by the project's one
 * eigen-solver, util/linalg.ts). Deterministic: each component's sign is chosen so that its
 * largest coordinate is positive, so the same Run always draws the same map.
 */
export interface Projection {
  mean: Float64Array;
  /** Two unit vectors of length dim. */
  axes: [Float64Array, Float64Array];
  /** Share of the sample's variance along each axis (0..1). */
  explained: [number, number];
}

export function fitPca2(vectors: Vectors, rows: ArrayLike<number>): Projection {
  const { dim, data } = vectors;
  const m = rows.length;
  const mean = new Float64Array(dim);
  for (let r = 0; r < m; r++) for (let t = 0, o = rows[r] * dim; t < dim; t++) mean[t] += data[o + t];
  for (let t = 0; t < dim; t++) mean[t] /= Math.max(1, m);
  const cov = new Float64Array(dim * dim);
  const x = new Float64Array(dim);
  for (let r = 0; r < m; r++) {
    for (let t = 0, o = rows[r] * dim; t < dim; t++) x[t] = data[o + t] - mean[t];
    for (let a = 0; a < dim; a++) {
      const xa = x[a];
      if (xa === 0) continue;
      for (let b = a; b < dim; b++) cov[a * dim + b] += xa * x[b];
    }
  }
  for (let a = 0; a < dim; a++) {
    for (let b = a; b < dim; b++) {
      const v = cov[a * dim + b] / Math.max(1, m - 1);
      cov[a * dim + b] = v;
      cov[b * dim + a] = v;
    }
  }
  let total = 0;
  for (let a = 0; a < dim; a++) total += cov[a * dim + a];
  const { values, vectors: eig } = symmetricEigen(cov, dim);
  const axis = (j: number) => {
    const v = new Float64Array(dim);
    if (j < dim) for (let t = 0; t < dim; t++) v[t] = eig[t * dim + j];
    // Sign fixed so the largest coordinate is positive: the same Run always draws the same map.
    let big = 0;
    for (let t = 1; t < dim; t++) if (Math.abs(v[t]) > Math.abs(v[big])) big = t;
    if (v[big] < 0) for (let t = 0; t < dim; t++) v[t] = -v[t];
    return v;
  };
  const share = (j: number) => (total > 0 && j < dim ? Math.max(0, values[j]) / total : 0);
  return { mean, axes: [axis(0), axis(1)], explained: [share(0), share(1)] };
}

export function project(p: Projection, point: ArrayLike<number>, offset = 0): [number, number] {
  let u = 0;
  let v = 0;
  for (let t = 0; t < p.mean.length; t++) {
    const d = point[offset + t] - p.mean[t];
    u += d * p.axes[0][t];
    v += d * p.axes[1][t];
  }
  return [u, v];
}
