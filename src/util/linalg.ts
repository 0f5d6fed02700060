/**
 * The two small dense routines the randomized SVD needs: orthonormalising the columns of a
 * tall matrix and the eigen-decomposition of a small symmetric one. Matrices are row-major
 * Float64Array. Sizes here are at most (20,000 × 40) and (40 × 40).
 */

/**
 * Orthonormalise the `cols` columns of the row-major rows × cols matrix in place (modified
 * Gram–Schmidt, run twice: one pass loses orthogonality when columns are nearly dependent, as
 * they are after power iterations; two passes are enough, "twice is enough", Giraud et al.).
 * A column that is (numerically) dependent on earlier ones becomes zero.
 */
export function orthonormalizeColumns(a: Float64Array, rows: number, cols: number): void {
  // Work on a column-major copy: each column is then contiguous (the row-major original makes
  // every column walk stride by `cols`; measured 3× slower on 20,000 × 26).
  const q = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) q[j * rows + i] = a[i * cols + j];
  const norms0 = new Float64Array(cols);
  for (let j = 0; j < cols; j++) norms0[j] = columnNorm(q, rows, j);
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < cols; j++) {
      const oj = j * rows;
      for (let p = 0; p < j; p++) {
        const op = p * rows;
        let d = 0;
        for (let i = 0; i < rows; i++) d += q[op + i] * q[oj + i];
        if (d !== 0) for (let i = 0; i < rows; i++) q[oj + i] -= d * q[op + i];
      }
      const norm = columnNorm(q, rows, j);
      // Relative to the column's original length: below 1e-10 what is left is rounding.
      if (norm <= 1e-10 * (norms0[j] || 1)) {
        q.fill(0, oj, oj + rows);
      } else {
        for (let i = 0; i < rows; i++) q[oj + i] /= norm;
      }
    }
  }
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) a[i * cols + j] = q[j * rows + i];
}

/** Norm of column j of a column-major matrix. */
function columnNorm(q: Float64Array, rows: number, j: number): number {
  let s = 0;
  const o = j * rows;
  for (let i = 0; i < rows; i++) s += q[o + i] * q[o + i];
  return Math.sqrt(s);
}

/**
 * Eigen-decomposition of a symmetric n × n matrix by cyclic Jacobi rotations (accurate for
 * small n; converges quadratically). Returns eigenvalues in decreasing order and the matching
 * eigenvectors as the columns of a row-major n × n matrix.
 */
export function symmetricEigen(m: Float64Array, n: number): { values: Float64Array; vectors: Float64Array } {
  const a = Float64Array.from(m);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    let diag = 0;
    for (let p = 0; p < n; p++) {
      diag += a[p * n + p] ** 2;
      for (let q = p + 1; q < n; q++) off += a[p * n + q] ** 2;
    }
    if (off <= 1e-30 * (diag || 1)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q];
        if (apq === 0) continue;
        const theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p];
          const akq = a[k * n + q];
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k];
          const aqk = a[q * n + k];
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p];
          const vkq = v[k * n + q];
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => a[y * n + y] - a[x * n + x]);
  const values = Float64Array.from(order, (i) => a[i * n + i]);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    for (let k = 0; k < n; k++) vectors[k * n + dst] = v[k * n + src];
  });
  return { values, vectors };
}
