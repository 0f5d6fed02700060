import { describe, expect, it } from 'vitest';
import { createRng, gaussian } from '../../src/util/random.js';
import { terms, tokenize } from '../../src/util/tokenize.js';
import { tfidf, type Csr } from '../../src/embed/tfidf.js';
import { svd } from '../../src/embed/svd.js';
import { orthonormalizeColumns, symmetricEigen } from '../../src/util/linalg.js';

describe('tokenize / terms', () => {
  it('lower-cases, drops stop words and 1-letter tokens, keeps negations, forms bigrams from what remains', () => {
    expect(tokenize("The delivery was NOT fast, I'm sad")).toEqual(['delivery', 'not', 'fast', 'sad']);
    expect(terms('Fast delivery, great price')).toEqual(['fast', 'delivery', 'great', 'price', 'fast delivery', 'delivery great', 'great price']);
    expect(tokenize('Café crème 2 fois')).toEqual(['café', 'crème', 'fois']);
  });
});

describe('tfidf', () => {
  const docs = ['fast delivery', 'fast delivery great price', 'great price', 'slow delivery', '', 'price'];

  it('weights like scikit-learn (sublinear tf, smooth idf, l2 rows) and applies min df', () => {
    const { vocabulary, idf, matrix } = tfidf(docs, { minDf: 2 });
    // df: delivery 3, price 3, fast 2, great 2, fast delivery 2, great price 2; slow/others 1 → dropped.
    expect(vocabulary).toEqual(['delivery', 'price', 'fast', 'fast delivery', 'great', 'great price']);
    const n = docs.length;
    expect(idf[0]).toBeCloseTo(Math.log((1 + n) / (1 + 3)) + 1, 12);
    expect(idf[2]).toBeCloseTo(Math.log((1 + n) / (1 + 2)) + 1, 12);
    for (let i = 0; i < matrix.rows; i++) {
      let s = 0;
      for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) s += matrix.values[p] ** 2;
      expect(s === 0 || Math.abs(s - 1) < 1e-6).toBe(true);
    }
    // The empty document is an empty row.
    expect(matrix.indptr[5] - matrix.indptr[4]).toBe(0);
  });
});

describe('linalg', () => {
  it('symmetricEigen: A v = λ v, eigenvalues decreasing', () => {
    const rng = createRng(2);
    const n = 7;
    const b = Array.from({ length: n * n }, () => gaussian(rng));
    const a = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let t = 0; t < n; t++) a[i * n + j] += b[i * n + t] * b[j * n + t];
    const { values, vectors } = symmetricEigen(a, n);
    for (let c = 0; c < n; c++) {
      if (c > 0) expect(values[c]).toBeLessThanOrEqual(values[c - 1]);
      for (let i = 0; i < n; i++) {
        let av = 0;
        for (let j = 0; j < n; j++) av += a[i * n + j] * vectors[j * n + c];
        expect(av).toBeCloseTo(values[c] * vectors[i * n + c], 8);
      }
    }
  });

  it('orthonormalizeColumns gives orthonormal columns and zeroes dependent ones', () => {
    const a = Float64Array.from([1, 2, 2, 1, 4, 2, 1, 0, 2, 0, 1, 0]); // 4 × 3, third column = 2 × first
    orthonormalizeColumns(a, 4, 3);
    const col = (j: number) => [0, 1, 2, 3].map((i) => a[i * 3 + j]);
    const dot = (x: number[], y: number[]) => x.reduce((s, v, i) => s + v * y[i], 0);
    expect(dot(col(0), col(0))).toBeCloseTo(1, 12);
    expect(dot(col(1), col(1))).toBeCloseTo(1, 12);
    expect(dot(col(0), col(1))).toBeCloseTo(0, 12);
    expect(col(2).every((v) => v === 0)).toBe(true);
  });
});

describe('svd (randomized)', () => {
  /** A = U diag(s) Vᵀ with random orthonormal U (rows × r) and V (cols × r). */
  function lowRank(rows: number, cols: number, s: number[], seed: number) {
    const rng = createRng(seed);
    const r = s.length;
    const u = Float64Array.from({ length: rows * r }, () => gaussian(rng));
    const v = Float64Array.from({ length: cols * r }, () => gaussian(rng));
    orthonormalizeColumns(u, rows, r);
    orthonormalizeColumns(v, cols, r);
    const data = new Float64Array(rows * cols);
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) for (let c = 0; c < r; c++) data[i * cols + j] += u[i * r + c] * s[c] * v[j * r + c];
    return { data, v };
  }

  it('recovers singular values and right singular vectors of a low-rank matrix', () => {
    const s = [10, 7, 4, 2, 1];
    const { data, v } = lowRank(200, 60, s, 4);
    const fit = svd({ data, rows: 200, cols: 60 }, 3, { seed: 1 });
    expect(fit.rank).toBe(3);
    for (let c = 0; c < 3; c++) {
      expect(fit.singularValues[c]).toBeCloseTo(s[c], 6);
      // Same direction up to sign.
      let d = 0;
      for (let j = 0; j < 60; j++) d += fit.components[c * 60 + j] * v[j * 5 + c];
      expect(Math.abs(d)).toBeCloseTo(1, 6);
    }
  });

  it('gives the same components for a sparse matrix as for its dense form, and is seeded', () => {
    const { matrix } = tfidf(['red apple pie', 'green apple', 'red wine', 'green tea', 'apple tea', 'red tea pie', 'wine pie'], { minDf: 1 });
    const dense = new Float64Array(matrix.rows * matrix.cols);
    for (let i = 0; i < matrix.rows; i++) for (let p = matrix.indptr[i]; p < matrix.indptr[i + 1]; p++) dense[i * matrix.cols + matrix.indices[p]] = matrix.values[p];
    const a = svd(matrix as Csr, 3, { seed: 9 });
    const b = svd({ data: dense, rows: matrix.rows, cols: matrix.cols }, 3, { seed: 9 });
    const c = svd(matrix, 3, { seed: 9 });
    for (let i = 0; i < a.components.length; i++) expect(a.components[i]).toBeCloseTo(b.components[i], 8);
    expect(Array.from(c.components)).toEqual(Array.from(a.components));
  });
});
