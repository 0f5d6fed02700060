import { describe, expect, it } from 'vitest';
import { kmeans as mlKmeans } from 'ml-kmeans';
import { createRng, gaussian } from '../../src/util/random.js';
import type { Vectors } from '../../src/model/vectors.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import { kmeans, lloyd } from '../../src/cluster/kmeans.js';
import { kmeansPlusPlus, TooFewDistinctPointsError } from '../../src/cluster/kmeans-pp.js';

/** n points around `centres` random centres in `dim` dimensions (unit noise). */
function blobs(n: number, dim: number, centres: number, spread: number, seed: number): { vectors: Vectors; truth: Int32Array } {
  const rng = createRng(seed);
  const c = Array.from({ length: centres }, () => Array.from({ length: dim }, () => gaussian(rng) * spread));
  const data = new Float32Array(n * dim);
  const truth = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    truth[i] = i % centres;
    for (let t = 0; t < dim; t++) data[i * dim + t] = c[truth[i]][t] + gaussian(rng);
  }
  return { vectors: { n, dim, data }, truth };
}

function inertiaOf(v: Vectors, labels: ArrayLike<number>, centroids: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < v.n; i++) for (let t = 0; t < v.dim; t++) s += (v.data[i * v.dim + t] - centroids[labels[i] * v.dim + t]) ** 2;
  return s;
}

/** Textbook Lloyd (full scan every iteration), the reference for the bounded kernel. */
function naiveLloyd(v: Vectors, init: Float64Array, k: number, maxIterations: number): { labels: Int32Array; centres: Float64Array } {
  const { n, dim, data } = v;
  const centres = Float64Array.from(init);
  const labels = new Int32Array(n).fill(-1);
  for (let it = 0; it <= maxIterations; it++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let j = 0; j < k; j++) {
        let d = 0;
        for (let t = 0; t < dim; t++) d += (data[i * dim + t] - centres[j * dim + t]) ** 2;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
    }
    if (!changed) break;
    const sums = new Float64Array(k * dim);
    const counts = new Float64Array(k);
    for (let i = 0; i < n; i++) {
      counts[labels[i]]++;
      for (let t = 0; t < dim; t++) sums[labels[i] * dim + t] += data[i * dim + t];
    }
    for (let j = 0; j < k; j++) for (let t = 0; t < dim; t++) if (counts[j] > 0) centres[j * dim + t] = sums[j * dim + t] / counts[j];
  }
  return { labels, centres };
}

describe('k-means kernel', () => {
  it('reaches the same inertia as ml-kmeans (the named package) on a small dataset', () => {
    const { vectors } = blobs(600, 5, 4, 4, 11);
    const rows = Array.from({ length: vectors.n }, (_, i) => Array.from(vectors.data.subarray(i * 5, i * 5 + 5)));
    const reference = mlKmeans(rows, 4, { seed: 3, initialization: 'kmeans++' });
    const theirs = inertiaOf(vectors, reference.clusters, reference.centroids.flat());
    const ours = kmeans(vectors, 4, { seed: 3 });
    expect(ours.inertia).toBeGreaterThan(0);
    expect(Math.abs(ours.inertia - theirs) / theirs).toBeLessThan(1e-3);
    expect(ours.inertia).toBeCloseTo(inertiaOf(vectors, ours.labels, ours.centroids), 0);
  });

  it('gives exactly the labels of textbook Lloyd from the same start (the bounds only skip work)', () => {
    for (const seed of [1, 2, 3]) {
      // Overlapping blobs: many iterations, many points near boundaries.
      const { vectors } = blobs(2000, 8, 6, 0.8, seed);
      const init = kmeansPlusPlus(vectors, 6, createRng(seed));
      const ours = lloyd(vectors, init, 6, { tolerance: 0, maxIterations: 500 });
      const ref = naiveLloyd(vectors, init, 6, 500);
      expect(ours.converged).toBe(true);
      expect(Array.from(ours.labels)).toEqual(Array.from(ref.labels));
      for (let i = 0; i < ref.centres.length; i++) expect(ours.centroids[i]).toBeCloseTo(ref.centres[i], 4);
    }
  });

  it('re-seeds an empty cluster from the farthest point', () => {
    const { vectors } = blobs(300, 3, 3, 5, 4);
    const init = new Float64Array(4 * 3);
    for (let j = 0; j < 3; j++) for (let t = 0; t < 3; t++) init[j * 3 + t] = vectors.data[j * 3 + t];
    init.fill(1e6, 9); // a centre no point is near: empty after the first assignment
    const result = lloyd(vectors, init, 4);
    const sizes = new Array(4).fill(0);
    for (const l of result.labels) sizes[l]++;
    expect(Math.min(...sizes)).toBeGreaterThan(0);
    for (const v of result.centroids) expect(Number.isFinite(v)).toBe(true);
  });

  it('handles duplicate points, and says clearly when there are fewer distinct points than k', () => {
    const distinct = [
      [0, 0],
      [5, 5],
      [0, 5],
      [5, 0],
      [9, 9],
    ];
    const data = new Float32Array(500 * 2);
    for (let i = 0; i < 500; i++) data.set(distinct[i % 5], i * 2);
    const vectors = { n: 500, dim: 2, data };
    const fit = kmeans(vectors, 5, { seed: 1 });
    expect(fit.inertia).toBe(0);
    expect(new Set(fit.labels).size).toBe(5);
    expect(() => kmeans(vectors, 6, { seed: 1 })).toThrow(TooFewDistinctPointsError);
    expect(() => kmeans(vectors, 6, { seed: 1 })).toThrow(/only 5 distinct/);
  });

  it('is deterministic for a seed, and best-of-restarts never loses to one restart', () => {
    const { vectors } = blobs(1500, 6, 7, 1.2, 9);
    const a = kmeans(vectors, 7, { seed: 5 });
    const b = kmeans(vectors, 7, { seed: 5 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.inertia).toBe(b.inertia);
    const one = kmeans(vectors, 7, { seed: 5, restarts: 1 });
    expect(a.inertia).toBeLessThanOrEqual(one.inertia + 1e-6);
  });

  it('assignToCentroids reproduces the labels of a converged fit', () => {
    const { vectors } = blobs(3000, 10, 5, 2, 21);
    const fit = kmeans(vectors, 5, { seed: 2, tolerance: 0 });
    expect(Array.from(assignToCentroids(vectors, fit.centroids, 5))).toEqual(Array.from(fit.labels));
  });
});
