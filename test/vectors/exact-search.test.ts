import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunIndex } from '../../src/vectors/build.js';
import { exactLookalikes, queriesFrom, type Neighbour } from '../../src/vectors/lookalike.js';
import { segmentLookalikes, seedLookalikes } from '../../src/vectors/run-lookalikes.js';
import { GRAPHS_UP_TO } from '../../src/model/vector-index.js';
import { blobs, fakeRunFile, writeAssignments } from './fixtures.js';

/**
 * Runs over GRAPHS_UP_TO customers are saved without hnswlib graphs and searched exactly
 * (bench/ measured the graphs at two thirds of a 1M-customer Run). Forced here on a small Run.
 */
describe('index without graphs (large Runs): exact search', () => {
  const b = blobs(3000, 12, 4, 5);
  const dir = mkdtempSync(join(tmpdir(), 'segmenta-exact-'));
  const meta = buildRunIndex(dir, b.vectors, b, {}, { graphs: false });
  const run = fakeRunFile(b, { index: meta });
  writeAssignments(dir, b);

  it('writes vectors and centroids but no graphs, and says so in run.index', () => {
    expect(meta.search).toBe('exact');
    expect(meta.segments.map((s) => s.count).reduce((a, c) => a + c, 0)).toBe(3000);
    expect(existsSync(join(dir, 'index/vectors.f32'))).toBe(true);
    expect(existsSync(join(dir, 'index/segment-1.hnsw'))).toBe(false);
    // Small Runs (every test fixture, the 50k recall test) keep their graphs.
    expect(GRAPHS_UP_TO).toBeGreaterThanOrEqual(50_000);
  });

  it('segment lookalikes are the exact nearest customers outside the segment', () => {
    const r = segmentLookalikes(dir, run, 2, 20);
    expect(r.neighbours).toHaveLength(20);
    for (const nb of r.neighbours) expect(b.labels[nb.label]).not.toBe(1);
    const d = r.neighbours.map((x) => x.distance);
    expect([...d].sort((x, y) => x - y)).toEqual(d);
  });

  it('seed lookalikes leave the seeds out', () => {
    const seedRows = [0, 1, 2, 3, 4];
    const data = new Float32Array(seedRows.length * 12);
    seedRows.forEach((r, i) => data.set(b.vectors.data.subarray(r * 12, r * 12 + 12), i * 12));
    const r = seedLookalikes(dir, run, { n: seedRows.length, dim: 12, data }, seedRows.map((i) => `c${i + 1}`), 15);
    expect(r.seedsInRun).toBe(5);
    expect(r.neighbours).toHaveLength(15);
    for (const nb of r.neighbours) expect(seedRows).not.toContain(nb.label);
  });

  it('the bounded-heap exact search equals sorting every candidate', () => {
    const excluded = new Uint8Array(3000);
    for (let i = 0; i < 3000; i += 3) excluded[i] = 1;
    const queries = queriesFrom(b.vectors, [10, 20, 30, 40, 50], 5, 1);
    const all: Neighbour[] = [];
    for (let i = 0; i < 3000; i++) {
      if (excluded[i]) continue;
      let best = Infinity;
      let q = 0;
      for (let j = 0; j < queries.n; j++) {
        let s = 0;
        for (let t = 0; t < 12; t++) s += (b.vectors.data[i * 12 + t] - queries.data[j * 12 + t]) ** 2;
        if (s < best) [best, q] = [s, j];
      }
      all.push({ label: i, distance: Math.sqrt(best), query: q });
    }
    all.sort((x, y) => x.distance - y.distance || x.label - y.label);
    for (const top of [1, 7, 100, 5000]) expect(exactLookalikes(b.vectors, queries, top, excluded)).toEqual(all.slice(0, top));
  });
});
