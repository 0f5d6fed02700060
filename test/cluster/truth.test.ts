/**
 * Issue 14's acceptance on files of our own making (test/fixtures/planted-csv.ts, written apart
 * from the clustering code), read by the real reader: k from structure, robust to noise
 * columns and blanks, small segments kept and marked. The side-by-side with scikit-learn is
 * the bench's truth table (bench/truth.ts), since tests must not need Python.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { minimumSegmentSize } from '../../src/cluster/min-segment-size.js';
import { makeRun } from '../../src/pipeline/make-run.js';
import { loadConfig } from '../../src/config.js';
import { mallCsv, plantedCsv, writePlanted, type PlantedFile } from '../fixtures/planted-csv.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-truth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function segment(file: PlantedFile, name: string) {
  const path = writePlanted(join(dir, `${name}.csv`), file);
  const table = await loadCustomers(path, {});
  const { vectors, model } = await fitEmbedding(table, { seed: 7 });
  const auto = clusterVectors(vectors, { seed: 7, bootstraps: 0 });
  return { path, table, model, k: auto.k, ari: adjustedRandIndex(auto.labels, file.truth), kScores: auto.kScores };
}

describe('the 200-row mall file (income × spending score, 5 groups of 20–80, random age and gender)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: k = 5 by itself, ARI ≥ 0.95, age and gender left out for carrying no structure`, async () => {
      const { k, ari, model, kScores } = await segment(mallCsv(seed), `mall-${seed}`);
      expect(k).toBe(5);
      expect(ari).toBeGreaterThanOrEqual(0.95);
      const left = model.structure!.features.filter((f) => !f.kept).map((f) => f.name);
      expect(left.sort()).toEqual(['Age', 'Gender']);
      // The silhouette's best k wins here: no larger k is within reach, so none needed resampling.
      expect(kScores.find((s) => s.k === 5)!.silhouette).toBe(Math.max(...kScores.map((s) => s.silhouette)));
    }, 120_000);
  }

  it('a Run of it keeps every segment, marks those under the minimum small and describes only the others', async () => {
    const path = writePlanted(join(dir, 'mall-run.csv'), mallCsv(2));
    const log: string[] = [];
    // A minimum set by the user (30) is kept as set, and does not change k.
    const config = loadConfig({ workspace: join(dir, 'ws'), minSegmentSize: 30 }, {});
    const made = await makeRun({ file: path, seed: 7, config, log: (l) => log.push(l) });
    expect(made.run.metrics.k).toBe(5);
    const small = made.run.segments.filter((s) => s.size < 30);
    expect(small.length).toBeGreaterThan(0);
    for (const s of made.run.segments) {
      expect(s.small).toBe(s.size < 30);
      expect(!!s.texts).toBe(s.size >= 30);
    }
    expect(made.run.config.minSegmentSizeWhy).toMatch(/30 \(as set\)/);
    expect(log.join('\n')).toMatch(/left out of the segmentation .*Age/);
  }, 300_000);
});

describe('the minimum segment size fits small tables', () => {
  it('is 5% of a small table (at least 10) unless set, and says so', () => {
    expect(minimumSegmentSize(200, 50, false)).toMatchObject({ value: 10 });
    expect(minimumSegmentSize(200, 50, false).why).toMatch(/5% of this table's 200 customers/);
    expect(minimumSegmentSize(100, 50, false).value).toBe(10);
    expect(minimumSegmentSize(600, 50, false).value).toBe(30);
    expect(minimumSegmentSize(5000, 50, false)).toMatchObject({ value: 50, why: expect.stringMatching(/default/) });
    expect(minimumSegmentSize(200, 50, true).value).toBe(50);
  });
});

describe('hard planted files: two close personas, one-phrase reviews, 3 random numeric + 2 random categorical columns, 5% blanks', () => {
  for (const seed of [1, 2]) {
    it(`seed ${seed}: k auto = 6 (the planted k), ARI ≥ 0.85, the five noise columns left out`, async () => {
      const { k, ari, model, table } = await segment(plantedCsv({ variant: 'hard', seed: 1000 * seed + 6, n: 3000 }), `hard-${seed}`);
      expect(table.quality.missing.length).toBeGreaterThan(5); // blanks were imputed and counted
      expect(k).toBe(6);
      expect(ari).toBeGreaterThanOrEqual(0.85);
      const left = model.structure!.features.filter((f) => !f.kept).map((f) => f.name);
      expect(left.sort()).toEqual(['device', 'loyalty_points', 'region', 'satisfaction_index', 'web_minutes']);
    }, 400_000);
  }

  it('the same file and seed give byte-for-byte the same segments; another seed the same k', async () => {
    const file = plantedCsv({ variant: 'hard', seed: 2006, n: 3000 });
    const path = writePlanted(join(dir, 'hard-repro.csv'), file);
    const table = await loadCustomers(path, {});
    const a = clusterVectors((await fitEmbedding(table, { seed: 3 })).vectors, { seed: 3, bootstraps: 0 });
    const b = clusterVectors((await fitEmbedding(table, { seed: 3 })).vectors, { seed: 3, bootstraps: 0 });
    expect(Buffer.from(a.labels.buffer).equals(Buffer.from(b.labels.buffer))).toBe(true);
    expect(Buffer.from(a.centroids.buffer).equals(Buffer.from(b.centroids.buffer))).toBe(true);
    const c = clusterVectors((await fitEmbedding(table, { seed: 11 })).vectors, { seed: 11, bootstraps: 0 });
    expect(c.k).toBe(a.k);
  }, 600_000);
});
