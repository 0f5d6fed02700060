/**
 * Issue 16's acceptance on planted customers whose reviews are Chinese (test/fixtures/planted-zh.ts,
 * a generator written apart from the clustering code), read through the real data stage:
 * - the review column is recognised as free text with no flag (Chinese has no spaces);
 * - on the review alone, with every customer writing clauses of their group, k = 6 gives ARI ≥ 0.9
 *   (English, same customers: 1.00 — test/embed/planted-zh-report.ts);
 * - on all columns with noisy reviews (10 % empty, 30 % generic clauses), k is chosen as 6 and
 *   ARI ≥ 0.95 — as with English reviews.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writePlantedZhCustomers } from '../fixtures/planted-zh.js';
import { loadCustomers } from '../../src/data/load.js';
import { fitEmbedding } from '../../src/embed/fit.js';
import { clusterVectors } from '../../src/cluster/cluster.js';
import { adjustedRandIndex } from '../../src/cluster/metrics.js';

const dir = mkdtempSync(join(tmpdir(), 'segmenta-planted-zh-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('planted customers with Chinese reviews', () => {
  it('text only (every review from the group): k = 6 recovers the groups, ARI ≥ 0.9', async () => {
    const file = join(dir, 'clean.csv');
    const { truth } = writePlantedZhCustomers(file, 5000, 16, { emptyText: 0, textNoise: 0 });
    const table = await loadCustomers(file, {});
    expect(table.schema.columns.find((c) => c.name === 'review')?.role).toBe('text');
    const { vectors } = await fitEmbedding({ ...table, numeric: [], categorical: [] }, { seed: 7 });
    const result = clusterVectors(vectors, { seed: 7, bootstraps: 0, k: 6 });
    expect(adjustedRandIndex(result.labels, Int32Array.from(truth))).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('all columns, noisy reviews: k chosen = 6 and ARI ≥ 0.95', async () => {
    const file = join(dir, 'noisy.csv');
    const { truth } = writePlantedZhCustomers(file, 5000, 17);
    const table = await loadCustomers(file, {});
    const { vectors } = await fitEmbedding(table, { seed: 7 });
    const result = clusterVectors(vectors, { seed: 7, bootstraps: 0 });
    expect(result.k).toBe(6);
    expect(adjustedRandIndex(result.labels, Int32Array.from(truth))).toBeGreaterThanOrEqual(0.95);
  }, 120_000);
});
