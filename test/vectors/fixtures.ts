/**
 * Synthetic vectors and hand-made Run folders for the index, lookalike, assign, export and
 * report tests: they stand in for the pipeline's output without running it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, gaussian } from '../../src/util/random.js';
import { assignToCentroids } from '../../src/cluster/assign.js';
import type { Vectors } from '../../src/model/vectors.js';
import type { RunFile } from '../../src/model/run.js';
import { toCsv } from '../../src/util/csv.js';

export interface Blobs {
  vectors: Vectors;
  centroids: Float32Array;
  /** 0-based nearest-centroid label of each row, like the pipeline's cluster labels. */
  labels: Int32Array;
  k: number;
}

/**
 * n points in k Gaussian blobs of unequal size and spread in `dim` dimensions, labelled by
 * nearest centre. `separation` scales the spread of the centres: 2.2 gives well-separated
 * segments (the hard case for a graph index), 0.5 segments that touch, like most real
 * customer data.
 */
export function blobs(n: number, dim: number, k: number, seed = 1, separation = 2.2): Blobs {
  const rng = createRng(seed);
  const centres = new Float32Array(k * dim);
  for (let i = 0; i < centres.length; i++) centres[i] = gaussian(rng) * separation;
  const weights = Array.from({ length: k }, (_, j) => 1 + j * 0.6);
  const total = weights.reduce((a, b) => a + b, 0);
  const data = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let u = rng() * total;
    let j = 0;
    while (u > weights[j] && j < k - 1) u -= weights[j++];
    const spread = 0.6 + 0.15 * j;
    for (let t = 0; t < dim; t++) data[i * dim + t] = centres[j * dim + t] + gaussian(rng) * spread;
  }
  const vectors = { n, dim, data };
  const labels = assignToCentroids(vectors, centres, k);
  // Like the pipeline: segment 1 (label 0) is the largest.
  const sizes = Array.from({ length: k }, (_, j) => ({ j, size: labels.filter((l) => l === j).length })).sort((a, b) => b.size - a.size);
  const rank = new Int32Array(k);
  sizes.forEach((s, r) => (rank[s.j] = r));
  const centroids = new Float32Array(k * dim);
  sizes.forEach((s, r) => centroids.set(centres.subarray(s.j * dim, (s.j + 1) * dim), r * dim));
  return { vectors, centroids, labels: labels.map((l) => rank[l]), k };
}

/** A RunFile with just what the index, assign, export and report code read. */
export function fakeRunFile(b: Blobs, overrides: Partial<RunFile> = {}): RunFile {
  const n = b.vectors.n;
  const sizes = Array.from({ length: b.k }, (_, j) => b.labels.filter((l) => l === j).length);
  return {
    version: 1,
    id: '20260101-000000-test',
    createdAt: '2026-01-01T00:00:00.000Z',
    config: { file: 'customers.csv', seed: 42, minSegmentSize: 50, writer: 'offline' },
    schema: { source: 'customers.csv', format: 'csv', kind: 'customers', idColumn: 'customer_id', columns: [], rowsRead: n },
    quality: { rowsRead: n, customers: n, duplicateIds: 0, missing: [], logTransformed: [], clipped: [], droppedColumns: [], warnings: [] },
    embedding: { dim: b.vectors.dim, blocks: [], textEmbedder: 'none' },
    metrics: { customers: n, k: b.k, kChosen: 'given', silhouette: 0.5, inertia: 1, iterations: 1, kScores: [], seconds: {} },
    segments: sizes.map((size, j) => ({
      id: j + 1,
      size,
      share: size / n,
      small: size < 50,
      profile: { id: j + 1, size, share: size / n, small: size < 50, stability: 0.9, numeric: [], categories: [], terms: [], rfm: {}, representatives: [] },
    })),
    textsHistory: [],
    ...overrides,
  };
}

/** Write assignments.csv (ids "c1", "c2", …) for blobs into a Run folder. */
export function writeAssignments(dir: string, b: Blobs, idColumn = 'customer_id', id = (i: number) => `c${i + 1}`): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'assignments.csv'), toCsv([idColumn, 'segment'], Array.from(b.labels, (l, i) => [id(i), l + 1])));
}
