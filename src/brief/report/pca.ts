import type { Vectors } from '../../model/vectors.js';

/**
 * A 2-D projection for the report's map: the top two principal components of a sample of
 * the vectors (covariance dim × dim, power iteration with deflation — dim is small, tens).
 * Deterministic: fixed start vector, and each component's sign is chosen so that its largest
 * coordinate is positive, so the same Run always draws the same map.
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
  const first = topEigen(cov, dim);
  deflate(cov, dim, first.vector, first.value);
  const second = topEigen(cov, dim);
  return {
    mean,
    axes: [first.vector, second.vector],
    explained: [total > 0 ? first.value / total : 0, total > 0 ? second.value / total : 0],
  };
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

function topEigen(m: Float64Array, dim: number): { vector: Float64Array; value: number } {
  let v = new Float64Array(dim);
  // A start vector no eigenvector is orthogonal to in practice (not all-equal: one-hot blocks are symmetric).
  for (let t = 0; t < dim; t++) v[t] = 1 + t / dim;
  normalise(v);
  let value = 0;
  for (let it = 0; it < 500; it++) {
    const w = new Float64Array(dim);
    for (let a = 0; a < dim; a++) {
      let s = 0;
      for (let b = 0; b < dim; b++) s += m[a * dim + b] * v[b];
      w[a] = s;
    }
    const norm = normalise(w);
    let change = 0;
    for (let t = 0; t < dim; t++) change = Math.max(change, Math.abs(w[t] - v[t]));
    v = w;
    value = norm;
    if (norm === 0 || change < 1e-10) break;
  }
  let big = 0;
  for (let t = 1; t < dim; t++) if (Math.abs(v[t]) > Math.abs(v[big])) big = t;
  if (v[big] < 0) for (let t = 0; t < dim; t++) v[t] = -v[t];
  return { vector: v, value };
}

function deflate(m: Float64Array, dim: number, v: Float64Array, value: number): void {
  for (let a = 0; a < dim; a++) for (let b = 0; b < dim; b++) m[a * dim + b] -= value * v[a] * v[b];
}

function normalise(v: Float64Array): number {
  let s = 0;
  for (let t = 0; t < v.length; t++) s += v[t] * v[t];
  const n = Math.sqrt(s);
  if (n > 0) for (let t = 0; t < v.length; t++) v[t] /= n;
  return n;
}
