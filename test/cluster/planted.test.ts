/**
 * The acceptance bar of issue 3 on our own planted generator: from a customer table shaped
 * like ours, the pipeline (fitEmbedding → clusterVectors) must pick the planted number of
 * groups by itself and reach ARI ≥ 0.95. Seeds and shapes vary; the full sweep over more
 * seeds, with every run's k and ARI, is test/cluster/planted-report.ts.
 */
import { describe, expect, it } from 'vitest';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';
import { plantedTable, type PlantedOptions } from '../fixtures/planted.js';

async function run(options: PlantedOptions) {
  const { table, truth } = plantedTable(options);
  const { vectors } = await fitEmbedding(table, { seed: 7 });
  const result = clusterVectors(vectors, { seed: 7, bootstraps: 0 });
  return { k: result.k, ari: adjustedRandIndex(result.labels, truth) };
}

describe('planted groups are recovered', () => {
  for (const seed of [1, 2, 3]) {
    it(`6 groups, 5,000 customers, seed ${seed}: k = 6 and ARI ≥ 0.95`, async () => {
      const { k, ari } = await run({ n: 5000, groups: 6, seed: 1000 * seed + 6 });
      expect(k).toBe(6);
      expect(ari).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('8 groups: k = 8 and ARI ≥ 0.95', async () => {
    const { k, ari } = await run({ n: 5000, groups: 8, seed: 1008 });
    expect(k).toBe(8);
    expect(ari).toBeGreaterThanOrEqual(0.95);
  });

  it('4 groups, 3,000 customers: k = 4 and ARI ≥ 0.95', async () => {
    const { k, ari } = await run({ n: 3000, groups: 4, seed: 2004 });
    expect(k).toBe(4);
    expect(ari).toBeGreaterThanOrEqual(0.95);
  });

  it('6 groups without any text column: k = 6 and ARI ≥ 0.94', async () => {
    const { k, ari } = await run({ n: 5000, groups: 6, seed: 2006, text: false });
    expect(k).toBe(6);
    expect(ari).toBeGreaterThanOrEqual(0.94);
  });

  it('5 groups, fewer columns (lean shape): k = 5 and ARI ≥ 0.90 (the nearest-true-mean ceiling is ~0.95)', async () => {
    const { k, ari } = await run({ n: 5000, groups: 5, seed: 2005, shape: 'lean' });
    expect(k).toBe(5);
    expect(ari).toBeGreaterThanOrEqual(0.9);
  });
});
