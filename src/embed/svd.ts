/**
 * Truncated SVD by the randomized range finder (Halko, Martinsson & Tropp 2011, Alg. 4.4 with
 * power iterations, the method behind scikit-learn's TruncatedSVD(algorithm='randomized')).
 *
 * Written here because npm has no maintained SVD for sparse matrices: ml-matrix (present only
 * as a dependency of ml-kmeans, not ours to import) decomposes dense matrices only, and a
 * 20,000-document × 4,000-term TF-IDF matrix is 640 MB dense. This works through two
 * products, A·X and Aᵀ·Y, so a sparse matrix is never densified; the only dense
 * decomposition is of an l × l matrix (l = rank + oversampling ≈ 30–40).
 */
import { gaussian, createRng } from '../util/random.js';
import { orthonormalizeColumns, symmetricEigen } from '../util/linalg.js';
import type { Csr } from './tfidf.js';

/** A matrix seen only through its products with tall dense matrices (row-major Float64). */
export interface LinearOperator {
  rows: number;
  cols: number;
  /** A · X, X is cols × l; returns rows × l. */
  mul(x: Float64Array, l: number): Float64Array;
  /** Aᵀ · Y, Y is rows × l; returns cols × l. */
  mulT(y: Float64Array, l: number): Float64Array;
}

/** A sparse matrix as a LinearOperator. */
export function csrOperator(a: Csr): LinearOperator {
  return {
    rows: a.rows,
    cols: a.cols,
    mul(x, l) {
      const out = new Float64Array(a.rows * l);
      for (let i = 0; i < a.rows; i++) {
        for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
          const v = a.values[p];
          const xo = a.indices[p] * l;
          for (let c = 0; c < l; c++) out[i * l + c] += v * x[xo + c];
        }
      }
      return out;
    },
    mulT(y, l) {
      const out = new Float64Array(a.cols * l);
      for (let i = 0; i < a.rows; i++) {
        for (let p = a.indptr[i]; p < a.indptr[i + 1]; p++) {
          const v = a.values[p];
          const oo = a.indices[p] * l;
          for (let c = 0; c < l; c++) out[oo + c] += v * y[i * l + c];
        }
      }
      return out;
    },
  };
}

/**
 * A dense row-major rows × cols matrix as a LinearOperator, optionally centred (each row minus
 * `center`) without materialising the centred copy: (A − 1μᵀ)X = AX − 1(μᵀX).
 */
export function denseOperator(data: Float32Array | Float64Array, rows: number, cols: number, center?: Float64Array): LinearOperator {
  return {
    rows,
    cols,
    mul(x, l) {
      const out = new Float64Array(rows * l);
      const shift = new Float64Array(l);
      if (center) for (let t = 0; t < cols; t++) for (let c = 0; c < l; c++) shift[c] += center[t] * x[t * l + c];
      for (let i = 0; i < rows; i++) {
        for (let t = 0; t < cols; t++) {
          const v = data[i * cols + t];
          if (v === 0) continue;
          for (let c = 0; c < l; c++) out[i * l + c] += v * x[t * l + c];
        }
        for (let c = 0; c < l; c++) out[i * l + c] -= shift[c];
      }
      return out;
    },
    mulT(y, l) {
      const out = new Float64Array(cols * l);
      const colSum = new Float64Array(l);
      for (let i = 0; i < rows; i++) {
        for (let c = 0; c < l; c++) colSum[c] += y[i * l + c];
        for (let t = 0; t < cols; t++) {
          const v = data[i * cols + t];
          if (v === 0) continue;
          for (let c = 0; c < l; c++) out[t * l + c] += v * y[i * l + c];
        }
      }
      if (center) for (let t = 0; t < cols; t++) for (let c = 0; c < l; c++) out[t * l + c] -= center[t] * colSum[c];
      return out;
    },
  };
}

export interface SvdOptions {
  seed?: number;
  /** Extra random directions beyond the rank (default 10, Halko et al.'s recommendation). */
  oversample?: number;
  /** Power iterations (default 4): they sharpen the spectrum where singular values decay slowly, as in text. */
  powerIterations?: number;
}

export interface SvdResult {
  /** Right singular vectors as rows: rank × cols, row-major. Sign fixed: each row's largest |entry| is positive. */
  components: Float64Array;
  singularValues: Float64Array;
  rank: number;
}

/**
 * The top `rank` singular values and right singular vectors of A (a Csr, a dense matrix, or any
 * LinearOperator). Seeded: the same input and seed give the same components.
 */
export function svd(a: Csr | LinearOperator | { data: Float32Array | Float64Array; rows: number; cols: number }, rank: number, options: SvdOptions = {}): SvdResult {
  const op: LinearOperator = 'mul' in a ? a : 'indptr' in a ? csrOperator(a) : denseOperator(a.data, a.rows, a.cols);
  const r = Math.max(0, Math.min(rank, op.rows, op.cols));
  const l = Math.min(r + (options.oversample ?? 10), op.rows, op.cols);
  const q = options.powerIterations ?? 4;
  if (r === 0) return { components: new Float64Array(0), singularValues: new Float64Array(0), rank: 0 };

  const rng = createRng(options.seed ?? 42);
  const omega = new Float64Array(op.cols * l);
  for (let i = 0; i < omega.length; i++) omega[i] = gaussian(rng);
  let y = op.mul(omega, l);
  orthonormalizeColumns(y, op.rows, l);
  for (let it = 0; it < q; it++) {
    const z = op.mulT(y, l);
    orthonormalizeColumns(z, op.cols, l);
    y = op.mul(z, l);
    orthonormalizeColumns(y, op.rows, l);
  }
  // Bᵀ = Aᵀ Q (cols × l); B Bᵀ (l × l) has eigenvalues σ² and eigenvectors W; V = Bᵀ W / σ.
  const bt = op.mulT(y, l);
  const gram = new Float64Array(l * l);
  for (let t = 0; t < op.cols; t++) {
    for (let c = 0; c < l; c++) {
      const x = bt[t * l + c];
      if (x === 0) continue;
      for (let d = c; d < l; d++) gram[c * l + d] += x * bt[t * l + d];
    }
  }
  for (let c = 0; c < l; c++) for (let d = 0; d < c; d++) gram[c * l + d] = gram[d * l + c];
  const eig = symmetricEigen(gram, l);

  const components = new Float64Array(r * op.cols);
  const singularValues = new Float64Array(r);
  for (let i = 0; i < r; i++) {
    const sigma = Math.sqrt(Math.max(0, eig.values[i]));
    singularValues[i] = sigma;
    if (sigma <= 1e-12) continue; // rank-deficient input: the component stays zero
    let maxAbs = 0;
    let sign = 1;
    for (let t = 0; t < op.cols; t++) {
      let s = 0;
      for (let c = 0; c < l; c++) s += bt[t * l + c] * eig.vectors[c * l + i];
      s /= sigma;
      components[i * op.cols + t] = s;
      if (Math.abs(s) > maxAbs) {
        maxAbs = Math.abs(s);
        sign = s < 0 ? -1 : 1;
      }
    }
    if (sign < 0) for (let t = 0; t < op.cols; t++) components[i * op.cols + t] = -components[i * op.cols + t];
  }
  return { components, singularValues, rank: r };
}
