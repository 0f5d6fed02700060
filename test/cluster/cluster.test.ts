import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/util/random.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import { clusterVectors, NonFiniteVectorError } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import type { Vectors } from '../../src/model/vectors.js';
import { plantedTable } from '../fixtures/planted.js';

async function plantedVectors(groups: number, seed: number, n = 3000) {
  const { table, truth } = plantedTable({ n, groups, seed });
  const { vectors } = await fitEmbedding(table, { seed: 7 });
  return { vectors, truth };
}

function uniform(n: number, dim: number, seed: number): Vectors {
  const rng = createRng(seed);
  return { n, dim, data: Float32Array.from({ length: n * dim }, () => rng()) };
}

describe('clusterVectors', () => {
  it('orders segments by size, reports scores for every k tried, and is reproducible from its centroids', async () => {
    const { vectors } = await plantedVectors(5, 5005);
    const result = clusterVectors(vectors, { seed: 11, bootstraps: 5 });
    const sizes = new Array(result.k).fill(0);
    for (const l of result.labels) sizes[l]++;
    for (let j = 1; j < result.k; j++) expect(sizes[j]).toBeLessThanOrEqual(sizes[j - 1]);
    expect(result.kScores.map((s) => s.k)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(result.silhouette).toBeCloseTo(result.kScores.find((s) => s.k === result.k)!.silhouette, 1);
    expect(result.centroids.length).toBe(result.k * vectors.dim);
    expect(Array.from(assignToCentroids(vectors, result.centroids, result.k))).toEqual(Array.from(result.labels));
  });

  it('is deterministic: same seed, same labels', async () => {
    const { vectors } = await plantedVectors(4, 6004);
    const a = clusterVectors(vectors, { seed: 3, bootstraps: 3 });
    const b = clusterVectors(vectors, { seed: 3, bootstraps: 3 });
    expect(Array.from(a.labels)).toEqual(Array.from(b.labels));
    expect(a.stability).toEqual(b.stability);
    expect(a.kScores).toEqual(b.kScores);
  });

  it('fits on a sample when there are many customers and still labels everyone', async () => {
    const { vectors, truth } = await plantedVectors(6, 7006, 6000);
    const result = clusterVectors(vectors, { seed: 2, sampleSize: 2500, bootstraps: 0 });
    expect(result.labels.length).toBe(6000);
    expect(result.k).toBe(6);
    expect(adjustedRandIndex(result.labels, truth)).toBeGreaterThan(0.95);
    expect(Array.from(assignToCentroids(vectors, result.centroids, result.k))).toEqual(Array.from(result.labels));
  });

  it('uses a given k and skips the k scores, also a k finer than the signal subspace', async () => {
    const { vectors } = await plantedVectors(4, 8004, 1500);
    const result = clusterVectors(vectors, { k: 3, seed: 1, bootstraps: 0 });
    expect(result.k).toBe(3);
    expect(result.kScores).toEqual([]);
    expect(result.stability).toEqual([]); // not measured with bootstraps: 0
    const fine = clusterVectors(vectors, { k: 12, seed: 1, bootstraps: 0 });
    expect(new Set(fine.labels).size).toBe(12);
    expect(Array.from(assignToCentroids(vectors, fine.centroids, 12))).toEqual(Array.from(fine.labels));
  });

  it('finds stable segments on clear data and unstable ones on uniform noise', async () => {
    const { vectors } = await plantedVectors(6, 9006);
    const clear = clusterVectors(vectors, { seed: 4, bootstraps: 10 });
    const noise = clusterVectors(uniform(3000, 12, 5), { k: 6, seed: 4, bootstraps: 10 });
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(Math.min(...clear.stability)).toBeGreaterThan(0.85);
    expect(mean(noise.stability)).toBeLessThan(mean(clear.stability) - 0.1);
  });

  it('rejects NaN and infinite values with the row and dimension', () => {
    const data = new Float32Array(20 * 2).fill(1);
    data[7 * 2 + 1] = Number.NaN;
    expect(() => clusterVectors({ n: 20, dim: 2, data })).toThrow(NonFiniteVectorError);
    expect(() => clusterVectors({ n: 20, dim: 2, data })).toThrow(/row 8, feature dimension 1 is NaN/);
    data[7 * 2 + 1] = Infinity;
    expect(() => clusterVectors({ n: 20, dim: 2, data })).toThrow(/Infinity/);
  });

  it('explains too few customers, too few distinct customers, and a k larger than the data', () => {
    expect(() => clusterVectors({ n: 1, dim: 2, data: new Float32Array(2) })).toThrow(/only 1 customer/);
    expect(() => clusterVectors({ n: 2, dim: 2, data: Float32Array.from([0, 0, 1, 1]) })).toThrow(/too few to choose/);
    expect(() => clusterVectors({ n: 3, dim: 1, data: Float32Array.from([0, 1, 2]) }, { k: 4 })).toThrow(/fewer than the 4 segments/);
    // 50 customers, all identical: no k ≥ 2 is possible.
    expect(() => clusterVectors({ n: 50, dim: 2, data: new Float32Array(100).fill(3) })).toThrow(/distinct/);
    // 3 distinct profiles repeated: k is chosen among what is possible.
    const dup = new Float32Array(90 * 2);
    for (let i = 0; i < 90; i++) dup.set([[0, 0], [10, 0], [0, 10]][i % 3], i * 2);
    const r = clusterVectors({ n: 90, dim: 2, data: dup }, { bootstraps: 2 });
    expect(r.k).toBe(3);
    expect(r.inertia).toBe(0);
  });

  it('finds a small group however small: the minimum segment size does not choose k (issue 14)', () => {
    // 3 big blobs and one of 20 customers: the tiny one is a segment (the Run marks it small).
    const rng = createRng(8);
    const centres = [[0, 0], [20, 0], [0, 20], [20, 20]];
    const sizes = [400, 400, 400, 20];
    const rows: number[] = [];
    sizes.forEach((s, g) => {
      for (let i = 0; i < s; i++) rows.push(centres[g][0] + rng(), centres[g][1] + rng());
    });
    const vectors = { n: rows.length / 2, dim: 2, data: Float32Array.from(rows) };
    const r = clusterVectors(vectors, { seed: 1, bootstraps: 0 });
    expect(r.k).toBe(4);
    const found = new Array<number>(r.k).fill(0);
    for (const l of r.labels) found[l]++;
    expect(Math.min(...found)).toBe(20);
  });
});
