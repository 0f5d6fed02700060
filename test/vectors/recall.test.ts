import { describe, expect, it, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRunIndex } from '../../src/vectors/build.js';
import { openSegmentIndexes } from '../../src/vectors/load.js';
import { annLookalikes, exactLookalikes, queriesFrom, recallAt } from '../../src/vectors/lookalike.js';
import type { Hnsw } from '../../src/vectors/hnsw.js';
import { blobs, fakeRunFile, type Blobs } from './fixtures.js';

/**
 * Acceptance: lookalike recall@10 against exact (brute-force) search on 50,000 customers,
 * with the index built, saved, verified and reopened exactly as a Run does it, on segments
 * that are well separated (the hard case for a graph index) and segments that touch.
 */
const N = 50_000;
const DIM = 32;
const K = 8;

for (const [label, separation] of [
  ['well-separated', 2.2],
  ['touching', 0.5],
] as const) {
  describe(`lookalike recall on ${N.toLocaleString('en-US')} synthetic customers, ${label} segments`, () => {
    let b: Blobs;
    let graphs: Map<number, Hnsw>;
    let ef: number;

    beforeAll(() => {
      b = blobs(N, DIM, K, 11, separation);
      const dir = mkdtempSync(join(tmpdir(), 'segmenta-recall-'));
      const t0 = performance.now();
      const meta = buildRunIndex(dir, b.vectors, b);
      console.log(`[${label}] index build: ${N} × ${DIM}, M ${meta.M}, efConstruction ${meta.efConstruction}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      graphs = openSegmentIndexes(dir, fakeRunFile(b, { index: meta }), Array.from({ length: K }, (_, j) => j + 1));
      ef = meta.ef;
    }, 300_000);

    function segmentCase(s: number, probes: number, seed: number) {
      const members: number[] = [];
      const excluded = new Uint8Array(N);
      b.labels.forEach((l, i) => {
        if (l === s) {
          members.push(i);
          excluded[i] = 1;
        }
      });
      const queries = queriesFrom(b.vectors, members, probes, seed, b.centroids.subarray(s * DIM, (s + 1) * DIM));
      const others = [...graphs].filter(([seg]) => seg !== s + 1).map(([, g]) => g);
      return { queries, excluded, others };
    }

    it('recall@10 ≥ 0.95 for every segment\'s lookalikes (centre + 32 members as queries)', () => {
      const recalls: number[] = [];
      let annMs = 0;
      for (let s = 0; s < K; s++) {
        const { queries, excluded, others } = segmentCase(s, 32, 7);
        const t0 = performance.now();
        const approx = annLookalikes(others, queries, 10, ef);
        annMs += performance.now() - t0;
        for (const x of approx) expect(excluded[x.label]).toBe(0);
        recalls.push(recallAt(approx, exactLookalikes(b.vectors, queries, 10, excluded), 10));
      }
      const mean = recalls.reduce((a, r) => a + r, 0) / recalls.length;
      console.log(`[${label}] segment lookalikes recall@10 (ef ${ef}): mean ${mean.toFixed(3)}, min ${Math.min(...recalls).toFixed(2)} (${recalls.map((r) => r.toFixed(2)).join(' ')}); ${(annMs / K).toFixed(0)} ms per segment`);
      expect(mean).toBeGreaterThanOrEqual(0.95);
    });

    it('recall@100 ≥ 0.95 for a larger audience', () => {
      const { queries, excluded, others } = segmentCase(2, 32, 3);
      const r = recallAt(annLookalikes(others, queries, 100, ef), exactLookalikes(b.vectors, queries, 100, excluded), 100);
      console.log(`[${label}] segment 3 lookalikes recall@100: ${r.toFixed(3)}`);
      expect(r).toBeGreaterThanOrEqual(0.95);
    });

    it('recall@10 ≥ 0.95 for seed lists (20 customers, seeds excluded, all graphs searched)', () => {
      let sum = 0;
      const all = [...graphs.values()];
      for (let t = 0; t < 20; t++) {
        const excluded = new Uint8Array(N);
        const rows = Array.from({ length: 20 }, (_, j) => (t * 2477 + j * 7919) % N);
        for (const r of rows) excluded[r] = 1;
        const queries = queriesFrom(b.vectors, rows, 20, t);
        sum += recallAt(annLookalikes(all, queries, 10, ef, excluded), exactLookalikes(b.vectors, queries, 10, excluded), 10);
      }
      console.log(`[${label}] seed-list lookalikes recall@10: ${(sum / 20).toFixed(3)}`);
      expect(sum / 20).toBeGreaterThanOrEqual(0.95);
    });
  });
}
